/**
 * What the Session's registered commands (kubectl, cluster, sleep, editors, history) may use: the
 * clusters and kubeconfig, the time driver, the filesystem, the live terminal, the editor and the
 * replay log. The Session implements it; each command file receives it.
 */
import type { Cluster, ClusterSnapshot } from '../sim/cluster.ts';
import type { Kubeconfig } from '../kubectl/host.ts';
import type { TimeDriver } from './time.ts';
import type { TerminalFs, TerminalSink } from './terminal-fs.ts';

export type EditorMode = 'vim' | 'nano' | 'edit';

/** Opens an editor on a file; resolves with the saved text, or null when the learner quits. */
export type Editor = (file: string, content: string, mode: EditorMode) => Promise<string | null>;

export interface ShellServices {
  readonly clusters: Cluster[];
  readonly kubeconfig: Kubeconfig;
  readonly time: TimeDriver;
  readonly fs: TerminalFs;
  readonly home: string;
  /** The cluster of the current kubeconfig context. */
  current(): Cluster;
  /** The live terminal of the running command line. */
  terminal(): TerminalSink;
  /** The editor, with every save recorded in the replay log; undefined headless. */
  editor: Editor | undefined;
  history(): string[];
  clearHistory(): void;
  /** The snapshot each cluster had when the session was created (`cluster reset`). */
  initialSnapshot(cluster: Cluster): ClusterSnapshot;
  /**
   * Runs `f` for a command whose output is not the terminal (it feeds a pipe, a file or `$(…)`)
   * and that runs until Ctrl-C, such as `kubectl get -w | grep web`. Ctrl-C then ends only that
   * command, with the signal handed to `f`, so the rest of its pipeline still gets and prints
   * what it wrote — the lines a real `grep` would have shown as they came. The command line
   * stops at its next kubectl or loop turn (see `stopIfInterrupted`).
   */
  untilInterrupt<T>(base: AbortSignal | undefined, f: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Ends the running line if Ctrl-C was pressed while an `untilInterrupt` command ran. */
  stopIfInterrupted(): void;
}
