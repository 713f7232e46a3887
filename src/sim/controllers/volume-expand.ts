/**
 * Volume expansion for CSI volumes: the external resizer's controller step and the kubelet's
 * node step (kubernetes-csi/external-resizer, pkg/kubelet volume manager NodeExpandVolume).
 *
 * A bound claim whose storage request grows past its capacity (the API server already checked
 * the class allows expansion) gets `status.allocatedResources`, a Resizing event, and after a
 * short delay its volume's capacity grows and the claim waits with FileSystemResizePending. The
 * file system is grown by the kubelet of a node where a running pod mounts the claim; then the
 * claim's `status.capacity` shows the new size. With no pod using it the claim stays pending
 * until one starts.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { refOf, type K8s, type KubeObject, type Stored, type WatchEvent } from '../apiserver/types.ts';
import { parseQuantity } from '../apiserver/quantity.ts';
import { hashUnit } from '../random.ts';
import { toRFC3339 } from '../clock.ts';
import { storageOps } from '../storage/state.ts';
import type { PVC } from '../storage/pv-match.ts';
import type { PV } from '../storage/volume-identity.ts';
import { isKubeletStopped } from './attach-detach.ts';
import type { Controller, ControllerContext } from './controller.ts';

const NAME = 'volume-expand';
/** A controller-side expansion takes a second or two. */
const RESIZE_MS: [number, number] = [1000, 2500];

export const FS_RESIZE_PENDING_MESSAGE = 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.';

export class VolumeExpandController implements Controller {
  readonly name = NAME;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'PersistentVolumeClaim' && ev.type !== 'DELETED' && o.status?.phase === 'Bound') {
      this.ctx.enqueue(`${o.metadata.namespace}/${o.metadata.name}`);
    } else if (o.kind === 'Pod' && o.status?.phase === 'Running' && ev.old?.status?.phase !== 'Running') {
      for (const v of o.spec?.volumes ?? []) {
        if (v.persistentVolumeClaim) this.ctx.enqueue(`${o.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
      }
    }
  }

  sync(key: string): void {
    const slash = key.indexOf('/');
    const ns = key.slice(0, slash);
    const name = key.slice(slash + 1);
    const claim = this.ctx.api.tryGet('PersistentVolumeClaim', ns, name) as PVC | undefined;
    if (!claim || claim.status?.phase !== 'Bound' || !claim.spec?.volumeName) return;
    const pv = this.ctx.api.tryGet('PersistentVolume', undefined, claim.spec.volumeName) as PV | undefined;
    if (!pv?.spec?.csi) return;
    const requestedText = claim.spec.resources?.requests?.storage;
    const requested = parseQuantity(requestedText) ?? 0;
    const capacity = parseQuantity(claim.status.capacity?.storage) ?? 0;
    const pvCapacity = parseQuantity(pv.spec.capacity?.storage) ?? 0;
    if (requested <= capacity) return;
    const ops = storageOps(this.ctx.runtime);
    const uid = claim.metadata.uid!;
    const now = this.ctx.clock.now();
    const source = { component: `external-resizer ${pv.spec.csi.driver}` };

    if (pvCapacity < requested) {
      const due = ops.resizing[uid];
      if (due === undefined) {
        const delay = Math.round(RESIZE_MS[0] + (RESIZE_MS[1] - RESIZE_MS[0]) * hashUnit(this.ctx.seed, 'resize', uid, String(requested)));
        ops.resizing[uid] = now + delay;
        this.writeClaimStatus(claim, (s) => {
          s.allocatedResources = { ...s.allocatedResources, storage: requestedText };
          s.allocatedResourceStatuses = { ...s.allocatedResourceStatuses, storage: 'ControllerResizeInProgress' };
          s.conditions = [condition('Resizing', now)];
        });
        this.ctx.events.normal(claim, 'Resizing', `External resizer is resizing volume ${pv.metadata.name}`, source);
        this.ctx.explain.add(NAME, refOf(claim), `expanding volume ${pv.metadata.name} to ${requestedText}`);
        this.ctx.enqueueAfter(key, delay);
        return;
      }
      if (now < due) {
        this.ctx.enqueueAfter(key, due - now);
        return;
      }
      delete ops.resizing[uid];
      this.ctx.api.mutate<KubeObject>('PersistentVolume', undefined, pv.metadata.name!, (v) => {
        v.spec.capacity = { ...v.spec.capacity, storage: requestedText };
      });
      this.writeClaimStatus(claim, (s) => {
        s.allocatedResourceStatuses = { ...s.allocatedResourceStatuses, storage: 'NodeResizePending' };
        s.conditions = [{ ...condition('FileSystemResizePending', now), message: FS_RESIZE_PENDING_MESSAGE }];
      });
      this.ctx.events.normal(claim, 'FileSystemResizeRequired', 'Require file system resize of volume on node', source);
    }

    // The kubelet of a node running a pod that mounts the claim grows the file system.
    const pod = this.ctx.api
      .list<K8s<Pod>>('Pod', { namespace: ns })
      .find((p) => p.status?.phase === 'Running' && (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === name)) as
      | Stored<K8s<Pod>>
      | undefined;
    const node = pod?.spec?.nodeName ? this.ctx.api.tryGet('Node', undefined, pod.spec.nodeName) : undefined;
    if (!pod || !node || isKubeletStopped(this.ctx.runtime, node)) {
      this.ctx.explain.add(NAME, refOf(claim), 'volume expanded; the file system grows when a pod using the claim runs');
      return;
    }
    const current = this.ctx.api.get('PersistentVolumeClaim', ns, name) as PVC;
    this.writeClaimStatus(current, (s) => {
      s.capacity = { ...s.capacity, storage: requestedText };
      delete s.conditions;
      delete s.allocatedResourceStatuses;
    });
    this.ctx.events.normal(
      pod,
      'FileSystemResizeSuccessful',
      `MountVolume.NodeExpandVolume succeeded for volume "${pv.metadata.name}" ${node.metadata.name}`,
      { component: 'kubelet', host: node.metadata.name },
    );
  }

  private writeClaimStatus(claim: PVC, change: (status: Record<string, any>) => void): void {
    this.ctx.api.mutate<KubeObject>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name!, (c) => {
      c.status = { ...c.status };
      change(c.status);
    }, { subresource: 'status' });
  }
}

function condition(type: string, now: number): Record<string, unknown> {
  return { type, status: 'True', lastProbeTime: null, lastTransitionTime: toRFC3339(now) };
}
