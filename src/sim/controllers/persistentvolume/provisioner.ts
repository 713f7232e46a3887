/**
 * The external provisioners of kubelab's storage classes, in the role csi-provisioner (and
 * rancher's local-path-provisioner) play on a real cluster: for a claim the PersistentVolume
 * controller annotated with our provisioner name, create a volume `pvc-<claim uid>` pre-bound to
 * the claim after a provisioning delay; for a Released volume we provisioned with reclaim policy
 * Delete, delete its data and then the PersistentVolume object.
 *
 * `kubelab.dev/network` volumes are CSI volumes reachable from every node (attached by the
 * attach/detach controller); `rancher.io/local-path` volumes are directories on the node the
 * scheduler selected, pinned there by node affinity.
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { refOf, type K8s, type Stored, type WatchEvent } from '../../apiserver/types.ts';
import { hashUnit } from '../../random.ts';
import {
  ANN_PROVISIONED_BY,
  ANN_PROVISIONED_NODE,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  LOCAL_PATH_PROVISIONER,
  NETWORK_PROVISIONER,
  PROVISIONER_DELETION_FINALIZER,
} from '../../storage/constants.ts';
import { claimClass, type PVC } from '../../storage/pv-match.ts';
import { storageOps } from '../../storage/state.ts';
import { deleteVolumeFiles, makeDirectory } from '../../storage/volume-data.ts';
import { pvDataLocation, type PV } from '../../storage/volume-identity.ts';
import type { Controller, ControllerContext } from '../controller.ts';

const NAME = 'external-provisioner';
const PROVISIONERS = [NETWORK_PROVISIONER, LOCAL_PATH_PROVISIONER];
/** Where rancher's local-path-provisioner puts volumes on the node. */
export const LOCAL_PATH_ROOT = '/opt/local-path-provisioner';

/** Deleting a provisioned volume takes about a second. */
const DELETE_MS = 1000;

