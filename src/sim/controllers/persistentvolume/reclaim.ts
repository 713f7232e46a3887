/**
 * What the PersistentVolume controller does with a Released volume (pv_controller.go
 * reclaimVolume): Retain keeps it and its data with the old claimRef until an administrator
 * removes the claimRef; Delete of a provisioned volume is the external provisioner's job (see
 * provisioner.ts); Delete of a hand-made volume only works for hostPath under /tmp (the hostPath
 * deleter) and otherwise fails the volume; Recycle scrubs the files and makes it Available again.
 */
import { ANN_PROVISIONED_BY, PV_CONTROLLER } from '../../storage/constants.ts';
import { deleteVolumeFiles } from '../../storage/volume-data.ts';
import { refOf } from '../../apiserver/types.ts';
import type { PV } from '../../storage/volume-identity.ts';
import type { ControllerContext } from '../controller.ts';

const SOURCE = { component: PV_CONTROLLER };

export function reclaimVolume(ctx: ControllerContext, pv: PV): void {
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  const say = (m: string) => ctx.explain.add('persistentvolume-binder', refOf(pv), m);
  if (policy === 'Retain') {
    say('reclaim policy Retain: the volume and its data stay; remove spec.claimRef to make it Available again');
    return;
  }
  if (policy === 'Recycle') {
    recycle(ctx, pv);
    return;
  }
  if (pv.metadata.annotations?.[ANN_PROVISIONED_BY]) {
    say(`reclaim policy Delete: waiting for ${pv.metadata.annotations[ANN_PROVISIONED_BY]} to delete the volume`);
    return;
  }
  const hostPath = pv.spec?.hostPath?.path;
  if (hostPath !== undefined && /^\/tmp\/.+/.test(hostPath)) {
    deleteVolumeFiles(ctx.runtime, pv);
    ctx.api.delete('PersistentVolume', undefined, pv.metadata.name!);
    say('reclaim policy Delete: hostPath volume under /tmp deleted');
    return;
  }
  const message =
    hostPath !== undefined
      ? `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`
      : `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
  ctx.events.warning(pv, 'VolumeFailedDelete', message, SOURCE);
  if (pv.status?.phase !== 'Failed' || pv.status?.message !== message) {
    ctx.api.mutate('PersistentVolume', undefined, pv.metadata.name!, (v) => {
      v.status = { ...v.status, phase: 'Failed', message };
    }, { subresource: 'status' });
  }
  say(`reclaim policy Delete failed: ${message}`);
}

/** The deprecated recycler: `rm -rf` of the volume's files, then the volume is Available again. */
function recycle(ctx: ControllerContext, pv: PV): void {
  if (!pv.spec?.hostPath && !pv.spec?.nfs) {
    const message = 'No recycler plugin found for the volume!';
    ctx.events.warning(pv, 'VolumeFailedRecycle', message, SOURCE);
    ctx.api.mutate('PersistentVolume', undefined, pv.metadata.name!, (v) => {
      v.status = { ...v.status, phase: 'Failed', message };
    }, { subresource: 'status' });
    return;
  }
  deleteVolumeFiles(ctx.runtime, pv);
  ctx.api.mutate('PersistentVolume', undefined, pv.metadata.name!, (v) => {
    delete v.spec.claimRef;
  });
  ctx.events.normal(pv, 'VolumeRecycled', 'Volume recycled', SOURCE);
}
