/**
 * Starts a lab (a cluster built from its setup, a Session on top) and grades it. The same code runs
 * in the browser worker, the CLI and the tests.
 */
import { createCluster, type Cluster } from '../sim/cluster.ts';
import { resolveResource } from '../sim/apiserver/resources.ts';
import { clone, type KubeObject, type Stored } from '../sim/apiserver/types.ts';
import { parseDuration } from '../kubectl/flags.ts';
import { createSession, type Session, type SessionOptions } from '../shell/session.ts';
import { initialKey, runGrader, type Grader, type GradeContext, type TaskResult } from '../../graders/lib/index.ts';
import type { Lab, SetupStep } from './schema.ts';
import { Timeline } from './timeline.ts';

/** A lab as loaded from its folder: the parsed lab.yaml and the other files in the folder. */
export interface LabBundle {
  lab: Lab;
  /** File name (relative to the lab folder) → contents, for `files` and `apply` steps. */
  files: Record<string, string>;
}

export interface LabRun {
  lab: Lab;
  session: Session;
  cluster: Cluster;
  timeline: Timeline;
  /** Objects at the end of setup, by `Kind/namespace/name`. */
  initial: Map<string, KubeObject>;
  namespace: string;
  /** Stops recording the timeline. */
  stop(): void;
}

/** Where setup manifests are placed in the shell's filesystem. */
export const SETUP_DIR = '/opt/kubelab/setup';

export class LabSetupError extends Error {}

/** Builds the lab's cluster and runs its setup in virtual time. */
export async function startLab(bundle: LabBundle, opts: Omit<SessionOptions, 'clusters' | 'files'> = {}): Promise<LabRun> {
  const { lab, files } = bundle;
  const cluster = createCluster({ seed: lab.cluster.seed, nodes: lab.cluster.nodes });
  const home: Record<string, string> = {};
  for (const f of lab.cluster.files) {
    if (files[f] === undefined) throw new LabSetupError(`lab ${lab.id}: file "${f}" is listed but not in the lab folder`);
    home[f] = files[f]!;
  }
  const session = createSession({ ...opts, clusters: [cluster], files: home, seed: lab.cluster.seed });
  for (const step of lab.cluster.setup) await runStep(bundle, session, cluster, step);
  cluster.settle();
  const initial = new Map<string, KubeObject>();
  for (const obj of cluster.api.all()) initial.set(initialKey(obj.kind, obj.metadata.namespace, obj.metadata.name ?? ''), clone(obj));
  const timeline = new Timeline(() => cluster.clock.now());
  const stop = timeline.attach(cluster.api);
  return { lab, session, cluster, timeline, initial, namespace: 'default', stop };
}

export function gradeLab(run: LabRun, grader: Grader, taskIds = run.lab.tasks.map((t) => t.id)): TaskResult[] {
  run.cluster.settle();
  const ctx: GradeContext = { cluster: run.cluster, namespace: run.namespace, initial: run.initial, timeline: run.timeline };
  return runGrader(grader, ctx, taskIds);
}

async function runStep(bundle: LabBundle, session: Session, cluster: Cluster, step: SetupStep): Promise<void> {
  const lab = bundle.lab;
  if ('run' in step) {
    await runOrThrow(lab, session, step.run);
  } else if ('apply' in step) {
    const text = bundle.files[step.apply];
    if (text === undefined) throw new LabSetupError(`lab ${lab.id}: setup applies "${step.apply}", which is not in the lab folder`);
    await runOrThrow(lab, session, `mkdir -p ${SETUP_DIR} && cat > ${SETUP_DIR}/${step.apply} <<'KUBELAB_EOF'\n${text.replace(/\n?$/, '\n')}KUBELAB_EOF`);
    await runOrThrow(lab, session, `kubectl apply -f ${SETUP_DIR}/${step.apply}`);
  } else if ('wait' in step) {
    const w = step.wait;
    const timeout = parseDuration(w.timeout) ?? 300_000;
    const ok = cluster.advanceUntil(() => conditionHolds(cluster, w.object, w.for, w.namespace ?? 'default'), timeout);
    if (!ok) throw new LabSetupError(`lab ${lab.id}: setup waited ${w.timeout} for ${w.object} to be ${w.for}, and it was not`);
  } else if ('advance' in step) {
    cluster.advance(parseDuration(step.advance) ?? 0);
  } else if ('fault' in step) {
    const f = step.fault;
    if ('nodeDown' in f) cluster.faults.nodeDown(nodeName(cluster, f.nodeDown, lab.id));
    else if ('nodeUp' in f) cluster.faults.nodeUp(nodeName(cluster, f.nodeUp, lab.id));
    else cluster.faults.nodeLost(nodeName(cluster, f.nodeLost, lab.id));
    cluster.settle();
  }
}

async function runOrThrow(lab: Lab, session: Session, line: string): Promise<void> {
  let err = '';
  const code = await session.run(line, { stdout: () => {}, stderr: (s) => (err += s) });
  if (code !== 0) throw new LabSetupError(`lab ${lab.id}: setup command failed (exit ${code}): ${line.split('\n')[0]}\n${err}`);
}

function nodeName(cluster: Cluster, target: { node: string } | { nodeOf: string }, labId: string): string {
  if ('node' in target) return target.node;
  const obj = lookup(cluster, target.nodeOf, 'default');
  const node = obj?.spec?.nodeName;
  if (!node) throw new LabSetupError(`lab ${labId}: ${target.nodeOf} is not on any node`);
  return node;
}

function lookup(cluster: Cluster, ref: string, namespace: string): Stored | undefined {
  const [type, name] = ref.split('/');
  const t = resolveResource(type ?? '');
  if (!t || !name) return undefined;
  return cluster.api.tryGet(t.kind, t.namespaced ? namespace : undefined, name);
}

/** The conditions a setup `wait` step understands. */
export function conditionHolds(cluster: Cluster, ref: string, state: string, namespace: string): boolean {
  const obj = lookup(cluster, ref, namespace);
  if (state === 'deleted') return obj === undefined;
  if (!obj) return false;
  if (state === 'exists') return true;
  const st = obj.status ?? {};
  switch (state) {
    case 'bound':
      return st.phase === 'Bound';
    case 'complete':
      return (st.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Complete' && c.status === 'True');
    case 'ready':
      switch (obj.kind) {
        case 'Pod':
          return st.phase === 'Running' && (st.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
        case 'DaemonSet':
          return st.observedGeneration === obj.metadata.generation && st.desiredNumberScheduled > 0 && st.numberReady === st.desiredNumberScheduled && st.updatedNumberScheduled === st.desiredNumberScheduled;
        default: {
          const want = obj.spec?.replicas ?? 1;
          return st.observedGeneration === obj.metadata.generation && (st.readyReplicas ?? 0) === want && (st.updatedReplicas ?? want) === want;
        }
      }
    default:
      return false;
  }
}
