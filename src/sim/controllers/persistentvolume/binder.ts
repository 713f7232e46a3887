/**
 * The PersistentVolume controller's binding loop (pkg/controller/volume/persistentvolume/
 * pv_controller.go): syncClaim binds a Pending claim to the smallest Available volume that fits,
 * finishes bindings an administrator started (claim `volumeName`, volume `claimRef`), marks claims
 * Lost, asks an external provisioner for a volume, and waits for the first consumer under
 * WaitForFirstConsumer; syncVolume moves volumes between Available, Bound and Released and hands
 * released volumes to reclaim. Pending claims are retried every 15 s (--pvclaimbinder-sync-period).
 */
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { clone, refOf, type K8s, type KubeObject, type Stored, type WatchEvent } from '../../apiserver/types.ts';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  NO_PROVISIONER,
  PV_CONTROLLER,
} from '../../storage/constants.ts';
import { claimClass, findBestMatch, isVolumeBoundToClaim, volumeMismatch, whyNotCandidate, type PVC } from '../../storage/pv-match.ts';
import type { PV } from '../../storage/volume-identity.ts';
import type { Controller, ControllerContext } from '../controller.ts';
import { reclaimVolume } from './reclaim.ts';

/** --pvclaimbinder-sync-period: how often unbound claims and failed volumes are looked at again. */
export const BINDER_RESYNC_MS = 15_000;

const NAME = 'persistentvolume-binder';
const SOURCE = { component: PV_CONTROLLER };

type SC = Stored<K8s<StorageClass>>;

export class PersistentVolumeBinder implements Controller {
  readonly name = NAME;
  private ctx!: ControllerContext;

  start(ctx: ControllerContext): void {
    this.ctx = ctx;
  }

  onEvent(ev: WatchEvent): void {
    const o = ev.object;
    if (o.kind === 'PersistentVolumeClaim') {
      this.ctx.enqueue(`claim:${o.metadata.namespace}/${o.metadata.name}`);
      const volume = o.spec?.volumeName;
      if (volume) this.ctx.enqueue(`volume:${volume}`);
    } else if (o.kind === 'PersistentVolume') {
      this.ctx.enqueue(`volume:${o.metadata.name}`);
      const ref = o.spec?.claimRef;
      if (ref?.name) this.ctx.enqueue(`claim:${ref.namespace ?? 'default'}/${ref.name}`);
    }
  }

  sync(key: string): void {
    if (key.startsWith('claim:')) {
      const [ns, name] = key.slice(6).split('/') as [string, string];
      const claim = this.ctx.api.tryGet<K8s<PersistentVolumeClaim>>('PersistentVolumeClaim', ns, name);
      if (!claim) return;
      this.syncClaim(claim);
      const now = this.ctx.api.tryGet<K8s<PersistentVolumeClaim>>('PersistentVolumeClaim', ns, name);
      if (now && now.status?.phase !== 'Bound') this.ctx.enqueueAfter(key, BINDER_RESYNC_MS, { background: true });
    } else if (key.startsWith('volume:')) {
      const pv = this.ctx.api.tryGet('PersistentVolume', undefined, key.slice(7)) as PV | undefined;
      if (!pv) return;
      this.syncVolume(pv);
      const now = this.ctx.api.tryGet('PersistentVolume', undefined, key.slice(7)) as PV | undefined;
      if (now?.status?.phase === 'Failed') this.ctx.enqueueAfter(key, BINDER_RESYNC_MS, { background: true });
    }
  }

  // ------------------------------------------------------------------ claims

