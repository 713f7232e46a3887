/**
 * The contract between a terminal on the page and its worker: what the page may call (over
 * Comlink) and the plain data that comes back. Callbacks passed across are Comlink proxies.
 */
import type { LabView } from '../labs/lab-view.ts';
import type { ClusterSummary } from './cluster-summary.ts';

export type { LabView, LabTaskView, LabCheckView } from '../labs/lab-view.ts';

export interface TerminalOptions {
  /** Persistence key: one saved session per terminal id. */
  id: string;
  /** The lab whose starting cluster this terminal runs (labs/<id>/lab.yaml). */
  lab?: string;
  /** A named starting cluster (see presets.ts) when there is no lab. */
  preset?: string;
  /** Resume the saved session for `id`, if there is one. */
  resume: boolean;
}

export interface InitResult {
  prompt: string;
  /** True when a saved session was restored. */
  resumed: boolean;
  /** The shell's history, oldest first. */
  history: string[];
  /** Cluster time when ready, ms since the epoch. */
  time: number;
}

export type OutputStream = 'stdout' | 'stderr';
export type OutputSink = (stream: OutputStream, text: string) => void;

/** The program the learner asked for: vim keys for `vim`/`vi`/`kubectl edit`, plain keys for nano. */
export type EditorMode = 'vim' | 'nano';

/** Opens the editor pane; resolves with the saved text, or null when the learner quit without saving. */
export type EditorOpener = (fileName: string, content: string, mode: EditorMode) => Promise<string | null>;

export interface TerminalState {
  /** 0 = paused. */
  speed: number;
  /** A command is running. */
  busy: boolean;
  /** The current context's cluster. */
  cluster: ClusterSummary;
}

export type StateListener = (state: TerminalState) => void;

/** Called with the lab's state whenever it changes (a check, a hint, `lab reset`, a restore). */
export type LabListener = (view: LabView) => void;

export interface CompletionResult {
  replaceFrom: number;
  candidates: string[];
}

/** How a command line ended, and the prompt to show next (`cd` changes it). */
export interface RunResult {
  code: number;
  prompt: string;
}

/** What the worker exposes. */
export interface TerminalApi {
  init(opts: TerminalOptions, editor: EditorOpener): Promise<InitResult>;
  /** Runs one command line; the prompt comes back with the exit code, in the same reply. */
  run(text: string, sink: OutputSink): Promise<RunResult>;
  /** Ctrl-C: aborts the running command. */
  interrupt(): void;
  complete(line: string, cursor: number): Promise<CompletionResult>;
  prompt(): string;
  setSpeed(speed: number): void;
  skipUntilQuiet(): boolean;
  /** Streams state summaries (throttled) to `listener`; replaces any earlier listener. */
  subscribe(listener: StateListener): void;
  ping(): string;
  /** The lab panel's data; undefined when the terminal runs no lab. */
  labInfo(): LabView | undefined;
  /** Grades one task, exactly as `lab check TASK` does, records the result and returns the new state. */
  labCheck(task: string): LabView;
  /** Reveals the task's next hint, as `lab hint TASK` does. */
  labHint(task: string): LabView;
  /** Gives up: marks the solution as shown, as `lab solution` does; the view then carries it. */
  labSolution(): LabView;
  /** Streams the lab's state to `listener` whenever it changes; replaces any earlier listener. */
  subscribeLab(listener: LabListener): void;
  /** Makes the worker fail as a crash would (used by the end-to-end tests). */
  crash(): void;
}
