/**
 * What kubectl needs from its surroundings: the kubeconfig (contexts → clusters), files, stdin and
 * stdout, a way for time to pass, and an editor. The shell Session provides all of it; tests can
 * provide it directly.
 */
import type { Cluster } from '../sim/cluster.ts';
import type { TimeDriver } from '../shell/time.ts';

export interface KubeContext {
  name: string;
  cluster: Cluster;
  /** The context's default namespace (`kubectl config set-context --current --namespace`). */
  namespace: string;
  clusterName: string;
  user: string;
}

export interface Kubeconfig {
  current: string;
  contexts: Map<string, KubeContext>;
}

export interface KubectlHost {
  kubeconfig: Kubeconfig;
  time: TimeDriver;
  /** The working directory, for resolving relative `-f` paths. */
  cwd: string;
  /** Reads a file (absolute or relative to cwd); undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Lists a directory's entries (names), or undefined if `path` is not a directory. */
  readDir(path: string): Promise<string[] | undefined>;
  writeFile(path: string, content: string): Promise<void>;
  /**
   * Opens an editor on `content` (for `kubectl edit`). Resolves with the saved text, or null when
   * the learner quits without saving. Absent headless, where edits are read from stdin.
   */
  edit?(fileName: string, content: string): Promise<string | null>;
}

export interface IO {
  /** Standard input as text ('' when none). */
  stdin: string;
  out(text: string): void;
  err(text: string): void;
  signal?: AbortSignal;
}
