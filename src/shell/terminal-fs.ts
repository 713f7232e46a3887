/**
 * The learner's filesystem: just-bash's in-memory fs plus the terminal as a device. Writing to
 * `/dev/tty` (stdout) or TERMINAL_STDERR goes straight to the live terminal instead of a file; the
 * Session redirects every command whose output would reach the terminal there, so output appears
 * as it is produced and in order, even inside a long loop.
 */
import { InMemoryFs } from 'just-bash';
import { CAPTURE_DIR, TERMINAL_STDERR, TERMINAL_STDOUT, YIELD_PATH } from './devices.ts';

export { TERMINAL_STDERR, TERMINAL_STDOUT } from './devices.ts';

export interface TerminalSink {
  stdout(text: string): void;
  stderr(text: string): void;
}

type Content = Parameters<InMemoryFs['writeFile']>[1];
type Options = Parameters<InMemoryFs['writeFile']>[2];

const decoder = new TextDecoder();

function toText(content: Content): string {
  if (typeof content === 'string') return content;
  return decoder.decode(content as Uint8Array);
}

/** Directories just-bash fills with entries for its built-in commands: not the learner's files. */
const SYSTEM_DIRS = ['/bin', '/usr', '/dev', '/proc', '/sys'];

export function isSystemPath(path: string): boolean {
  return SYSTEM_DIRS.some((d) => path === d || path.startsWith(d + '/'));
}

export class TerminalFs extends InMemoryFs {
  /** Where terminal writes go; swapped for each `run` by the Session. */
  sink: TerminalSink | undefined;
  /** What the capture statements wrote under CAPTURE_DIR during the current line. */
  readonly captured = new Map<string, string>();
  /** The cluster's clock: files get virtual modification times, so `ls -l` is reproducible. */
  clock: (() => number) | undefined;
  /** Called when a loop probes YIELD_PATH. */
  onYieldProbe: (() => Promise<void>) | undefined;

  override async exists(path: string): Promise<boolean> {
    if (path === YIELD_PATH) {
      await this.onYieldProbe?.();
      return true;
    }
    return super.exists(path);
  }

  override async writeFile(path: string, content: Content, options?: Options): Promise<void> {
    if (this.toTerminal(path, content)) return;
    await super.writeFile(path, content, options);
    await this.stamp(path);
  }

  override async appendFile(path: string, content: Content, options?: Options): Promise<void> {
    if (this.toTerminal(path, content, true)) return;
    await super.appendFile(path, content, options);
    await this.stamp(path);
  }

  override async mkdir(path: string, options?: Parameters<InMemoryFs['mkdir']>[1]): Promise<void> {
    await super.mkdir(path, options);
    await this.stamp(path);
  }

  private async stamp(path: string): Promise<void> {
    if (!this.clock) return;
    const t = new Date(this.clock());
    await this.utimes(path, t, t).catch(() => undefined);
  }

  private toTerminal(path: string, content: Content, append = false): boolean {
    if (path.startsWith(CAPTURE_DIR + '/')) {
      const text = toText(content);
      this.captured.set(path, append ? (this.captured.get(path) ?? '') + text : text);
      return true;
    }
    if (path !== TERMINAL_STDOUT && path !== TERMINAL_STDERR) return false;
    const text = toText(content);
    if (text && this.sink) {
      if (path === TERMINAL_STDOUT) this.sink.stdout(text);
      else this.sink.stderr(text);
    }
    return true;
  }

  /**
   * The filesystem's entries. InMemoryFs keeps them in a private map; reading it directly lets
   * snapshots be synchronous (just-bash 3.4 is pinned in package.json).
   */
  private entries(): Map<string, { type: string; content?: string | Uint8Array; mtime?: Date }> {
    const data = (this as unknown as { data?: unknown }).data;
    return data instanceof Map ? data : new Map();
  }

  /** Every regular file outside the system directories, as path → text. */
  userFilesSync(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, entry] of [...this.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (isSystemPath(path) || entry.type !== 'file') continue;
      const c = entry.content;
      out[path] = typeof c === 'string' ? c : c instanceof Uint8Array ? decoder.decode(c) : '';
    }
    return out;
  }

  /** Every directory outside the system directories. */
  userDirsSync(): string[] {
    return [...this.entries()]
      .filter(([path, e]) => e.type === 'directory' && path !== '/' && !isSystemPath(path))
      .map(([path]) => path)
      .sort();
  }

  /** Modification times (ms) of the files userFilesSync lists. */
  userMtimesSync(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [path, entry] of this.entries()) {
      if (isSystemPath(path) || entry.type !== 'file' || !(entry.mtime instanceof Date)) continue;
      out[path] = entry.mtime.getTime();
    }
    return out;
  }

  /** Replaces every file and directory outside the system directories. */
  replaceUserFiles(dirs: string[], files: Record<string, string>, mtimes: Record<string, number> = {}): void {
    const self = this as unknown as { deleteEntry?: (path: string) => void };
    for (const path of [...this.entries().keys()]) {
      if (path === '/' || isSystemPath(path)) continue;
      if (typeof self.deleteEntry === 'function') self.deleteEntry(path);
      else this.entries().delete(path);
    }
    for (const d of dirs) this.mkdirSync(d, { recursive: true });
    for (const [path, content] of Object.entries(files)) {
      this.mkdirSync(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
      const mtime = mtimes[path] ?? this.clock?.();
      this.writeFileSync(path, content, undefined, mtime === undefined ? undefined : { mtime: new Date(mtime) });
    }
  }
}
