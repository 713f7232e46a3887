/**
 * The attach/detach controller (pkg/controller/volume/attachdetach) together with the CSI
 * external-attacher it drives. Desired state: every attachable volume (a CSI PersistentVolume)
 * used by an unfinished pod is attached to that pod's node. Actual state: VolumeAttachment
 * objects, and `node.status.volumesAttached`.
 *
 * - Attach: a VolumeAttachment `csi-<sha256(handle+driver+node)>` is created; the attacher marks
 *   it attached after `timings.volumeAttachMs`; the node lists the volume; the pods get
 *   SuccessfulAttachVolume.
 * - Multi-Attach: a ReadWriteOnce(Pod) volume attached to one node is not attached to another;
 *   the new pod gets FailedAttachVolume and stays ContainerCreating.
 * - Detach: once no pod on the node needs it and the node no longer reports it in
 *   `volumesInUse`. A node whose kubelet is gone never stops reporting it, so the volume is
 *   force-detached after maxWaitForUnmountDuration (6 min) if the node is not Ready, or at once
 *   when the node has the `node.kubernetes.io/out-of-service` taint (non-graceful node shutdown).
 *
 * It also keeps `node.status.volumesInUse` as the kubelet's volume manager reports it: the
 * attachable volumes of the node's pods, frozen while the node's kubelet is stopped.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { refOf, type K8s, type KubeObject, type Stored, type WatchEvent } from '../apiserver/types.ts';
import { hashUnit } from '../random.ts';
import { AD_CONTROLLER, OUT_OF_SERVICE_TAINT } from '../storage/constants.ts';
import { sha256Hex } from '../storage/sha256.ts';
import { storageOps } from '../storage/state.ts';
import { isAttachable, isMultiAttachAllowed, uniqueVolumeName, type PV } from '../storage/volume-identity.ts';
import type { Controller, ControllerContext } from './controller.ts';

const KEY = 'reconcile';
const SOURCE = { component: AD_CONTROLLER };

type PodObj = Stored<K8s<Pod>>;
type NodeObj = Stored<K8s<Node>>;

const attachmentNames = new Map<string, string>();

/** `csi-<sha256(volumeHandle + driver + node)>` (pkg/volume/csi/csi_attacher.go getAttachmentName). */
export function attachmentName(handle: string, driver: string, node: string): string {
  const input = handle + driver + node;
  let name = attachmentNames.get(input);
  if (name === undefined) {
    name = `csi-${sha256Hex(input)}`;
    if (attachmentNames.size > 50_000) attachmentNames.clear();
    attachmentNames.set(input, name);
  }
  return name;
}

/** The node's kubelet has been stopped or lost (see faults.ts). */
export function isKubeletStopped(node: Stored | undefined): boolean {
  return node?.metadata.annotations?.['kubelab.dev/kubelet'] !== undefined;
}

