/**
 * What just-bash's Node build imports from Node, for the worker. The worker runs that build (the
 * same one the CLI and the tests run) so that each bash command arrives as its own chunk on first
 * use; its Node-only parts — host-directory filesystems, the network layer, gzip, the Python and
 * SQLite workers — are never constructed in the terminal, so each stand-in here throws if reached.
 * astro.config.mjs points every `node:` module just-bash names at this file.
 */

function unavailable(what: string): never {
  throw new Error(`${what} is not available in this terminal`);
}

// node:module — every chunk of the build starts with `createRequire(import.meta.url)`.
export function createRequire(): (id: string) => never {
  return (id) => unavailable(`require('${id}')`);
}
export const Module = undefined;

// node:async_hooks — only used when `__BROWSER__` is false (astro.config.mjs defines it true).
export class AsyncLocalStorage<T> {
  getStore(): T | undefined {
    return undefined;
  }
  run<R>(_store: T, fn: () => R): R {
    return fn();
  }
}

// node:fs, node:fs/promises — host-directory filesystems (OverlayFs, ReadWriteFs).
export const constants = {};
export const promises = {};
export const existsSync = (): never => unavailable('the host filesystem');
export const lstatSync = existsSync;
export const statSync = existsSync;
export const readdirSync = existsSync;
export const readlinkSync = existsSync;
export const realpathSync = existsSync;
export const open = async (): Promise<never> => unavailable('the host filesystem');

// node:path — only used next to the host filesystem.
export const sep = '/';
export const posix = {};
export const win32 = {};
export const basename = (): never => unavailable('node:path');
export const dirname = basename;
export const join = basename;
export const resolve = basename;
export const relative = basename;
export const isAbsolute = basename;

// node:url, node:worker_threads — the Python, SQLite and js-exec workers.
export const fileURLToPath = (): never => unavailable('node:url');
export class Worker {
  constructor() {
    unavailable('node:worker_threads');
  }
}

// node:crypto, node:dns — the network layer and OverlayFs copy tokens.
export const randomBytes = (): never => unavailable('node:crypto');
export const lookup = (): never => unavailable('node:dns');

// node:zlib — gzip, gunzip and zcat.
export const gzipSync = (): never => unavailable('gzip');
export const gunzipSync = gzipSync;

export default {};
