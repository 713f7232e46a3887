/**
 * A pre-provisioned volume: bind to it by name with no class, keep data across pods, reuse it
 * after its claim is gone (Retain → Released → Available).
 */
import type { Stored } from '../src/sim/apiserver/types.ts';
import { check, defineGrader, expectAbsent, expectClaimFile, expectNotRecreated, getObject, isRunningAndReady, readVolumeFile, type GradeContext } from './lib/index.ts';

function boundTo(ctx: GradeContext, claim: string) {
  const pvc = getObject(ctx, `pvc/${claim}`);
  const pv = getObject(ctx, 'pv/reports-pv');
  const ok = pvc?.status?.phase === 'Bound' && pvc.spec?.volumeName === 'reports-pv' && pv?.spec?.claimRef?.name === claim;
  return check(
    `claim ${claim} bound to reports-pv`,
    ok,
    !pvc
      ? `expected a claim named ${claim}, found none`
      : `expected ${claim} Bound to reports-pv, found ${pvc.status?.phase ?? 'no phase'}${pvc.spec?.volumeName ? ` with volume ${pvc.spec.volumeName}` : ''}${pvc.spec?.storageClassName ? ` (class ${pvc.spec.storageClassName})` : ''}`,
    `${claim} is Bound to reports-pv`,
  );
}

function mountsClaim(pod: Stored | undefined, claim: string): boolean {
  return Boolean(pod?.spec?.volumes?.some((v: { persistentVolumeClaim?: { claimName: string } }) => v.persistentVolumeClaim?.claimName === claim));
}

export default defineGrader({
  tasks: {
    claim: (ctx) => [
      boundTo(ctx, 'reports'),
      check(
        'no new volume provisioned',
        ctx.cluster.api.list('PersistentVolume').every((pv) => pv.metadata.name === 'reports-pv'),
        `expected reports-pv to be the only volume, found ${ctx.cluster.api.list('PersistentVolume').map((p) => p.metadata.name).join(', ')}`,
        'reports-pv is the only volume',
      ),
    ],
    data: (ctx) => {
      const reader = getObject(ctx, 'pod/reader');
      return [
        expectAbsent(ctx, 'pod/writer'),
        check('reader mounts the claim', mountsClaim(reader, 'reports'), reader ? 'expected pod reader to mount claim reports, found it does not' : 'expected a pod named reader, found none', 'reader mounts claim reports'),
        check('reader is running', Boolean(reader && isRunningAndReady(reader)), `expected reader Running and Ready, found ${reader?.status?.phase ?? 'no pod'}`, 'reader is Running and Ready'),
        expectClaimFile(ctx, 'reports', '/report.txt', 'Q3 revenue: 42', 'report on the volume'),
      ];
    },
    reuse: (ctx) => {
      const report = readVolumeFile(ctx, 'reports-pv', '/report.txt');
      return [
        expectAbsent(ctx, 'pvc/reports'),
        expectNotRecreated(ctx, 'pv/reports-pv'),
        boundTo(ctx, 'reports-v2'),
        check(
          'report kept on the volume',
          Boolean(report?.includes('Q3 revenue: 42')),
          report === undefined ? 'expected /report.txt on reports-pv, found no such file' : `expected the report on reports-pv, found "${report.trim()}"`,
          'the report is still on reports-pv',
        ),
      ];
    },
  },
});
