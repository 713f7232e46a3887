/**
 * The Web Worker entry of a terminal: exposes one TerminalBackend over Comlink. Each terminal on a
 * page starts its own worker, so each has its own cluster.
 */
import * as Comlink from 'comlink';
import { TerminalBackend } from './terminal-backend.ts';

Comlink.expose(new TerminalBackend());
