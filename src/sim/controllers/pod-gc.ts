/**
 * The pod garbage collector (pkg/controller/podgc), every 20 s:
 * - pods bound to a node that no longer exists (gone for the 40 s quarantine) are marked Failed
 *   with a DisruptionTarget condition and force-deleted;
 * - terminating pods on a node that is not Ready and carries the
 *   `node.kubernetes.io/out-of-service` taint (non-graceful node shutdown) are marked Failed and
 *   force-deleted, so their volumes can be detached and their replacements start;
 * - terminating pods that were never scheduled are force-deleted.
 */
import type { Pod, Taint } from 'kubernetes-types/core/v1';
import type { K8s, KubeObject, Stored } from '../apiserver/types.ts';
import { toRFC3339 } from '../clock.ts';
import type { Runtime } from '../runtime.ts';
import type { Controller, ControllerContext } from './controller.ts';
import { readyCondition } from './node-lifecycle.ts';

export const POD_GC = 'pod-garbage-collector';
const KEY = '*gc';
const GC_PERIOD_MS = 20_000;
const QUARANTINE_MS = 40_000;
const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

declare module '../runtime.ts' {
  interface RuntimeState {
    /** The pod GC's memory: when each missing node was first seen missing. */
    podgc?: { missingSince: Record<string, number> };
  }
}

function podgcState(runtime: Runtime): { missingSince: Record<string, number> } {
  return (runtime.state.podgc ??= { missingSince: {} });
}

function isTerminal(pod: Stored<K8s<Pod>>): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function isOutOfService(node: Stored): boolean {
  const tainted = ((node.spec?.taints ?? []) as Taint[]).some((t) => t.key === OUT_OF_SERVICE && t.effect === 'NoExecute');
  return tainted && readyCondition(node)?.status !== 'True';
}

export class PodGCController implements Controller {
  readonly name = POD_GC;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
    ctx.enqueueAfter(KEY, GC_PERIOD_MS, { background: true });
  }

  sync(key: string): void {
    if (key !== KEY) return;
    this.ctx.enqueueAfter(KEY, GC_PERIOD_MS, { background: true });
    const now = this.ctx.clock.now();
    const state = podgcState(this.ctx.runtime);
    const nodes = new Map(this.ctx.api.list('Node').map((n) => [n.metadata.name!, n]));
    for (const name of Object.keys(state.missingSince)) if (nodes.has(name)) delete state.missingSince[name];
    for (const pod of this.ctx.api.list<K8s<Pod>>('Pod')) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName) {
        if (pod.metadata.deletionTimestamp) this.forceDelete(pod, undefined, 'terminating and never scheduled');
        continue;
      }
      const node = nodes.get(nodeName);
      if (!node) {
        const since = (state.missingSince[nodeName] ??= now);
        if (now - since < QUARANTINE_MS) continue;
        this.forceDelete(pod, { reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' }, `node ${nodeName} no longer exists`);
        continue;
      }
      if (pod.metadata.deletionTimestamp && isOutOfService(node)) {
        this.forceDelete(pod, undefined, `terminating on ${nodeName}, which is out of service`);
      }
    }
  }

  /** markFailedAndDeletePodWithCondition, then a delete with grace period 0. */
  private forceDelete(pod: Stored<K8s<Pod>>, condition: { reason: string; message: string } | undefined, why: string): void {
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name!;
    if (!isTerminal(pod) && pod.spec?.nodeName) {
      const t = toRFC3339(this.ctx.clock.now());
      this.ctx.api.mutate<K8s<Pod>>(
        'Pod',
        ns,
        name,
        (p) => {
          const status = { ...(p.status ?? {}) } as KubeObject['status'];
          status.phase = 'Failed';
          if (condition) {
            status.conditions = [
              ...(status.conditions ?? []).filter((c: { type: string }) => c.type !== 'DisruptionTarget'),
              { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: t, ...condition },
            ];
          }
          (p as KubeObject).status = status;
        },
        { subresource: 'status' },
      );
    }
    this.ctx.explain.add(this.name, { kind: 'Pod', namespace: ns, name }, `force-deleted: ${why}`);
    this.ctx.api.delete('Pod', ns, name, { gracePeriodSeconds: 0, uid: pod.metadata.uid });
  }
}
