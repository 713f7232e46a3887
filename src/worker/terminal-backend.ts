/**
 * One terminal's backend, living in its own Web Worker: the shell Session with its cluster(s), the
 * real-time ticker that keeps the cluster moving between commands, persistence of the session to
 * IndexedDB after every command (and while time passes), and the state stream for the cluster view.
 */
import { createSession, type Session, type SessionOptions } from '../shell/session.ts';
import type { LabController } from '../labs/lab-command.ts';
import type { LabProgress } from '../labs/progress.ts';
import { summarizeCluster } from './cluster-summary.ts';
import { presetNamed } from './presets.ts';
import { RealTimeDriver, SKIP_LIMIT_MS } from './real-time.ts';
import { loadTerminal, saveTerminal } from './snapshot-db.ts';
import { warmUp } from './warm-up.ts';
import type {
  CompletionResult,
  EditorOpener,
  InitResult,
  LabListener,
  LabView,
  OutputSink,
  RunResult,
  StateListener,
  TerminalApi,
  TerminalOptions,
  TerminalState,
} from './protocol.ts';

/** Least wall time between two state messages to the page. */
const STATE_INTERVAL_MS = 250;
/** While the clock runs, the session is saved at least this often (wall ms). */
const AUTOSAVE_MS = 5000;

export class TerminalBackend implements TerminalApi {
  private session: Session | undefined;
  /** The lab's controller (the `lab` command) when the terminal runs a lab. */
  private lab: LabController | undefined;
  /** `lab reset` asked to start over: done once the command line finishes. */
  private resetRequested = false;
  private opts: TerminalOptions | undefined;
  private editor: EditorOpener | undefined;
  private listener: StateListener | undefined;
  private labListener: LabListener | undefined;
  /** The lab state last sent to the panel (JSON), so only changes are sent. */
  private lastLabView = '';
  private running: AbortController | undefined;
  private lastState = 0;
  private stateTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSave = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly time = new RealTimeDriver({ onTick: () => this.onTick() });

  async init(opts: TerminalOptions, editor: EditorOpener): Promise<InitResult> {
    this.opts = opts;
    this.editor = editor;
    let resumed = false;
    const saved = opts.resume ? await loadTerminal(opts.id).catch(() => undefined) : undefined;
    const resumable = saved && saved.origin === this.origin() ? saved : undefined;
    this.time.detachAll();
    this.session = await this.newSession(resumable?.progress as LabProgress | undefined);
    if (resumable) {
      try {
        this.session.restore(resumable.session as ReturnType<Session['snapshot']>);
        this.time.setSpeed(resumable.speed);
        // The cluster kept running while the page was away: let that time pass (up to an hour).
        const away = Math.min(Math.max(0, Date.now() - resumable.savedAt) * resumable.speed, SKIP_LIMIT_MS);
        for (const c of this.session.clusters) c.advance(Math.round(away));
        resumed = true;
      } catch {
        this.session = await this.newSession();
      }
    }
    this.time.detachAll();
    for (const c of this.session.clusters) this.time.attach(c);
    this.time.start();
    this.pushState(true);
    this.pushLab();
    warmUp(() => this.running !== undefined);
    return {
      prompt: this.session.prompt(),
      resumed,
      history: [...this.session.history()],
      time: this.session.current().clock.now(),
    };
  }

  async run(text: string, sink: OutputSink): Promise<RunResult> {
    const session = this.required();
    const abort = new AbortController();
    this.running = abort;
    let code: number;
    try {
      code = await session.run(text, {
        stdout: (s: string) => sink('stdout', s),
        stderr: (s: string) => sink('stderr', s),
        signal: abort.signal,
      });
    } catch (e) {
      sink('stderr', `kubelab: ${e instanceof Error ? e.message : String(e)}\n`);
      code = 1;
    } finally {
      if (this.running === abort) this.running = undefined;
    }
    if (this.resetRequested && this.opts) {
      this.resetRequested = false;
      await this.init({ ...this.opts, resume: false }, this.editor!);
    }
    // Save once the prompt is back: the snapshot is not on the path from Enter to the next prompt.
    setTimeout(() => {
      void this.save();
      this.pushState(true);
    });
    this.pushLab();
    return { code, prompt: this.required().prompt() };
  }

  interrupt(): void {
    this.running?.abort();
  }

  async complete(line: string, cursor: number): Promise<CompletionResult> {
    const r = await this.required().complete(line, cursor);
    return { replaceFrom: r.replaceFrom, candidates: [...r.candidates] };
  }

  prompt(): string {
    return this.required().prompt();
  }

  setSpeed(speed: number): void {
    this.time.setSpeed(speed);
    this.pushState(true);
    void this.save();
  }