export class ExternalProvisioner implements Controller {
  readonly name = NAME;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'PersistentVolumeClaim' && ev.type !== 'DELETED') {
      if (PROVISIONERS.includes(o.metadata.annotations?.[ANN_STORAGE_PROVISIONER] ?? '')) this.ctx.enqueue(`claim:${o.metadata.namespace}/${o.metadata.name}`);
    } else if (o.kind === 'PersistentVolume' && ev.type !== 'DELETED') {
      if (PROVISIONERS.includes(o.metadata.annotations?.[ANN_PROVISIONED_BY] ?? '')) this.ctx.enqueue(`volume:${o.metadata.name}`);
    }
  }

  sync(key: string): void {
    if (key.startsWith('claim:')) {
      const [ns, name] = key.slice(6).split('/') as [string, string];
      const claim = this.ctx.api.tryGet<K8s<PersistentVolumeClaim>>('PersistentVolumeClaim', ns, name);
      if (claim) this.syncClaim(claim as PVC, key);
    } else if (key.startsWith('volume:')) {
      const pv = this.ctx.api.tryGet('PersistentVolume', undefined, key.slice(7)) as PV | undefined;
      if (pv) this.syncVolume(pv, key);
    }
  }

  /** The event source: `<provisioner>_<instance>_<uuid>`, as csi-provisioner's leader identity reads. */
  private source(provisioner: string): { component: string } {
    const instance = provisioner === LOCAL_PATH_PROVISIONER ? 'local-path-provisioner-7599fd788b-' + this.suffix('lp', 5) : 'csi-network-controller-0';
    return { component: `${provisioner}_${instance}_${this.uuid(provisioner)}` };
  }

  private syncClaim(claim: PVC, key: string): void {
    const provisioner = claim.metadata.annotations?.[ANN_STORAGE_PROVISIONER];
    if (!provisioner || !PROVISIONERS.includes(provisioner)) return;
    if (claim.spec?.volumeName || claim.metadata.deletionTimestamp) return;
    const ops = storageOps(this.ctx.runtime);
    const uid = claim.metadata.uid!;
    const pvName = `pvc-${uid}`;
    if (this.ctx.api.tryGet('PersistentVolume', undefined, pvName)) return;
    const sc = this.ctx.api.tryGet<K8s<StorageClass>>('StorageClass', undefined, claimClass(claim)) as Stored<K8s<StorageClass>> | undefined;
    if (!sc || sc.provisioner !== provisioner) return;
    const selectedNode = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !selectedNode) return;
    if (provisioner === LOCAL_PATH_PROVISIONER && !selectedNode) {
      this.ctx.events.warning(claim, 'ProvisioningFailed', 'failed to provision volume with StorageClass "' + sc.metadata.name + '": configuration error, no node was specified', this.source(provisioner));
      return;
    }
    const due = ops.provisioning[uid];
    const now = this.ctx.clock.now();
    if (due === undefined) {
      const [lo, hi] = this.ctx.timings.provisionMs;
      const delay = Math.round(lo + (hi - lo) * hashUnit(this.ctx.seed, 'provision', uid));
      ops.provisioning[uid] = now + delay;
      this.ctx.events.normal(claim, 'Provisioning', `External provisioner is provisioning volume for claim "${claim.metadata.namespace}/${claim.metadata.name}"`, this.source(provisioner));
      this.ctx.explain.add(NAME, refOf(claim), `${provisioner} is creating volume ${pvName}`);
      this.ctx.enqueueAfter(key, delay);
      return;
    }
    if (now < due) {
      this.ctx.enqueueAfter(key, due - now);
      return;
    }
    delete ops.provisioning[uid];
    const pv = this.volumeFor(claim, sc, pvName, selectedNode);
    const created = this.ctx.api.create(pv) as PV;
    if (provisioner === LOCAL_PATH_PROVISIONER) {
      const loc = pvDataLocation(created, selectedNode);
      if (loc) makeDirectory(this.ctx.runtime, loc, '/');
    }
    this.ctx.events.normal(claim, 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, this.source(provisioner));
  }

  private volumeFor(claim: PVC, sc: Stored<K8s<StorageClass>>, pvName: string, node: string | undefined): K8s<Record<string, unknown>> {
    const provisioner = sc.provisioner;
    const spec: Record<string, unknown> = {
      accessModes: [...(claim.spec?.accessModes ?? [])],
      capacity: { storage: claim.spec?.resources?.requests?.storage },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: claim.metadata.name,
        namespace: claim.metadata.namespace,
        resourceVersion: claim.metadata.resourceVersion,
        uid: claim.metadata.uid,
      },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    };
    if (sc.mountOptions?.length) spec.mountOptions = [...sc.mountOptions];
    const annotations: Record<string, string> = { [ANN_PROVISIONED_BY]: provisioner };
    const finalizers: string[] = [];
    if (provisioner === LOCAL_PATH_PROVISIONER) {
      annotations[ANN_PROVISIONED_NODE] = node!;
      spec.hostPath = { path: `${LOCAL_PATH_ROOT}/${pvName}_${claim.metadata.namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' };
      spec.nodeAffinity = {
        required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node!] }] }] },
      };
    } else {
      finalizers.push(PROVISIONER_DELETION_FINALIZER);
      spec.csi = {
        driver: provisioner,
        fsType: sc.parameters?.['csi.storage.k8s.io/fstype'] ?? 'ext4',
        volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `${Math.floor(this.ctx.clock.now() / 1000) * 1000}-${Math.floor(hashUnit(this.ctx.seed, 'identity') * 9000) + 1000}-${provisioner}` },
        volumeHandle: pvName,
      };
    }
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pvName, annotations, ...(finalizers.length ? { finalizers } : {}) },
      spec,
    };
  }

  /** Released + Delete: remove the backing volume, then the object (and our finalizer). */
  private syncVolume(pv: PV, key: string): void {
    const provisioner = pv.metadata.annotations?.[ANN_PROVISIONED_BY];
    if (!provisioner || !PROVISIONERS.includes(provisioner)) return;
    if (pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') {
      // Retained volumes keep their data; our finalizer only guards deletion of the backing volume.
      if (pv.metadata.deletionTimestamp) this.dropFinalizer(pv);
      return;
    }
    const released = pv.status?.phase === 'Released' || (pv.metadata.deletionTimestamp && pv.status?.phase !== 'Bound');
    if (!released) return;
    const ops = storageOps(this.ctx.runtime);
    const name = pv.metadata.name!;
    const now = this.ctx.clock.now();
    const due = ops.deleting[name];
    if (due === undefined) {
      ops.deleting[name] = now + DELETE_MS;
      this.ctx.explain.add(NAME, refOf(pv), `reclaim policy Delete: ${provisioner} is deleting the volume and its data`);
      this.ctx.enqueueAfter(key, DELETE_MS);
      return;
    }
    if (now < due) {
      this.ctx.enqueueAfter(key, due - now);
      return;
    }
    delete ops.deleting[name];
    deleteVolumeFiles(this.ctx.runtime, pv);
    if (!pv.metadata.deletionTimestamp) this.ctx.api.delete('PersistentVolume', undefined, name);
    const current = this.ctx.api.tryGet('PersistentVolume', undefined, name) as PV | undefined;
    if (current) this.dropFinalizer(current);
  }

  private dropFinalizer(pv: PV): void {
    if (!pv.metadata.finalizers?.includes(PROVISIONER_DELETION_FINALIZER)) return;
    this.ctx.api.mutate('PersistentVolume', undefined, pv.metadata.name!, (v) => {
      v.metadata.finalizers = (v.metadata.finalizers ?? []).filter((f: string) => f !== PROVISIONER_DELETION_FINALIZER);
    });
  }

  private suffix(salt: string, n: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(hashUnit(this.ctx.seed, salt, String(i)) * alphabet.length)];
    return out;
  }

  private uuid(salt: string): string {
    const hex = (part: string, n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(hashUnit(this.ctx.seed, 'provisioner', salt, part, String(i)) * 16).toString(16);
      return s;
    };
    return `${hex('a', 8)}-${hex('b', 4)}-4${hex('c', 3)}-a${hex('d', 3)}-${hex('e', 12)}`;
  }
}
