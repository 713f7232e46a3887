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
import { nodeKubeletState } from '../faults.ts';
import { hashUnit } from '../random.ts';
import type { Runtime } from '../runtime.ts';
import { AD_CONTROLLER, OUT_OF_SERVICE_TAINT } from '../storage/constants.ts';
import { claimNameOf } from '../storage/ephemeral.ts';
import { sha256Hex } from '../storage/sha256.ts';
import { storageOps } from '../storage/state.ts';
import { isAttachable, isMultiAttachAllowed, uniqueVolumeName, type PV } from '../storage/volume-identity.ts';
import type { Controller, ControllerContext } from './controller.ts';

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
export function isKubeletStopped(runtime: Runtime, node: Stored | undefined): boolean {
  return !!node && nodeKubeletState(runtime, node.metadata.name) !== 'running';
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

/** The claims a pod's volumes name, as `namespace/claim`. */
function claimKeysOf(pod: Stored): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const claim = claimNameOf(pod.metadata.name ?? '', v);
    if (claim) out.push(`${pod.metadata.namespace}/${claim}`);
  }
  return out;
}

function byCreation(a: Stored, b: Stored): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/**
 * Reconciles one volume (`pv:<name>`: its attachments) or one node (`node:<name>`: its
 * volumesAttached and volumesInUse). Which pods use which claim, and which pods with claims run
 * on which node, is indexed from watch events (a restore replays every object as ADDED).
 */