/** Ready condition True (the reconciler's nodeIsHealthy). */
export function isNodeHealthy(node: Stored | undefined): boolean {
  return (node?.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');
}

export function hasOutOfServiceTaint(node: Stored | undefined): boolean {
  return (node?.spec?.taints ?? []).some((t: { key: string; effect: string }) => t.key === OUT_OF_SERVICE_TAINT && t.effect === 'NoExecute');
}

/** A pod still needs its volumes until it has finished (util.IsPodTerminated in the controller's view). */
export function isPodHoldingVolumes(pod: PodObj): boolean {
  if (!pod.spec?.nodeName) return false;
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

interface Wanted {
  pv: PV;
  node: string;
  pods: PodObj[];
}

export class AttachDetachController implements Controller {
  readonly name = 'attachdetach';
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    const changed = ev.type !== 'MODIFIED' || !ev.old;
    switch (o.kind) {
      case 'Pod':
        if (!(o.spec?.volumes ?? []).some((v: { persistentVolumeClaim?: unknown }) => v.persistentVolumeClaim)) break;
        // Only placement and finishing matter, not the many container status updates.
        if (changed || ev.old!.spec?.nodeName !== o.spec?.nodeName || isPodHoldingVolumes(ev.old as PodObj) !== isPodHoldingVolumes(o as PodObj)) {
          this.ctx.enqueue(KEY);
        }
        break;
      case 'Node':
        if (changed || nodeChanged(ev.old!, o)) this.ctx.enqueue(KEY);
        break;
      case 'PersistentVolumeClaim':
        if (changed || ev.old!.spec?.volumeName !== o.spec?.volumeName || ev.old!.status?.phase !== o.status?.phase) this.ctx.enqueue(KEY);
        break;
      case 'PersistentVolume':
        if (o.spec?.csi && (changed || ev.old!.status?.phase !== o.status?.phase)) this.ctx.enqueue(KEY);
        break;
      case 'VolumeAttachment':
        this.ctx.enqueue(KEY);
        break;
    }
  }

  sync(): void {
    const api = this.ctx.api;
    const ops = storageOps(this.ctx.runtime);
    const now = this.ctx.clock.now();
    const wanted = this.desiredState();
    // The kubelets report what they mount before the controller looks at what may be detached.
    this.syncNodeVolumeStatus(wanted, 'volumesInUse');
    const nodes = new Map(api.list<K8s<Node>>('Node').map((n) => [n.metadata.name!, n as NodeObj]));
    const attachments = api.list('VolumeAttachment');
    const byName = new Map(attachments.map((va) => [va.metadata.name!, va]));

    // Attach what is wanted, oldest pods first, so the first consumer of an RWO volume wins.
    for (const [vaName, w] of wanted) {
      const va = byName.get(vaName);
      if (va) {
        this.progressAttach(va, w, now);
        continue;
      }
      if (!isMultiAttachAllowed(w.pv)) {
        const elsewhere = attachments.filter((a) => a.spec?.source?.persistentVolumeName === w.pv.metadata.name && a.spec?.nodeName !== w.node);
        if (elsewhere.length > 0) {
          this.reportMultiAttach(w, elsewhere.map((a) => a.spec.nodeName as string), wanted);
          continue;
        }
      }
      const csi = w.pv.spec!.csi!;
      const created = api.create({
        apiVersion: 'storage.k8s.io/v1',
        kind: 'VolumeAttachment',
        metadata: { name: vaName, finalizers: [`external-attacher/${csi.driver.replace(/[/.]/g, '-')}`] },
        spec: { attacher: csi.driver, nodeName: w.node, source: { persistentVolumeName: w.pv.metadata.name } },
        status: { attached: false },
      });
      attachments.push(created);
      byName.set(vaName, created);
      const [lo, hi] = this.ctx.timings.volumeAttachMs;
      const delay = Math.round(lo + (hi - lo) * hashUnit(this.ctx.seed, 'attach', vaName, String(now)));
      ops.attaching[vaName] = now + delay;
      this.ctx.explain.add(this.name, refOf(w.pv), `attaching to ${w.node} for pod(s) ${w.pods.map((p) => p.metadata.name).join(', ')}`);
      this.ctx.enqueueAfter(KEY, delay);
    }

    // Detach what is no longer wanted.
    for (const va of attachments) {
      const vaName = va.metadata.name!;
      if (wanted.has(vaName)) {
        delete ops.detachRequested[vaName];
        continue;
      }
      this.maybeDetach(va, nodes.get(va.spec?.nodeName), now);
    }

    this.syncNodeVolumeStatus(wanted, 'volumesAttached');
  }

  /** Desired state of the world: (volume, node) pairs keyed by their VolumeAttachment name. */
  private desiredState(): Map<string, Wanted> {
    const api = this.ctx.api;
    const wanted = new Map<string, Wanted>();
    const pods = api.list<K8s<Pod>>('Pod').filter((p) => isPodHoldingVolumes(p as PodObj)) as PodObj[];
    pods.sort((a, b) => {
      const ta = a.metadata.creationTimestamp ?? '';
      const tb = b.metadata.creationTimestamp ?? '';
      return ta < tb ? -1 : ta > tb ? 1 : 0;
    });
    for (const pod of pods) {
      for (const v of pod.spec?.volumes ?? []) {
        const claimName = v.persistentVolumeClaim?.claimName;
        if (!claimName) continue;
        const claim = api.tryGet('PersistentVolumeClaim', pod.metadata.namespace, claimName);
        const pvName = claim?.status?.phase === 'Bound' ? claim.spec?.volumeName : undefined;
        if (!pvName) continue;
        const pv = api.tryGet('PersistentVolume', undefined, pvName) as PV | undefined;
        if (!pv || !isAttachable(pv)) continue;
        const csi = pv.spec!.csi!;
        const key = attachmentName(csi.volumeHandle, csi.driver, pod.spec!.nodeName!);
        const entry = wanted.get(key);
        if (entry) entry.pods.push(pod);
        else wanted.set(key, { pv, node: pod.spec!.nodeName!, pods: [pod] });
      }
    }
    return wanted;
  }

  /** The external attacher finishing ControllerPublishVolume. */
  private progressAttach(va: Stored, w: Wanted, now: number): void {
    if (va.status?.attached) return;
    const ops = storageOps(this.ctx.runtime);
    const vaName = va.metadata.name!;
    const due = ops.attaching[vaName] ?? now;
    if (now < due) {
      this.ctx.enqueueAfter(KEY, due - now);
      return;
    }
    delete ops.attaching[vaName];
    this.ctx.api.mutate<KubeObject>('VolumeAttachment', undefined, vaName, (a) => {
      a.status = { ...a.status, attached: true };
    }, { subresource: 'status' });
    const message = `AttachVolume.Attach succeeded for volume "${w.pv.metadata.name}" `;
    for (const pod of w.pods) this.ctx.events.normal(pod, 'SuccessfulAttachVolume', message, SOURCE);
    this.ctx.explain.add(this.name, refOf(w.pv), `attached to ${w.node}`);
  }

  /** reportMultiAttachError: which pods elsewhere hold the volume, as far as this pod's namespace may know. */
  private reportMultiAttach(w: Wanted, otherNodes: string[], wanted: Map<string, Wanted>): void {
    const holders: PodObj[] = [];
    for (const other of wanted.values()) {
      if (other.pv.metadata.name === w.pv.metadata.name && otherNodes.includes(other.node)) holders.push(...other.pods);
    }
    for (const pod of w.pods) {
      let detail: string;
      if (holders.length === 0) {
        detail = "Volume is already exclusively attached to one node and can't be attached to another";
      } else {
        const local = holders.filter((h) => h.metadata.namespace === pod.metadata.namespace).map((h) => h.metadata.name);
        const otherCount = holders.length - local.length;
        if (local.length === 0) detail = `Volume is already used by ${otherCount} pod(s) in different namespaces`;
        else {
          detail = `Volume is already used by pod(s) ${local.join(', ')}`;
          if (otherCount > 0) detail += ` and ${otherCount} pod(s) in different namespaces`;
        }
      }
      this.ctx.events.warning(pod, 'FailedAttachVolume', `Multi-Attach error for volume "${w.pv.metadata.name}" ${detail}`, SOURCE);
    }
    this.ctx.explain.add(
      this.name,
      refOf(w.pv),
      `not attaching to ${w.node}: ${(w.pv.spec?.accessModes ?? []).join(',')} volume is still attached to ${otherNodes.join(', ')}`,
    );
  }

  private maybeDetach(va: Stored, node: NodeObj | undefined, now: number): void {
    const ops = storageOps(this.ctx.runtime);
    const vaName = va.metadata.name!;
    const pv = this.ctx.api.tryGet('PersistentVolume', undefined, va.spec?.source?.persistentVolumeName ?? '') as PV | undefined;
    const unique = pv ? uniqueVolumeName(pv) : undefined;
    const mounted = node !== undefined && unique !== undefined && (node.status?.volumesInUse ?? []).includes(unique);
    if (va.status?.attached && mounted && node) {
      const since = (ops.detachRequested[vaName] ??= now);
      const elapsed = now - since;
      const forceDetach = !isNodeHealthy(node) && elapsed >= this.ctx.timings.forceDetachMs;
      if (!forceDetach && !hasOutOfServiceTaint(node)) {
        if (!isNodeHealthy(node)) this.ctx.enqueueAfter(KEY, this.ctx.timings.forceDetachMs - elapsed);
        const ref = pv ? refOf(pv) : refOf(va);
        this.ctx.explain.add(
          this.name,
          ref,
          isNodeHealthy(node)
            ? `waiting for ${node.metadata.name} to unmount before detaching`
            : `${node.metadata.name} still reports the volume mounted and is not Ready: force detach after ${Math.round(this.ctx.timings.forceDetachMs / 60_000)} min (or at once with the ${OUT_OF_SERVICE_TAINT} taint)`,
        );
        return;
      }
    }
    delete ops.detachRequested[vaName];
    delete ops.attaching[vaName];
    if (va.metadata.finalizers?.length) {
      this.ctx.api.mutate<KubeObject>('VolumeAttachment', undefined, vaName, (a) => {
        a.metadata.finalizers = [];
      });
    }
    if (this.ctx.api.tryGet('VolumeAttachment', undefined, vaName)) this.ctx.api.delete('VolumeAttachment', undefined, vaName);
    if (pv) this.ctx.explain.add(this.name, refOf(pv), `detached from ${va.spec?.nodeName}`);
  }

  /**
   * `volumesAttached` from attached VolumeAttachments (the controller's report), or
   * `volumesInUse` from the node's pods while its kubelet runs (the kubelet's report).
   */
  private syncNodeVolumeStatus(wanted: Map<string, Wanted>, field: 'volumesAttached' | 'volumesInUse'): void {
    const api = this.ctx.api;
    const byNode = new Map<string, string[]>();
    const add = (node: string, name: string) => byNode.set(node, [...(byNode.get(node) ?? []), name]);
    if (field === 'volumesAttached') {
      for (const va of api.list('VolumeAttachment')) {
        if (!va.status?.attached) continue;
        const pv = api.tryGet('PersistentVolume', undefined, va.spec?.source?.persistentVolumeName ?? '') as PV | undefined;
        if (pv) add(va.spec.nodeName, uniqueVolumeName(pv));
      }
    } else {
      for (const w of wanted.values()) add(w.node, uniqueVolumeName(w.pv));
    }
    for (const node of api.list<K8s<Node>>('Node')) {
      const name = node.metadata.name!;
      if (field === 'volumesInUse' && isKubeletStopped(node)) continue;
      const names = [...new Set(byNode.get(name) ?? [])].sort();
      const value = field === 'volumesAttached' ? names.map((n) => ({ name: n, devicePath: '' })) : names;
      if (JSON.stringify(node.status?.[field] ?? []) === JSON.stringify(value)) continue;
      api.mutate<KubeObject>('Node', undefined, name, (n) => {
        n.status = { ...n.status };
        if (value.length) n.status[field] = value;
        else delete n.status[field];
      }, { subresource: 'status' });
    }
  }
}

/** Node changes the controller cares about: taints, readiness, the kubelet stopping or starting. */
function nodeChanged(old: Stored, now: Stored): boolean {
  const ready = (n: Stored) => (n.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.status;
  return (
    JSON.stringify(old.spec?.taints ?? []) !== JSON.stringify(now.spec?.taints ?? []) ||
    ready(old) !== ready(now) ||
    isKubeletStopped(old) !== isKubeletStopped(now)
  );
}
