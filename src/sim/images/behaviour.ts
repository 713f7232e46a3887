/**
 * What a simulated image does when run: the shape every behaviour in `behaviours/` fills in.
 * A behaviour is a pure function of the container's argv and environment: asked "what has
 * happened by `until` ms after start?", it answers with the log lines and file writes so far and
 * the exit, if the process has ended. The kubelet and `kubectl logs` replay it up to the current
 * virtual time, so nothing about a running process needs timers or closures.
 */

export interface ProgramEvent {
  /** Milliseconds after the process started. */
  at: number;
  /** A line on stdout/stderr (what `kubectl logs` shows). */
  log?: string;
  /** A file written by the process. */
  write?: { path: string; content: string; append: boolean; remove?: boolean };
}

export interface ProgramRun {
  events: ProgramEvent[];
  /** The run gave up before `until` (a step budget): events are final only before this time. */
  stoppedAt?: number;
  /** Set when the process ended at or before `until`; `reason` overrides Completed/Error (OOMKilled). */
  exit?: { at: number; code: number; reason?: string };
}

/** What a process sees: its environment and a view of its files at start. */
export interface ProcessContext {
  env: Record<string, string>;
  hostname: string;
  /** Virtual time the process started (ms since the Unix epoch), for `date`. */
  startedAt: number;
  readFile(path: string): string | undefined;
  listDir(path: string): string[] | undefined;
  /** Whether the path lies on a read-only mount. */
  isReadOnly(path: string): boolean;
  /** The container keeps stdin open (`stdin: true`): a shell without a script waits on it. */
  interactive?: boolean;
  /** Set for the look-ahead at start that searches for the exit (a cheaper, bounded run). */
  lookahead?: boolean;
  /** The container's memory limit in bytes, if it has one (the cgroup's OOM line). */
  memoryLimit?: number;
}

export interface HttpResponse {
  status: number;
  body: string;
}

export interface ImageBehaviour {
  name: string;
  /** Repositories (`library/nginx`, `bitnami/redis`) this behaviour serves, on docker.io. */
  repositories: string[];
  /** Whether a tag exists in the registry. */
  hasTag(tag: string): boolean;
  /** Compressed size the Pulled event reports. */
  sizeBytes: number;
  /** The image's ENTRYPOINT and CMD. */
  entrypoint: string[];
  cmd: string[];
  /** Which shell the image has for `kubectl exec … sh`: BusyBox ash, bash, or none (distroless). */
  shell: 'busybox' | 'bash' | 'none';
  /**
   * How long the main process takes to exit after SIGTERM, or undefined when it ignores the
   * signal (e.g. `sleep` as PID 1) and is killed when the grace period ends.
   */
  stopMs(argv: string[]): number | undefined;
  run(argv: string[], ctx: ProcessContext, until: number): ProgramRun;
  /** Answers HTTP on these ports (nginx on 80). */
  http?: {
    ports: number[];
    handle(path: string, ctx: ProcessContext): HttpResponse;
  };
  /** Ports a TCP connection succeeds on. */
  tcpPorts?: number[];
}

/**
 * The argv a container runs: `command` replaces ENTRYPOINT (and drops CMD), `args` replaces CMD
 * (core/v1 Container docs).
 */
export function containerArgv(b: Pick<ImageBehaviour, 'entrypoint' | 'cmd'>, command?: readonly string[], args?: readonly string[]): string[] {
  if (command?.length) return [...command, ...(args ?? [])];
  return [...b.entrypoint, ...(args?.length ? args : b.cmd)];
}
