/**
 * An xterm.js addon that attaches a terminal to its worker backend, in the manner of xterm's
 * AttachAddon: keys go through the page-side LineEditor, complete command lines go to the worker's
 * Session, output streams back and is written as it comes. Input typed while a command runs (or
 * while a completion or the editor is pending) is queued and replayed, never dropped; Ctrl-C aborts
 * the running command in the worker. Every subscription is kept and released by `dispose()`.
 */
import * as Comlink from 'comlink';
import type { IDisposable, ITerminalAddon, Terminal } from '@xterm/xterm';
import { LineEditor } from './line-editor.ts';
import type { CompletionResult, OutputStream, RunResult } from '../worker/protocol.ts';

/** The part of the worker API the addon uses (a Comlink remote satisfies it). */
export interface AttachBackend {
  run(text: string, sink: (stream: OutputStream, text: string) => void): Promise<RunResult>;
  interrupt(): void | Promise<void>;
  complete(line: string, cursor: number): Promise<CompletionResult>;
  prompt(): string | Promise<string>;
}

export interface WorkerAttachOptions {
  history?: string[];
  /** Called with the new history after each command line. */
  onHistory?(history: readonly string[]): void;
  /** Called when a command starts (true) and ends (false). */
  onBusy?(busy: boolean): void;
  /** Called when the backend fails (the worker died mid-call). */
  onBackendError?(error: unknown): void;
}

type Phase = 'idle' | 'running' | 'completing' | 'stopped';

export class WorkerAttachAddon implements ITerminalAddon {
  private terminal: Terminal | undefined;
  private readonly disposables: IDisposable[] = [];
  private readonly editor: LineEditor;
  private phase: Phase = 'stopped';
  private queue = '';
  private exitCode = 0;

  constructor(
    private readonly backend: AttachBackend,
    private readonly opts: WorkerAttachOptions = {},
  ) {
    this.editor = new LineEditor({ history: opts.history });
  }

  activate(terminal: Terminal): void {
    this.terminal = terminal;
    this.editor.setCols(terminal.cols);
    this.disposables.push(
      terminal.onData((data) => this.input(data)),
      terminal.onResize(({ cols }) => this.editor.setCols(cols)),
    );
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.phase = 'stopped';
    this.terminal = undefined;
  }

  /** The exit code of the last command. */
  get lastExitCode(): number {
    return this.exitCode;
  }

  /** True while a command runs. */
  get busy(): boolean {
    return this.phase === 'running';
  }

  /** Forgets the command history (Reset). */
  clearHistory(): void {
    this.editor.clearHistory();
  }

  /** Draws the prompt and starts reading input (after init, a reset or a restart). */
  async begin(prompt?: string): Promise<void> {
    const text = prompt ?? (await this.backend.prompt());
    // Output that did not end its line (`cat` of a file without a final newline) keeps its line:
    // the prompt starts on the next one.
    const terminal = this.terminal;
    if (terminal) {
      await new Promise<void>((resolve) => terminal.write('', resolve));
      if (terminal.buffer.active.cursorX > 0) this.write('\r\n');
    }
    this.phase = 'idle';
    this.write(this.editor.start(text));
    this.drain();
  }

  /** Sends text as if typed (the touch input box and tests use this). */
  input(data: string): void {
    if (this.phase === 'running') {
      const cut = data.indexOf('\x03');
      if (cut >= 0) {
        // Like a tty's ISIG: Ctrl-C interrupts and flushes what was typed ahead. The session
        // prints the ^C when the command has stopped, after what the command printed up to then.
        this.queue = '';
        void this.backend.interrupt();
        return;
      }
      this.queue += data;
      return;
    }
    if (this.phase !== 'idle') {
      this.queue += data;
      return;
    }
    this.process(data);
  }

  private process(data: string): void {
    const r = this.editor.feed(data);
    this.write(r.output);
    this.queue = r.rest + this.queue;
    for (const ev of r.events) {
      if (ev.type === 'submit') {
        this.opts.onHistory?.(this.editor.history);
        void this.runCommand(ev.text);
        return;
      }
      if (ev.type === 'complete') {
        void this.completeLine(ev.line, ev.cursor);
        return;
      }
    }
  }

  private drain(): void {
    if (this.phase !== 'idle' || this.queue === '') return;
    const data = this.queue;
    this.queue = '';
    this.process(data);
  }

  private async runCommand(text: string): Promise<void> {
    this.phase = 'running';
    this.opts.onBusy?.(true);
    let prompt: string;
    try {
      const result = await this.backend.run(
        text,
        Comlink.proxy((_stream: OutputStream, chunk: string) => this.write(chunk)),
      );
      this.exitCode = result.code;
      prompt = result.prompt;
    } catch (e) {
      this.phase = 'stopped';
      this.opts.onBusy?.(false);
      this.opts.onBackendError?.(e);
      return;
    }
    if (this.phase !== 'running') return;
    this.opts.onBusy?.(false);
    await this.begin(prompt);
  }

  private async completeLine(line: string, cursor: number): Promise<void> {
    this.phase = 'completing';
    let result: CompletionResult;
    try {
      result = await this.backend.complete(line, cursor);
    } catch {
      result = { replaceFrom: cursor, candidates: [] };
    }
    if (this.phase !== 'completing') return;
    this.phase = 'idle';
    this.write(this.editor.applyCompletion(result));
    this.drain();
  }

  private write(data: string): void {
    if (data !== '') this.terminal?.write(data);
  }
}