export class AttachDetachController implements Controller {
  readonly name = 'attachdetach';
  private ctx!: ControllerContext;
  /** `ns/claim` → keys of pods whose volumes name it. */
  private claimUsers = new Map<string, Set<string>>();
  /** node → keys of pods with claims placed there. */
  private nodePods = new Map<string, Set<string>>();
  /** pod key → what the indexes hold for it. */
  private podEntries = new Map<string, { claims: string[]; node?: string }>();
  /** VolumeAttachment names by volume and by node. */
  private attachmentsByVolume = new Map<string, Set<string>>();
  private attachmentsByNode = new Map<string, Set<string>>();

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    const changed = ev.type !== 'MODIFIED' || !ev.old;
    switch (o.kind) {
      case 'Pod': {
        const claims = claimKeysOf(o);
        if (claims.length === 0) break;
        const key = `${o.metadata.namespace}/${o.metadata.name}`;
        this.unindex(key);
        if (ev.type !== 'DELETED') this.index(key, claims, o.spec?.nodeName);
        // Only placement and finishing matter, not the many container status updates.
        if (changed || ev.old!.spec?.nodeName !== o.spec?.nodeName || isPodHoldingVolumes(ev.old as PodObj) !== isPodHoldingVolumes(o as PodObj)) {
          for (const c of claims) this.enqueueClaimVolume(c);
          if (o.spec?.nodeName) this.ctx.enqueue(`node:${o.spec.nodeName}`);
        }
        break;
      }
      case 'Node':
        if (changed || nodeChanged(ev.old!, o)) {
          this.ctx.enqueue(`node:${o.metadata.name}`);
          for (const va of this.attachmentsOf(this.attachmentsByNode, o.metadata.name!)) {
            this.ctx.enqueue(`pv:${va.spec?.source?.persistentVolumeName}`);
          }
        }
        break;
      case 'PersistentVolumeClaim':
        if (changed || ev.old!.spec?.volumeName !== o.spec?.volumeName || ev.old!.status?.phase !== o.status?.phase) {
          if (o.spec?.volumeName) this.ctx.enqueue(`pv:${o.spec.volumeName}`);
          for (const podKey of this.claimUsers.get(`${o.metadata.namespace}/${o.metadata.name}`) ?? []) {
            const node = this.podEntries.get(podKey)?.node;
            if (node) this.ctx.enqueue(`node:${node}`);
          }
        }
        break;
      case 'PersistentVolume':
        if (o.spec?.csi && (changed || ev.old!.status?.phase !== o.status?.phase)) this.ctx.enqueue(`pv:${o.metadata.name}`);
        break;
      case 'VolumeAttachment': {
        const pvName = o.spec?.source?.persistentVolumeName;
        const nodeName = o.spec?.nodeName;
        for (const [map, k] of [[this.attachmentsByVolume, pvName], [this.attachmentsByNode, nodeName]] as const) {
          let set = map.get(k);
          if (!set) map.set(k, (set = new Set()));
          if (ev.type === 'DELETED') set.delete(o.metadata.name!);
          else set.add(o.metadata.name!);
        }
        this.ctx.enqueue(`pv:${pvName}`);
        this.ctx.enqueue(`node:${nodeName}`);
        break;
      }
    }
  }

  sync(key: string): void {
    if (key.startsWith('pv:')) this.syncVolume(key.slice(3));
    else if (key.startsWith('node:')) this.syncNode(key.slice(5));
  }

  private index(podKey: string, claims: string[], node: string | undefined): void {
    this.podEntries.set(podKey, { claims, node });
    for (const c of claims) {
      let set = this.claimUsers.get(c);
      if (!set) this.claimUsers.set(c, (set = new Set()));
      set.add(podKey);
    }
    if (node) {
      let set = this.nodePods.get(node);
      if (!set) this.nodePods.set(node, (set = new Set()));
      set.add(podKey);
    }
  }

  private unindex(podKey: string): void {
    const entry = this.podEntries.get(podKey);
    if (!entry) return;
    for (const c of entry.claims) this.claimUsers.get(c)?.delete(podKey);
    if (entry.node) this.nodePods.get(entry.node)?.delete(podKey);
    this.podEntries.delete(podKey);
  }

  private attachmentsOf(map: Map<string, Set<string>>, key: string): Stored[] {
    const out: Stored[] = [];
    for (const name of [...(map.get(key) ?? [])].sort()) {
      const va = this.ctx.api.tryGet('VolumeAttachment', undefined, name);
      if (va) out.push(va);
    }
    return out;
  }

  private enqueueClaimVolume(claimKey: string): void {
    const slash = claimKey.indexOf('/');
    const claim = this.ctx.api.tryGet('PersistentVolumeClaim', claimKey.slice(0, slash), claimKey.slice(slash + 1));
    if (claim?.spec?.volumeName) this.ctx.enqueue(`pv:${claim.spec.volumeName}`);
  }

  private pod(podKey: string): PodObj | undefined {
    const slash = podKey.indexOf('/');
    return this.ctx.api.tryGet<K8s<Pod>>('Pod', podKey.slice(0, slash), podKey.slice(slash + 1)) as PodObj | undefined;
  }

  /** The bound claim of a CSI volume, if the binding is complete. */
  private boundClaimKey(pv: PV): string | undefined {
    const ref = pv.spec?.claimRef;
    if (!ref?.name) return undefined;
    const ns = ref.namespace ?? 'default';
    const claim = this.ctx.api.tryGet('PersistentVolumeClaim', ns, ref.name);
    if (!claim || claim.metadata.uid !== ref.uid || claim.status?.phase !== 'Bound' || claim.spec?.volumeName !== pv.metadata.name) return undefined;
    return `${ns}/${ref.name}`;
  }

  /** Desired state for one volume: the nodes its unfinished pods run on, oldest pods first. */
  private desiredFor(pv: PV): Wanted[] {
    const claimKey = this.boundClaimKey(pv);
    if (!claimKey) return [];
    const pods = [...(this.claimUsers.get(claimKey) ?? [])]
      .map((k) => this.pod(k))
      .filter((p): p is PodObj => p !== undefined && isPodHoldingVolumes(p))
      .sort(byCreation);
    const byNode = new Map<string, Wanted>();
    for (const pod of pods) {
      const node = pod.spec!.nodeName!;
      const w = byNode.get(node);
      if (w) w.pods.push(pod);
      else byNode.set(node, { pv, node, pods: [pod] });
    }
    return [...byNode.values()];
  }

  private syncVolume(pvName: string): void {
    const api = this.ctx.api;
    const now = this.ctx.clock.now();
    const pv = api.tryGet('PersistentVolume', undefined, pvName) as PV | undefined;
    const wanted = pv && isAttachable(pv) ? this.desiredFor(pv) : [];
    const attachments = this.attachmentsOf(this.attachmentsByVolume, pvName);
    const wantedNames = new Set<string>();

    // Attach what is wanted; the first consumer of an RWO volume wins.
    for (const w of wanted) {
      const csi = w.pv.spec!.csi!;
      const vaName = attachmentName(csi.volumeHandle, csi.driver, w.node);
      wantedNames.add(vaName);
      const va = attachments.find((a) => a.metadata.name === vaName);
      if (va) {
        this.progressAttach(va, w, now);
        continue;
      }
      if (!isMultiAttachAllowed(w.pv)) {
        const elsewhere = attachments.filter((a) => a.spec?.nodeName !== w.node);
        if (elsewhere.length > 0) {
          this.reportMultiAttach(w, elsewhere.map((a) => a.spec.nodeName as string), wanted);
          continue;
        }
      }
      const created = api.create({
        apiVersion: 'storage.k8s.io/v1',
        kind: 'VolumeAttachment',
        metadata: { name: vaName, finalizers: [`external-attacher/${csi.driver.replace(/[/.]/g, '-')}`] },
        spec: { attacher: csi.driver, nodeName: w.node, source: { persistentVolumeName: pvName } },
        status: { attached: false },
      });
      attachments.push(created);
      const [lo, hi] = this.ctx.timings.volumeAttachMs;
      const delay = Math.round(lo + (hi - lo) * hashUnit(this.ctx.seed, 'attach', vaName, String(now)));
      storageOps(this.ctx.runtime).attaching[vaName] = now + delay;
      this.ctx.explain.add(this.name, refOf(w.pv), `attaching to ${w.node} for pod(s) ${w.pods.map((p) => p.metadata.name).join(', ')}`);
      this.ctx.enqueueAfter(`pv:${pvName}`, delay);
    }

    // Detach what is no longer wanted.
    for (const va of attachments) {
      if (wantedNames.has(va.metadata.name!)) {
        delete storageOps(this.ctx.runtime).detachRequested[va.metadata.name!];
        continue;
      }
      const node = api.tryGet<K8s<Node>>('Node', undefined, va.spec?.nodeName) as NodeObj | undefined;
      this.maybeDetach(va, pv, node, now);
    }
  }

  /** The external attacher finishing ControllerPublishVolume. */
  private progressAttach(va: Stored, w: Wanted, now: number): void {
    if (va.status?.attached) return;
    const ops = storageOps(this.ctx.runtime);
    const vaName = va.metadata.name!;
    const due = ops.attaching[vaName] ?? now;
    if (now < due) {
      this.ctx.enqueueAfter(`pv:${w.pv.metadata.name}`, due - now);
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
  private reportMultiAttach(w: Wanted, otherNodes: string[], wanted: Wanted[]): void {
    const holders = wanted.filter((o) => otherNodes.includes(o.node)).flatMap((o) => o.pods);
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

  /** Whether the node's kubelet still reports the volume mounted (volumesInUse). */
  private isMounted(pv: PV | undefined, node: NodeObj | undefined): boolean {
    if (!pv || !node) return false;
    const unique = uniqueVolumeName(pv);
    if (isKubeletStopped(this.ctx.runtime, node)) return (node.status?.volumesInUse ?? []).includes(unique);
    return this.inUseOn(node.metadata.name!).includes(unique);
  }

  private maybeDetach(va: Stored, pv: PV | undefined, node: NodeObj | undefined, now: number): void {
    const ops = storageOps(this.ctx.runtime);
    const vaName = va.metadata.name!;
    if (va.status?.attached && node && this.isMounted(pv, node)) {
      const since = (ops.detachRequested[vaName] ??= now);
      const elapsed = now - since;
      const healthy = isNodeHealthy(node);
      const forceDetach = !healthy && elapsed >= this.ctx.timings.forceDetachMs;
      if (!forceDetach && !hasOutOfServiceTaint(node)) {
        if (!healthy) this.ctx.enqueueAfter(`pv:${va.spec?.source?.persistentVolumeName}`, this.ctx.timings.forceDetachMs - elapsed);
        this.ctx.explain.add(
          this.name,
          pv ? refOf(pv) : refOf(va),
          healthy
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

  /** Unique names of the attachable volumes the node's unfinished pods use (the kubelet's report). */
  private inUseOn(nodeName: string): string[] {
    const names = new Set<string>();
    for (const podKey of this.nodePods.get(nodeName) ?? []) {
      const pod = this.pod(podKey);
      if (!pod || pod.spec?.nodeName !== nodeName || !isPodHoldingVolumes(pod)) continue;
      for (const claimKey of this.podEntries.get(podKey)?.claims ?? []) {
        const slash = claimKey.indexOf('/');
        const claim = this.ctx.api.tryGet('PersistentVolumeClaim', claimKey.slice(0, slash), claimKey.slice(slash + 1));
        if (claim?.status?.phase !== 'Bound' || !claim.spec?.volumeName) continue;
        const pv = this.ctx.api.tryGet('PersistentVolume', undefined, claim.spec.volumeName) as PV | undefined;
        if (pv && isAttachable(pv)) names.add(uniqueVolumeName(pv));
      }
    }
    return [...names].sort();
  }

  /** volumesAttached from attached VolumeAttachments; volumesInUse while the node's kubelet runs. */
  private syncNode(nodeName: string): void {
    const api = this.ctx.api;
    const node = api.tryGet<K8s<Node>>('Node', undefined, nodeName) as NodeObj | undefined;
    if (!node) return;
    const attached = new Set<string>();
    for (const va of this.attachmentsOf(this.attachmentsByNode, nodeName)) {
      if (!va.status?.attached) continue;
      const pv = api.tryGet('PersistentVolume', undefined, va.spec?.source?.persistentVolumeName ?? '') as PV | undefined;
      if (pv) attached.add(uniqueVolumeName(pv));
    }
    const volumesAttached = [...attached].sort().map((n) => ({ name: n, devicePath: '' }));
    const volumesInUse = isKubeletStopped(this.ctx.runtime, node) ? (node.status?.volumesInUse ?? []) : this.inUseOn(nodeName);
    if (
      JSON.stringify(node.status?.volumesAttached ?? []) === JSON.stringify(volumesAttached) &&
      JSON.stringify(node.status?.volumesInUse ?? []) === JSON.stringify(volumesInUse)
    ) {
      return;
    }
    api.mutate<KubeObject>('Node', undefined, nodeName, (n) => {
      n.status = { ...n.status };
      if (volumesAttached.length) n.status.volumesAttached = volumesAttached;
      else delete n.status.volumesAttached;
      if (volumesInUse.length) n.status.volumesInUse = [...volumesInUse];
      else delete n.status.volumesInUse;
    }, { subresource: 'status' });
  }
}

/**
 * Node changes the controller cares about: taints, readiness, the kubelet stopping or starting.
 * The last is outside the API: the Node comes re-delivered with `old` the same object.
 */
function nodeChanged(old: Stored, now: Stored): boolean {
  const ready = (n: Stored) => (n.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready')?.status;
  return (
    JSON.stringify(old.spec?.taints ?? []) !== JSON.stringify(now.spec?.taints ?? []) ||
    ready(old) !== ready(now) ||
    old === now
  );
}
