/**
 * The taint eviction controller (pkg/controller/tainteviction): a pod on a node with a NoExecute
 * taint it does not tolerate is deleted at once; one that tolerates it for `tolerationSeconds`
 * is deleted when that time has passed since the taint was added. Before deleting, the pod gets
 * the DisruptionTarget condition. On a node whose kubelet is gone the pod then stays Terminating:
 * nobody confirms the deletion until the node returns or the pod is force-deleted.
 */
import type { Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { K8s, KubeObject, Stored, WatchEvent } from '../apiserver/types.ts';
import { metaKey, splitMetaKey } from '../apiserver/types.ts';
import { toRFC3339 } from '../clock.ts';
import type { Controller, ControllerContext } from './controller.ts';

export const TAINT_EVICTION = 'taint-eviction';
const SOURCE = { component: 'taint-eviction-controller' };

/** v1helper.ToleratesTaint. */
export function isTaintTolerated(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (!t.key) return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/**
 * When the pod must go: `now` for an untolerated taint, undefined when it tolerates every
 * NoExecute taint forever, else the earliest taint time + tolerationSeconds.
 */
export function evictionTime(pod: Stored<K8s<Pod>>, taints: readonly Taint[], now: number): number | undefined {
  let at: number | undefined;
  for (const taint of taints) {
    if (taint.effect !== 'NoExecute') continue;
    const matching = (pod.spec?.tolerations ?? []).filter((t) => isTaintTolerated(t, taint));
    if (matching.length === 0) return now;
    if (matching.some((t) => t.tolerationSeconds == null)) continue;
    const seconds = Math.max(0, Math.min(...matching.map((t) => t.tolerationSeconds!)));
    const added = taint.timeAdded ? Date.parse(taint.timeAdded) : now;
    const due = added + seconds * 1000;
    at = at === undefined ? due : Math.min(at, due);
  }
  return at;
}

export class TaintEvictionController implements Controller {
  readonly name = TAINT_EVICTION;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (ev.type === 'DELETED') return;
    if (obj.kind === 'Node') {
      const before = JSON.stringify((ev.old?.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute'));
      const after = JSON.stringify((obj.spec?.taints ?? []).filter((t: Taint) => t.effect === 'NoExecute'));
      if (ev.type === 'ADDED' ? after !== '[]' : before !== after) this.ctx.enqueue(`node:${obj.metadata.name}`);
    } else if (obj.kind === 'Pod' && obj.spec?.nodeName && !obj.metadata.deletionTimestamp) {
      // Only pods on a node with NoExecute taints have anything to decide.
      const node = this.ctx.api.tryGet('Node', undefined, obj.spec.nodeName);
      if ((node?.spec?.taints ?? []).some((t: Taint) => t.effect === 'NoExecute')) this.ctx.enqueue(`pod:${metaKey(obj)}`);
    }
  }

  sync(key: string): void {
    if (key.startsWith('node:')) {
      const nodeName = key.slice(5);
      for (const pod of this.ctx.api.list('Pod', { fieldSelector: [{ field: 'spec.nodeName', op: '=', value: nodeName }] })) {
        this.syncPod(pod as Stored<K8s<Pod>>);
      }
      return;
    }
    const { namespace, name } = splitMetaKey(key.slice(4));
    const pod = this.ctx.api.tryGet<K8s<Pod>>('Pod', namespace, name);
    if (pod) this.syncPod(pod);
  }

  private syncPod(pod: Stored<K8s<Pod>>): void {
    if (pod.metadata.deletionTimestamp || !pod.spec?.nodeName) return;
    const node = this.ctx.api.tryGet('Node', undefined, pod.spec.nodeName);
    if (!node) return;
    const now = this.ctx.clock.now();
    const at = evictionTime(pod, (node.spec?.taints ?? []) as Taint[], now);
    if (at === undefined) return;
    const ref = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name! };
    if (at > now) {
      this.ctx.explain.add(this.name, ref, `tolerates the NoExecute taints of ${pod.spec.nodeName} until ${toRFC3339(at)}; evicting then`);
      this.ctx.enqueueAfter(`pod:${metaKey(pod)}`, at - now, { background: true });
      return;
    }
    this.evict(pod, ref);
  }

  private evict(pod: Stored<K8s<Pod>>, ref: { kind: string; namespace?: string; name: string }): void {
    const t = toRFC3339(this.ctx.clock.now());
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name!;
    this.ctx.api.mutate<K8s<Pod>>(
      'Pod',
      ns,
      name,
      (p) => {
        const conditions = (p.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
        conditions.push({
          type: 'DisruptionTarget',
          status: 'True',
          lastProbeTime: null as unknown as string,
          lastTransitionTime: t,
          reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
        });
        (p as KubeObject).status = { ...p.status, conditions };
      },
      { subresource: 'status' },
    );
    this.ctx.events.normal(pod, 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`, SOURCE);
    this.ctx.explain.add(this.name, ref, `evicted: its node ${pod.spec?.nodeName} has a NoExecute taint whose toleration ran out`);
    this.ctx.api.delete('Pod', ns, name, { uid: pod.metadata.uid });
  }
}
