/**
 * A DaemonSet on every node (tolerating the control-plane taint), then narrowed with a
 * nodeSelector and exposed with a hostPort.
 */
import { check, defineGrader, expectExists, getObject, podsOf, isRunningAndReady, type GradeContext } from './lib/index.ts';

function agentNodes(ctx: GradeContext): string[] {
  return podsOf(ctx, { selector: 'app=node-agent' })
    .filter((p) => isRunningAndReady(p))
    .map((p) => p.spec?.nodeName as string)
    .sort();
}

function onNode(ctx: GradeContext, node: string) {
  const nodes = agentNodes(ctx);
  return check(`agent on ${node}`, nodes.includes(node), `expected a ready node-agent pod on ${node}, found agents on ${nodes.join(', ') || 'no node'}`, `a node-agent pod is ready on ${node}`);
}

export default defineGrader({
  tasks: {
    everywhere: (ctx) => {
      const ds = getObject(ctx, 'daemonset/node-agent');
      const c = ds?.spec?.template?.spec?.containers?.[0];
      return [
        expectExists(ctx, 'daemonset/node-agent'),
        check('agent container runs nginx:1.27', c?.name === 'agent' && c?.image === 'nginx:1.27', `expected container agent with image nginx:1.27, found ${c ? `${c.name} with ${c.image}` : 'none'}`, 'container agent runs nginx:1.27'),
        ...['controlplane', 'node01', 'node02', 'node03'].map((n) => onNode(ctx, n)),
        check('4 scheduled', ds?.status?.desiredNumberScheduled === 4 && ds?.status?.numberReady === 4, `expected 4 desired and 4 ready, found ${ds?.status?.desiredNumberScheduled ?? 0} desired and ${ds?.status?.numberReady ?? 0} ready`, 'the DaemonSet wants and has 4 ready pods'),
      ];
    },
    'gpu-only': (ctx) => {
      const ds = getObject(ctx, 'daemonset/node-agent');
      const ports: { containerPort?: number; hostPort?: number }[] = ds?.spec?.template?.spec?.containers?.[0]?.ports ?? [];
      const nodes = agentNodes(ctx);
      const all = podsOf(ctx, { selector: 'app=node-agent' }).map((p) => p.spec?.nodeName as string).sort();
      return [
        check('selects gpu=cuda nodes', ds?.spec?.template?.spec?.nodeSelector?.gpu === 'cuda', `expected nodeSelector gpu=cuda in the pod template, found ${JSON.stringify(ds?.spec?.template?.spec?.nodeSelector ?? {})}`, 'the pod template selects gpu=cuda nodes'),
        check('agent only on gpu nodes', JSON.stringify(all) === JSON.stringify(['node01', 'node03']) && JSON.stringify(nodes) === JSON.stringify(['node01', 'node03']), `expected ready agents on node01 and node03 only, found pods on ${all.join(', ') || 'no node'}`, 'agents run on node01 and node03 only'),
        check('port 8080 on the node', ports.some((p) => p.containerPort === 80 && p.hostPort === 8080), `expected containerPort 80 with hostPort 8080, found ${JSON.stringify(ports)}`, 'port 80 is bound to port 8080 of the node'),
      ];
    },
  },
});
