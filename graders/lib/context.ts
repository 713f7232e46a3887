/**
 * What a grader gets: the cluster (read through its API), the namespace of the lab, the objects as
 * they were when the learner started, and the pod timeline.
 */
import type { Cluster } from '../../src/sim/cluster.ts';
import type { KubeObject } from '../../src/sim/apiserver/types.ts';
import type { Timeline } from '../../src/labs/timeline.ts';

export interface GradeContext {
  cluster: Cluster;
  namespace: string;
  /** Objects at the end of the lab's setup, by `Kind/namespace/name`. */
  initial: ReadonlyMap<string, KubeObject>;
  timeline: Timeline;
}

export function initialKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}