  skipUntilQuiet(): boolean {
    const quiet = this.time.skipUntilQuiet(this.required().current());
    this.pushState(true);
    void this.save();
    return quiet;
  }

  subscribe(listener: StateListener): void {
    this.listener = listener;
    this.pushState(true);
  }

  ping(): string {
    return 'pong';
  }

  labInfo(): LabView | undefined {
    return this.lab?.view();
  }

  labCheck(task: string): LabView {
    const lab = this.requiredLab();
    lab.check(task);
    return this.labChanged(lab);
  }

  labHint(task: string): LabView {
    const lab = this.requiredLab();
    lab.hint(task);
    return this.labChanged(lab);
  }

  labSolution(): LabView {
    const lab = this.requiredLab();
    lab.solution();
    return this.labChanged(lab);
  }

  subscribeLab(listener: LabListener): void {
    this.labListener = listener;
    this.lastLabView = '';
    this.pushLab();
  }

  crash(): void {
    setTimeout(() => {
      throw new Error('kubelab worker crashed on request');
    });
  }

  /** The state the page shows: speed, whether a command runs, and the cluster summary. */
  state(): TerminalState {
    return { speed: this.time.speed, busy: this.running !== undefined, cluster: summarizeCluster(this.required().current()) };
  }

  /** A fresh session: the lab's (with its `lab` command) or the preset's starting cluster. */
  private async newSession(progress?: LabProgress): Promise<Session> {
    const options: SessionOptions = {
      time: this.time,
      editor: (file, content, mode) => this.openEditor(file, content, mode),
    };
    const labId = this.opts?.lab;
    if (labId) {
      // Lab support (its schema, runner and grader API) loads only in a lab's terminal.
      const [{ loadLab }, { startLabSession }] = await Promise.all([import('./lab-loader.ts'), import('../labs/lab-session.ts')]);
      const { bundle, grader, solution } = await loadLab(labId);
      this.lab = await startLabSession(bundle, {
        ...options,
        grader,
        solution,
        progress,
        reset: async () => {
          this.resetRequested = true;
        },
      });
      return this.lab.run.session;
    }
    this.lab = undefined;
    const session = createSession(options);
    presetNamed(this.opts?.preset).apply(session.current());
    return session;
  }

  private requiredLab(): LabController {
    if (!this.lab) throw new Error('this terminal runs no lab');
    return this.lab;
  }

  /** After a change made from the panel: save it with the session and tell the listener. */
  private labChanged(lab: LabController): LabView {
    void this.save();
    this.pushLab();
    return lab.view();
  }

  /** Sends the lab's state to the panel when it differs from what was sent last. */
  private pushLab(): void {
    const listener = this.labListener;
    if (!listener || !this.lab) return;
    const view = this.lab.view();
    const json = JSON.stringify(view);
    if (json === this.lastLabView) return;
    this.lastLabView = json;
    Promise.resolve(listener(view)).catch(() => {
      if (this.labListener === listener) this.labListener = undefined;
    });
  }

  private async openEditor(file: string, content: string, mode: string): Promise<string | null> {
    if (!this.editor) return null;
    return this.editor(file, content, mode === 'nano' ? 'nano' : 'vim');
  }

  private origin(): string {
    return this.opts?.lab ? `lab:${this.opts.lab}` : `preset:${this.opts?.preset ?? 'default'}`;
  }

  private required(): Session {
    if (!this.session) throw new Error('the terminal is not started');
    return this.session;
  }

  private onTick(): void {
    this.pushState(false);
    if (Date.now() - this.lastSave >= AUTOSAVE_MS && !this.running) void this.save();
  }

  private pushState(now: boolean): void {
    if (!this.listener || !this.session) return;
    const wait = STATE_INTERVAL_MS - (Date.now() - this.lastState);
    if (!now && wait > 0) {
      this.stateTimer ??= setTimeout(() => {
        this.stateTimer = undefined;
        this.pushState(true);
      }, wait);
      return;
    }
    this.lastState = Date.now();
    const listener = this.listener;
    Promise.resolve(listener(this.state())).catch(() => {
      if (this.listener === listener) this.listener = undefined;
    });
  }

  private save(): Promise<void> {
    const session = this.session;
    const opts = this.opts;
    if (!session || !opts) return Promise.resolve();
    this.lastSave = Date.now();
    const record = {
      version: 1 as const,
      origin: this.origin(),
      savedAt: Date.now(),
      speed: this.time.speed,
      session: JSON.stringify(session.snapshot()),
      progress: this.lab?.progress,
    };
    this.saving = this.saving.then(() => saveTerminal(opts.id, record)).catch(() => undefined);
    return this.saving;
  }
}
