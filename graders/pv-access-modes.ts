/**
 * Access modes restrict nodes, not pods: a second pod on a ReadWriteOnce claim must share the
 * node; a ReadWriteMany claim serves pods on several nodes.
 */
import { check, defineGrader, getObject, isRunningAndReady, type GradeContext } from './lib/index.ts';

function runningWithClaim(ctx: GradeContext, pod: string, claim: string, node?: string) {
  const p = getObject(ctx, `pod/${pod}`);
  const mounts = p?.spec?.volumes?.some((v: { persistentVolumeClaim?: { claimName: string } }) => v.persistentVolumeClaim?.claimName === claim);
  return [
    check(`${pod} mounts claim ${claim}`, Boolean(mounts), p ? `expected ${pod} to mount claim ${claim}, found it does not` : `expected a pod named ${pod}, found none`, `${pod} mounts ${claim}`),
    check(
      `${pod} Running and Ready`,
      Boolean(p && isRunningAndReady(p) && (!node || p.spec?.nodeName === node)),
      !p ? `expected a pod named ${pod}, found none` : node && p.spec?.nodeName !== node ? `expected ${pod} on ${node}, found it on ${p.spec?.nodeName ?? 'no node'}` : `expected ${pod} Running and Ready, found ${p.status?.phase}${p.status?.containerStatuses?.[0]?.state?.waiting ? ` (${p.status.containerStatuses[0].state.waiting.reason})` : ''}`,
      `${pod} is Running and Ready${node ? ` on ${node}` : ''}`,
    ),
  ];
}

export default defineGrader({
  tasks: {
    'second-pod': (ctx) => {
      const a = getObject(ctx, 'pod/app-a');
      const claim = getObject(ctx, 'pvc/shared');
      return [
        ...runningWithClaim(ctx, 'app-b', 'shared'),
        check('claim shared still ReadWriteOnce', JSON.stringify(claim?.spec?.accessModes) === '["ReadWriteOnce"]', `expected claim shared unchanged with ReadWriteOnce, found ${JSON.stringify(claim?.spec?.accessModes ?? null)}`, 'shared is still ReadWriteOnce'),
        check('app-a untouched', Boolean(a && isRunningAndReady(a)), 'expected app-a still Running and Ready', 'app-a still runs'),
      ];
    },
    'many-nodes': (ctx) => {
      const team = getObject(ctx, 'pvc/team');
      return [
        check('claim team is ReadWriteMany', Boolean(team?.spec?.accessModes?.includes('ReadWriteMany')) && team?.status?.phase === 'Bound', `expected claim team Bound with ReadWriteMany, found ${team ? `${team.status?.phase} with ${JSON.stringify(team.spec?.accessModes)}` : 'no claim'}`, 'team is Bound and ReadWriteMany'),
        ...runningWithClaim(ctx, 'team-1', 'team', 'node02'),
        ...runningWithClaim(ctx, 'team-2', 'team', 'node03'),
      ];
    },
  },
});
