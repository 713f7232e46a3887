/**
 * The page-side line editor of the terminal, in the manner of readline: it turns the bytes xterm.js
 * reports for keys (and pastes) into an edited command line, and says what to write back to the
 * screen. Cursor keys, Home/End, Ctrl-A/E/B/F/U/K/W/Y/D, Alt-B/F/D, history ↑/↓, Ctrl-R reverse
 * search, Ctrl-C, Ctrl-L and Tab completion; Enter on an open heredoc, quote or block continues
 * with a `> ` prompt. Pure logic with no DOM, so it is unit-tested directly.
 *
 * Rendering redraws the whole input on every change: move to where the prompt starts, clear to the
 * end of the screen, write prompt and text, then place the cursor. Lines that wrap at the terminal's
 * width are accounted for, including xterm's pending-wrap state at the right edge.
 */
import { isIncomplete } from './shell-input.ts';

export type LineEditorEvent =
  /** A complete command (several lines joined with `\n` for heredocs and blocks) to run. */
  | { type: 'submit'; text: string }
  /** Ctrl-C at the prompt: the line was dropped and a fresh prompt drawn. */
  | { type: 'interrupt' }
  /** Tab: ask for completions of `line` at `cursor`, then call `applyCompletion`. */
  | { type: 'complete'; line: string; cursor: number }
  /** Ctrl-D on an empty line. */
  | { type: 'eof' };

export interface FeedResult {
  /** What to write to the terminal. */
  output: string;
  events: LineEditorEvent[];
  /**
   * Input left unread because the editor is waiting (after a submit or a completion request).
   * Feed it again once the command has run or the completion is applied.
   */
  rest: string;
}

export interface Completion {
  /** Index in the line where the word being completed starts. */
  replaceFrom: number;
  candidates: string[];
}

export interface LineEditorOptions {
  history?: string[];
  /** Terminal width in columns. */
  cols?: number;
  /** Most history entries kept. */
  historyLimit?: number;
}

export const CONTINUATION_PROMPT = '> ';
const BELL = '\x07';

interface SearchState {
  query: string;
  /** History index of the current match, or -1. */
  match: number;
  failed: boolean;
}

/** Width on screen of a string, ignoring SGR and other CSI escape sequences. */
export function visibleText(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\x1b\][^\x07]*\x07/g, '');
}

interface Position {
  row: number;
  col: number;
}

/**
 * Where each character lands on a terminal `cols` wide, starting at column 0. Returns the position
 * after the first `upTo` characters; `col === cols` means the cursor sits in xterm's pending-wrap
 * state at the right edge.
 */
export function positionAfter(text: string, upTo: number, cols: number): Position {
  let row = 0;
  let col = 0;
  for (let i = 0; i < upTo && i < text.length; i++) {
    if (text[i] === '\n') {
      row++;
      col = 0;
      continue;
    }
    if (col === cols) {
      row++;
      col = 0;
    }
    col++;
  }
  return { row, col };
}

function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