  private syncClaim(claim: PVC): void {
    if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) this.syncUnboundClaim(claim);
    else this.syncBoundClaim(claim);
  }

  private syncUnboundClaim(claim: PVC): void {
    const api = this.ctx.api;
    const volumes = api.list('PersistentVolume') as PV[];
    const wanted = claim.spec?.volumeName;
    if (!wanted) {
      const delay = this.shouldDelayBinding(claim);
      const pv = findBestMatch(claim, volumes, { delayBinding: delay });
      if (pv) {
        this.bind(pv, claim);
        return;
      }
      const cls = claimClass(claim);
      if (delay && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) {
        this.emitWaitingForConsumer(claim);
      } else if (cls !== '') {
        this.provisionClaim(claim, cls);
      } else {
        this.ctx.events.normal(claim, 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', SOURCE);
        const reasons = volumes.map((pv) => whyNotCandidate(pv, claim)).filter((r) => r !== undefined);
        this.say(
          claim,
          `no volume fits and, without a class, none will be provisioned${reasons.length ? `: ${reasons.join('; ')}` : ': there are no PersistentVolumes'}`,
        );
      }
      this.setClaimPhase(claim, 'Pending', undefined);
      return;
    }
    // The user asked for a particular volume.
    const pv = volumes.find((v) => v.metadata.name === wanted);
    if (!pv) {
      this.say(claim, `volume ${wanted} named in spec.volumeName does not exist; waiting for it to be created`);
      this.setClaimPhase(claim, 'Pending', undefined);
      return;
    }
    if (!pv.spec?.claimRef) {
      const why = volumeMismatch(pv, claim);
      if (why) {
        this.ctx.events.warning(claim, 'VolumeMismatch', `Cannot bind to requested volume "${wanted}": ${why}`, SOURCE);
        this.setClaimPhase(claim, 'Pending', undefined);
        return;
      }
      this.bind(pv, claim);
      return;
    }
    if (isVolumeBoundToClaim(pv, claim)) {
      this.bind(pv, claim);
      return;
    }
    this.say(claim, `volume ${wanted} is bound to another claim (${pv.spec.claimRef.namespace}/${pv.spec.claimRef.name}); waiting`);
    this.setClaimPhase(claim, 'Pending', undefined);
  }

  private syncBoundClaim(claim: PVC): void {
    const name = claim.spec?.volumeName;
    if (!name) {
      this.setClaimPhaseWithEvent(claim, 'Lost', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
      return;
    }
    const pv = this.ctx.api.tryGet('PersistentVolume', undefined, name) as PV | undefined;
    if (!pv) {
      this.setClaimPhaseWithEvent(claim, 'Lost', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
      return;
    }
    const ref = pv.spec?.claimRef;
    if (!ref || ref.uid === claim.metadata.uid) {
      this.bind(pv, claim);
      return;
    }
    this.setClaimPhaseWithEvent(claim, 'Lost', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
  }

  /** WaitForFirstConsumer classes delay binding until the scheduler picks a node for a pod. */
  private shouldDelayBinding(claim: PVC): boolean {
    if (claim.metadata.annotations?.[ANN_SELECTED_NODE]) return false;
    const cls = claimClass(claim);
    if (!cls) return false;
    const sc = this.ctx.api.tryGet<K8s<StorageClass>>('StorageClass', undefined, cls);
    return sc?.volumeBindingMode === 'WaitForFirstConsumer';
  }

  /** WaitForFirstConsumer, or WaitForPodScheduled when pods using the claim are not scheduled yet. */
  private emitWaitingForConsumer(claim: PVC): void {
    const pods = this.ctx.api
      .list<K8s<Pod>>('Pod', { namespace: claim.metadata.namespace })
      .filter((p) => !p.spec?.nodeName && (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name))
      .map((p) => p.metadata.name!);
    if (pods.length === 0) {
      this.ctx.events.normal(claim, 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', SOURCE);
      // Pods given spec.nodeName bypass the scheduler, so nothing ever selects a node for the claim.
      const pinned = this.ctx.api
        .list<K8s<Pod>>('Pod', { namespace: claim.metadata.namespace })
        .filter((p) => p.spec?.nodeName && (p.spec?.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name))
        .map((p) => p.metadata.name!);
      this.say(
        claim,
        pinned.length
          ? `class is WaitForFirstConsumer but pod(s) ${pinned.join(', ')} set spec.nodeName, bypassing the scheduler that would pick the node; use a nodeSelector on kubernetes.io/hostname instead`
          : 'class is WaitForFirstConsumer: no pod uses this claim yet, so no node has been chosen',
      );
    } else {
      const message = pods.length > 1 ? `waiting for pods ${pods.join(',')} to be scheduled` : `waiting for pod ${pods[0]} to be scheduled`;
      this.ctx.events.normal(claim, 'WaitForPodScheduled', message, SOURCE);
      this.say(claim, `class is WaitForFirstConsumer: ${message}`);
    }
  }

  /**
   * provisionClaimOperation: every provisioner here is external, so the controller annotates the
   * claim with its provisioner and waits for that provisioner (or an administrator) to create a volume.
   */
  private provisionClaim(claim: PVC, cls: string): void {
    const sc = this.ctx.api.tryGet('StorageClass', undefined, cls) as SC | undefined;
    if (!sc) {
      this.ctx.events.warning(claim, 'ProvisioningFailed', `storageclass.storage.k8s.io "${cls}" not found`, SOURCE);
      this.say(claim, `storage class ${cls} does not exist; nothing can provision this claim`);
      return;
    }
    const provisioner = sc.provisioner;
    if (provisioner.startsWith('kubernetes.io/')) {
      // No in-tree provisioner is enabled (kubernetes.io/no-provisioner included).
      this.ctx.events.warning(claim, 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`, SOURCE);
      this.say(
        claim,
        provisioner === NO_PROVISIONER
          ? `class ${cls} has no provisioner: an administrator must create a matching PersistentVolume`
          : `no volume plugin provisions for ${provisioner}`,
      );
      return;
    }
    const ann = claim.metadata.annotations ?? {};
    if (ann[ANN_STORAGE_PROVISIONER] !== provisioner || ann[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
      claim = this.ctx.api.mutate<KubeObject>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name!, (c) => {
        c.metadata.annotations = { ...c.metadata.annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
      }) as PVC;
    }
    this.ctx.events.normal(
      claim,
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      SOURCE,
    );
    this.say(claim, `waiting for provisioner ${provisioner} to create a volume`);
  }

  // ------------------------------------------------------------------ volumes

  private syncVolume(pv: PV): void {
    const ref = pv.spec?.claimRef;
    if (!ref) {
      this.setVolumePhase(pv, 'Available');
      return;
    }
    if (!ref.uid) {
      // Pre-bound by an administrator; the claim's sync binds it.
      this.setVolumePhase(pv, 'Available');
      return;
    }
    let claim = this.ctx.api.tryGet('PersistentVolumeClaim', ref.namespace ?? 'default', ref.name ?? '') as PVC | undefined;
    if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
    if (!claim) {
      if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
        pv = this.setVolumePhase(pv, 'Released');
        this.say(pv, `claim ${ref.namespace}/${ref.name} is gone; reclaim policy ${pv.spec?.persistentVolumeReclaimPolicy} applies`);
      }
      reclaimVolume(this.ctx, pv);
      return;
    }
    const claimVolume = claim.spec?.volumeName;
    if (!claimVolume) {
      this.ctx.enqueue(`claim:${claim.metadata.namespace}/${claim.metadata.name}`);
      return;
    }
    if (claimVolume === pv.metadata.name) {
      this.setVolumePhase(pv, 'Bound');
      return;
    }
    // The claim ended up bound to another volume.
    if (pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] && pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') pv = this.setVolumePhase(pv, 'Released');
      reclaimVolume(this.ctx, pv);
      return;
    }
    this.unbindVolume(pv);
  }

  /** Clears what the controller set; a claimRef an administrator wrote keeps its name, loses its uid. */
  private unbindVolume(pv: PV): void {
    const updated = this.ctx.api.mutate<KubeObject>('PersistentVolume', undefined, pv.metadata.name!, (v) => {
      if (v.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] !== undefined) {
        delete v.spec.claimRef;
        delete v.metadata.annotations[ANN_BOUND_BY_CONTROLLER];
      } else if (v.spec.claimRef) {
        delete v.spec.claimRef.uid;
        delete v.spec.claimRef.resourceVersion;
      }
    }) as PV;
    this.setVolumePhase(updated, 'Available');
  }

  // ------------------------------------------------------------------ binding

  /** bind(): volume first (claimRef, phase Bound), then the claim (volumeName, annotations, status). */
  private bind(pv: PV, claim: PVC): void {
    const api = this.ctx.api;
    const ref = pv.spec?.claimRef;
    const refDone =
      ref?.uid === claim.metadata.uid && ref?.name === claim.metadata.name && ref?.namespace === claim.metadata.namespace;
    if (!refDone) {
      const setByController = !isVolumeBoundToClaim(pv, claim);
      pv = api.mutate<KubeObject>('PersistentVolume', undefined, pv.metadata.name!, (v) => {
        v.spec.claimRef = {
          kind: 'PersistentVolumeClaim',
          namespace: claim.metadata.namespace,
          name: claim.metadata.name,
          uid: claim.metadata.uid,
          apiVersion: 'v1',
          resourceVersion: claim.metadata.resourceVersion,
        };
        if (setByController) v.metadata.annotations = { ...v.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      }) as PV;
    }
    pv = this.setVolumePhase(pv, 'Bound');
    const ann = claim.metadata.annotations ?? {};
    if (claim.spec?.volumeName !== pv.metadata.name || ann[ANN_BIND_COMPLETED] !== 'yes') {
      const byController = !claim.spec?.volumeName;
      claim = api.mutate<KubeObject>('PersistentVolumeClaim', claim.metadata.namespace, claim.metadata.name!, (c) => {
        c.spec = { ...c.spec, volumeName: pv.metadata.name };
        c.metadata.annotations = {
          ...c.metadata.annotations,
          [ANN_BIND_COMPLETED]: 'yes',
          ...(byController ? { [ANN_BOUND_BY_CONTROLLER]: 'yes' } : {}),
        };
      }) as PVC;
    }
    this.setClaimPhase(claim, 'Bound', pv);
    this.say(claim, `bound to volume ${pv.metadata.name} (${pv.spec?.capacity?.storage}, ${(pv.spec?.accessModes ?? []).join(',')})`);
  }

  private setClaimPhase(claim: PVC, phase: string, pv: PV | undefined): PVC {
    return this.ctx.api.mutate<KubeObject>(
      'PersistentVolumeClaim',
      claim.metadata.namespace,
      claim.metadata.name!,
      (c) => {
        const status = { ...(c.status ?? {}) } as Record<string, unknown>;
        status.phase = phase;
        if (pv) {
          status.accessModes = clone(pv.spec?.accessModes ?? []);
          // After an expansion the claim reports its own (grown) capacity; never shrink it back.
          if (!c.status?.capacity?.storage) status.capacity = clone(pv.spec?.capacity ?? {});
        } else {
          delete status.accessModes;
          delete status.capacity;
        }
        c.status = status;
      },
      { subresource: 'status' },
    ) as PVC;
  }

  private setClaimPhaseWithEvent(claim: PVC, phase: string, reason: string, message: string): void {
    if (claim.status?.phase === phase) return;
    const updated = this.setClaimPhase(claim, phase, undefined);
    this.ctx.events.warning(updated, reason, message, SOURCE);
    this.say(claim, message);
  }

  private setVolumePhase(pv: PV, phase: string, message?: string): PV {
    if (pv.status?.phase === phase && (message === undefined || pv.status?.message === message)) return pv;
    return this.ctx.api.mutate<KubeObject>(
      'PersistentVolume',
      undefined,
      pv.metadata.name!,
      (v) => {
        v.status = { ...(v.status ?? {}), phase };
        if (message) v.status.message = message;
        else delete v.status.message;
      },
      { subresource: 'status' },
    ) as PV;
  }

  private say(obj: Stored, message: string): void {
    this.ctx.explain.add(NAME, refOf(obj), message);
  }
}
