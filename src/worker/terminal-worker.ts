/**
 * The Web Worker entry of a terminal: exposes one TerminalBackend over Comlink. Each terminal on a
 * page starts its own worker, so each has its own cluster. The build's booted default cluster
 * (boot-snapshot.ts) is fetched as the worker starts and handed to the boot cache before the
 * first session is made.
 */
import * as Comlink from 'comlink';
import { BOOT_SNAPSHOT_FILE, fetchBootSnapshot, usePrebuiltBoot } from './boot-snapshot.ts';
import type { EditorOpener, InitResult, TerminalOptions } from './protocol.ts';
import { TerminalBackend } from './terminal-backend.ts';

const prebuilt = fetchBootSnapshot(new URL(`${import.meta.env.BASE_URL}${BOOT_SNAPSHOT_FILE}`, location.href).href);

class PrebootedBackend extends TerminalBackend {
  override async init(opts: TerminalOptions, editor: EditorOpener): Promise<InitResult> {
    usePrebuiltBoot(await prebuilt);
    return super.init(opts, editor);
  }
}

Comlink.expose(new PrebootedBackend());