/** Lays out completion candidates in columns, sorted down then across, as bash does. */
export function formatCandidates(candidates: string[], cols: number): string {
  const width = Math.max(...candidates.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(candidates.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = candidates[c * rows + r];
      if (item === undefined) continue;
      const isLast = (c + 1) * rows + r >= candidates.length;
      line += isLast ? item : item.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\r\n');
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

export class LineEditor {
  private prompt = '';
  private buffer = '';
  private cursor = 0;
  /** Lines already entered for a command that continues (heredoc, quote, block). */
  private pending: string[] = [];
  private entries: string[];
  private historyIndex: number;
  private draft = '';
  private killed = '';
  private search: SearchState | null = null;
  private renderedRow = 0;
  private cols: number;
  private readonly historyLimit: number;
  private waiting = true;

  constructor(opts: LineEditorOptions = {}) {
    this.entries = [...(opts.history ?? [])];
    this.historyIndex = this.entries.length;
    this.cols = Math.max(1, opts.cols ?? 80);
    this.historyLimit = opts.historyLimit ?? 1000;
  }

  /** History entries, oldest first. */
  get history(): readonly string[] {
    return this.entries;
  }

  clearHistory(): void {
    this.entries = [];
    this.historyIndex = 0;
  }

  /** True while the editor is reading a line (false between a submit and the next `start`). */
  get active(): boolean {
    return !this.waiting;
  }

  get line(): string {
    return this.buffer;
  }

  get cursorIndex(): number {
    return this.cursor;
  }

  setCols(cols: number): void {
    this.cols = Math.max(1, cols);
  }

  /** Begins reading a new command line after `prompt`; returns what to write. */
  start(prompt: string): string {
    this.prompt = prompt;
    this.buffer = '';
    this.cursor = 0;
    this.pending = [];
    this.search = null;
    this.historyIndex = this.entries.length;
    this.draft = '';
    this.renderedRow = 0;
    this.waiting = false;
    return this.render();
  }

  /** Redraws the prompt and line from the cursor's current row (after output or a clear). */
  redraw(): string {
    this.renderedRow = 0;
    return this.render();
  }

  /** Processes keys and pasted text. */
  feed(data: string): FeedResult {
    let output = '';
    const events: LineEditorEvent[] = [];
    let i = 0;
    while (i < data.length) {
      if (this.waiting) break;
      const key = readKey(data, i);
      i += key.length;
      const r = this.key(key);
      output += r.output;
      if (r.event) {
        events.push(r.event);
        if (r.event.type === 'submit' || r.event.type === 'complete') {
          this.waiting = true;
          break;
        }
      }
    }
    return { output, events, rest: data.slice(i) };
  }

  /** Applies the completions the shell found for the last `complete` event. */
  applyCompletion(c: Completion): string {
    this.waiting = false;
    const from = Math.max(0, Math.min(c.replaceFrom, this.cursor));
    const word = this.buffer.slice(from, this.cursor);
    const candidates = [...new Set(c.candidates)];
    if (candidates.length === 0) return BELL;
    if (candidates.length === 1) {
      const only = candidates[0]!;
      const suffix = only.endsWith('/') || only.endsWith('=') ? '' : ' ';
      this.replaceRange(from, this.cursor, only + suffix);
      return this.render();
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length && prefix.startsWith(word)) {
      this.replaceRange(from, this.cursor, prefix);
      return this.render();
    }
    let out = this.moveToEnd() + '\r\n' + formatCandidates(candidates.sort(), this.cols) + '\r\n';
    this.renderedRow = 0;
    out += this.render();
    return out;
  }

  private replaceRange(from: number, to: number, text: string): void {
    this.buffer = this.buffer.slice(0, from) + text + this.buffer.slice(to);
    this.cursor = from + text.length;
  }

  private key(k: string): { output: string; event?: LineEditorEvent } {
    if (this.search) return this.searchKey(k);
    switch (k) {
      case '\r':
      case '\n':
        return this.enter();
      case '\x03':
        return this.interrupt();
      case '\x04':
        if (this.buffer === '' && this.pending.length === 0) return { output: '', event: { type: 'eof' } };
        return this.edit(() => this.deleteForward());
      case '\t':
        return { output: '', event: { type: 'complete', line: this.buffer, cursor: this.cursor } };
      case '\x7f':
      case '\b':
        return this.edit(() => {
          if (this.cursor === 0) return false;
          this.replaceRange(this.cursor - 1, this.cursor, '');
          return true;
        });
      case '\x1b[3~':
        return this.edit(() => this.deleteForward());
      case '\x01':
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x1b[7~':
        return this.move(0);
      case '\x05':
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x1b[8~':
        return this.move(this.buffer.length);
      case '\x02':
      case '\x1b[D':
      case '\x1bOD':
        return this.move(this.cursor - 1);
      case '\x06':
      case '\x1b[C':
      case '\x1bOC':
        return this.move(this.cursor + 1);
      case '\x1bb':
      case '\x1b[1;5D':
      case '\x1b[1;3D':
        return this.move(this.wordStart(this.cursor));
      case '\x1bf':
      case '\x1b[1;5C':
      case '\x1b[1;3C':
        return this.move(this.wordEnd(this.cursor));
      case '\x1b[A':
      case '\x1bOA':
      case '\x10':
        return this.historyStep(-1);
      case '\x1b[B':
      case '\x1bOB':
      case '\x0e':
        return this.historyStep(1);
      case '\x15':
        return this.edit(() => this.kill(0, this.cursor));
      case '\x0b':
        return this.edit(() => this.kill(this.cursor, this.buffer.length));
      case '\x17':
        return this.edit(() => {
          let start = this.cursor;
          while (start > 0 && /\s/.test(this.buffer[start - 1]!)) start--;
          while (start > 0 && !/\s/.test(this.buffer[start - 1]!)) start--;
          return this.kill(start, this.cursor);
        });
      case '\x1b\x7f':
        return this.edit(() => this.kill(this.wordStart(this.cursor), this.cursor));
      case '\x1bd':
        return this.edit(() => this.kill(this.cursor, this.wordEnd(this.cursor)));
      case '\x19':
        return this.edit(() => {
          if (this.killed === '') return false;
          this.replaceRange(this.cursor, this.cursor, this.killed);
          return true;
        });
      case '\x0c': {
        this.renderedRow = 0;
        return { output: '\x1b[H\x1b[2J' + this.render() };
      }
      case '\x12':
        this.search = { query: '', match: -1, failed: false };
        return { output: this.render() };
      default:
        if (k.startsWith('\x1b') || (k.length === 1 && k < ' ')) return { output: '' };
        return this.edit(() => {
          this.replaceRange(this.cursor, this.cursor, k);
          return true;
        });
    }
  }

  private deleteForward(): boolean {
    if (this.cursor >= this.buffer.length) return false;
    this.replaceRange(this.cursor, this.cursor + 1, '');
    this.cursor = Math.min(this.cursor, this.buffer.length);
    return true;
  }

  private kill(from: number, to: number): boolean {
    if (to <= from) return false;
    this.killed = this.buffer.slice(from, to);
    this.buffer = this.buffer.slice(0, from) + this.buffer.slice(to);
    this.cursor = from;
    return true;
  }

  private wordStart(from: number): number {
    let i = from;
    while (i > 0 && !isWordChar(this.buffer[i - 1])) i--;
    while (i > 0 && isWordChar(this.buffer[i - 1])) i--;
    return i;
  }

  private wordEnd(from: number): number {
    let i = from;
    while (i < this.buffer.length && !isWordChar(this.buffer[i])) i++;
    while (i < this.buffer.length && isWordChar(this.buffer[i])) i++;
    return i;
  }

  private edit(change: () => boolean): { output: string } {
    return { output: change() ? this.render() : '' };
  }

  private move(to: number): { output: string } {
    const clamped = Math.max(0, Math.min(this.buffer.length, to));
    if (clamped === this.cursor) return { output: '' };
    this.cursor = clamped;
    return { output: this.render() };
  }

  private historyStep(delta: number): { output: string } {
    const next = this.historyIndex + delta;
    if (next < 0 || next > this.entries.length) return { output: BELL };
    if (this.historyIndex === this.entries.length) this.draft = this.buffer;
    this.historyIndex = next;
    this.buffer = next === this.entries.length ? this.draft : this.entries[next]!;
    this.cursor = this.buffer.length;
    return { output: this.render() };
  }

  private enter(): { output: string; event?: LineEditorEvent } {
    const text = [...this.pending, this.buffer].join('\n');
    const end = this.moveToEnd();
    if (isIncomplete(text)) {
      this.pending.push(this.buffer);
      this.buffer = '';
      this.cursor = 0;
      this.renderedRow = 0;
      return { output: end + '\r\n' + this.render() };
    }
    this.pending = [];
    this.buffer = '';
    this.cursor = 0;
    this.renderedRow = 0;
    if (text.trim() === '') {
      // Like bash: an empty line runs nothing and gives a fresh prompt.
      this.historyIndex = this.entries.length;
      return { output: end + '\r\n' + this.render() };
    }
    this.remember(text);
    return { output: end + '\r\n', event: { type: 'submit', text } };
  }

  private interrupt(): { output: string; event: LineEditorEvent } {
    const out = this.moveToEnd() + '^C\r\n';
    this.pending = [];
    this.buffer = '';
    this.cursor = 0;
    this.renderedRow = 0;
    this.historyIndex = this.entries.length;
    return { output: out + this.render(), event: { type: 'interrupt' } };
  }

  private remember(text: string): void {
    if (text.trim() === '') return;
    if (this.entries[this.entries.length - 1] === text) {
      this.historyIndex = this.entries.length;
      return;
    }
    this.entries.push(text);
    if (this.entries.length > this.historyLimit) this.entries.splice(0, this.entries.length - this.historyLimit);
    this.historyIndex = this.entries.length;
  }

  private searchKey(k: string): { output: string; event?: LineEditorEvent } {
    const s = this.search!;
    const matchText = () => (s.match >= 0 ? this.entries[s.match]! : '');
    const accept = () => {
      if (s.match >= 0) {
        this.buffer = matchText();
        this.cursor = Math.max(0, this.buffer.indexOf(s.query));
        this.historyIndex = s.match;
      }
      this.search = null;
    };
    switch (k) {
      case '\x12':
        this.find(s, s.match >= 0 ? s.match - 1 : this.entries.length - 1);
        return { output: this.render() };
      case '\x07':
      case '\x03':
        this.search = null;
        return { output: this.render() };
      case '\x7f':
      case '\b':
        s.query = s.query.slice(0, -1);
        this.find(s, this.entries.length - 1);
        return { output: this.render() };
      case '\r':
      case '\n':
        accept();
        return this.enter();
      default:
        if (k.startsWith('\x1b') || (k.length === 1 && k < ' ')) {
          accept();
          const out = this.render();
          if (k === '\x1b') return { output: out };
          const r = this.key(k);
          return { output: out + r.output, event: r.event };
        }
        s.query += k;
        this.find(s, s.match >= 0 ? s.match : this.entries.length - 1);
        return { output: this.render() };
    }
  }

  /** Finds the newest history entry at or before `from` containing the query. */
  private find(s: SearchState, from: number): void {
    for (let i = Math.min(from, this.entries.length - 1); i >= 0; i--) {
      if (this.entries[i]!.includes(s.query)) {
        s.match = i;
        s.failed = false;
        return;
      }
    }
    s.failed = s.query !== '';
  }

  private currentPrompt(): string {
    return this.pending.length > 0 ? CONTINUATION_PROMPT : this.prompt;
  }

  /** What is on screen: prompt, text and where the cursor goes within the text. */
  private view(): { prompt: string; text: string; cursor: number } {
    if (this.search) {
      const s = this.search;
      const text = s.match >= 0 ? this.entries[s.match]! : '';
      const label = s.failed ? 'failed reverse-i-search' : 'reverse-i-search';
      const at = s.match >= 0 ? Math.max(0, text.indexOf(s.query)) : 0;
      return { prompt: `(${label})\`${s.query}': `, text, cursor: at };
    }
    return { prompt: this.currentPrompt(), text: this.buffer, cursor: this.cursor };
  }

  private moveToEnd(): string {
    const v = this.view();
    if (v.cursor === v.text.length) return '';
    this.cursor = this.buffer.length;
    return this.render();
  }

  private render(): string {
    const v = this.view();
    const plainPrompt = visibleText(v.prompt);
    const whole = plainPrompt + v.text;
    let out = '';
    if (this.renderedRow > 0) out += `\x1b[${this.renderedRow}A`;
    out += '\r\x1b[J' + v.prompt + v.text.replace(/\n/g, '\r\n');
    let at = positionAfter(whole, whole.length, this.cols);
    if (at.col === this.cols) {
      out += '\r\n';
      at = { row: at.row + 1, col: 0 };
    }
    let target = positionAfter(whole, plainPrompt.length + v.cursor, this.cols);
    if (target.col === this.cols) target = { row: target.row + 1, col: 0 };
    if (at.row > target.row) out += `\x1b[${at.row - target.row}A`;
    if (at.col !== target.col || at.row !== target.row) {
      out += '\r';
      if (target.col > 0) out += `\x1b[${target.col}C`;
    }
    this.renderedRow = target.row;
    return out;
  }
}

/** Splits one key (or one character of text) off the front of `data` at `i`. */
function readKey(data: string, i: number): string {
  const c = data[i]!;
  if (c !== '\x1b') {
    const code = data.codePointAt(i)!;
    return code > 0xffff ? data.slice(i, i + 2) : c;
  }
  const next = data[i + 1];
  if (next === undefined) return c;
  if (next === '[') {
    let j = i + 2;
    while (j < data.length && /[0-9;?]/.test(data[j]!)) j++;
    return data.slice(i, Math.min(j + 1, data.length));
  }
  if (next === 'O') return data.slice(i, i + 3);
  return data.slice(i, i + 2);
}
