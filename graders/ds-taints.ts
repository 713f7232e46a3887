/**
 * DaemonSets and node taints: tolerate a dedicated node's taint; drain keeps daemon pods.
 */
import { check, defineGrader, getObject, isRunningAndReady, podsOf, type GradeContext } from './lib/index.ts';

function monitorOn(ctx: GradeContext, node: string) {
  const pods = podsOf(ctx, { selector: 'app=monitor' }).filter((p) => p.spec?.nodeName === node && isRunningAndReady(p));
  return check(`monitor on ${node}`, pods.length === 1, `expected one ready monitor pod on ${node}, found ${pods.length}`, `a monitor pod runs on ${node}`);
}

export default defineGrader({
  tasks: {
    'tainted-node': (ctx) => {
      const taints: { key: string; value?: string; effect: string }[] = getObject(ctx, 'node/node03')?.spec?.taints ?? [];
      return [
        monitorOn(ctx, 'node01'),
        monitorOn(ctx, 'node02'),
        monitorOn(ctx, 'node03'),
        check('node03 still tainted', taints.some((t) => t.key === 'dedicated' && t.value === 'storage' && t.effect === 'NoSchedule'), 'expected node03 to keep its dedicated=storage:NoSchedule taint, found it removed', 'node03 keeps its taint'),
      ];
    },
    drain: (ctx) => {
      const node = getObject(ctx, 'node/node01');
      const web = podsOf(ctx, { selector: 'app=web' });
      const deploy = getObject(ctx, 'deployment/web');
      return [
        check('node01 unschedulable', node?.spec?.unschedulable === true, 'expected node01 cordoned (unschedulable), found it schedulable', 'node01 accepts no new pods'),
        check('web exists', Boolean(deploy) && deploy?.spec?.replicas === 2, deploy ? `expected 2 replicas, found ${deploy.spec?.replicas}` : 'expected a Deployment named web, found none', 'web wants 2 replicas'),
        check('no web pods on node01', web.length > 0 && web.every((p) => p.spec?.nodeName !== 'node01'), web.length === 0 ? 'expected web pods, found none' : `expected no web pods on node01, found ${web.filter((p) => p.spec?.nodeName === 'node01').map((p) => p.metadata.name).join(', ')}`, 'no web pod is on node01'),
        check('web pods ready elsewhere', web.filter(isRunningAndReady).length === 2, `expected 2 ready web pods, found ${web.filter(isRunningAndReady).length}`, '2 web pods are ready'),
        monitorOn(ctx, 'node01'),
      ];
    },
  },
});
