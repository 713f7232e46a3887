/**
 * Session and cluster figures: cluster creation, `kubectl get pods` through the Session with 100
 * and 1,000 pods (p50/p95; the budget is 16 ms p95 at 100 pods), and 1,000 bare pods on 50 nodes
 * to Running (wall time and heap).
 */
import type { Cluster } from '../../src/sim/cluster.ts';
import { createCluster } from '../../src/sim/cluster.ts';
import type { NodeSpec } from '../../src/sim/bootstrap.ts';
import { createSession } from '../../src/shell/session.ts';
import { heapMB, ms, percentile, report, sample } from './measure.ts';

function barePod(name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: 'bench' } },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  };
}

function isAllRunning(cluster: Cluster, count: number): boolean {
  const pods = cluster.api.list('Pod', { namespace: 'default' });
  return pods.length >= count && pods.every((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running');
}

function addPods(cluster: Cluster, count: number): void {
  for (let i = 0; i < count; i++) cluster.api.create(barePod(`bench-${String(i).padStart(4, '0')}`));
  cluster.advanceUntil(() => isAllRunning(cluster, count), 30 * 60_000);
}

// Cluster creation.
const creation = await sample(10, () => createCluster({ seed: 1 }));
report('createCluster() (4 nodes), p50 / p95', `${ms(percentile(creation, 50))} / ${ms(percentile(creation, 95))}`);

// kubectl get pods through the Session.
for (const count of [100, 1000]) {
  const nodes: NodeSpec[] = [{ name: 'controlplane', role: 'control-plane' }];
  for (let i = 1; i <= Math.max(3, count / 20); i++) nodes.push({ name: `node${String(i).padStart(2, '0')}`, capacity: { cpu: '8', memory: '32Gi', pods: '110' } });
  const cluster = createCluster({ seed: 1, nodes });
  addPods(cluster, count);
  const session = createSession({ clusters: [cluster] });
  const sink = { stdout() {}, stderr() {} };
  await session.run('kubectl get pods', sink);
  const times = await sample(40, () => session.run('kubectl get pods', sink));
  report(`kubectl get pods, ${count} pods, Enter→output p50 / p95`, `${ms(percentile(times, 50))} / ${ms(percentile(times, 95))}`);
  const wide = await sample(20, () => session.run('kubectl get pods -o wide | grep -c Running', sink));
  report(`kubectl get pods -o wide | grep -c, ${count} pods, p50 / p95`, `${ms(percentile(wide, 50))} / ${ms(percentile(wide, 95))}`);
}

// Shell overhead with no kubectl.
{
  const session = createSession();
  const sink = { stdout() {}, stderr() {} };
  const echo = await sample(50, () => session.run('echo hi', sink));
  report('echo hi through the Session, p50 / p95', `${ms(percentile(echo, 50))} / ${ms(percentile(echo, 95))}`);
  const t = performance.now();
  await session.run('for i in $(seq 1 2000); do :; done', sink);
  report('a 2,000-iteration shell loop', ms(performance.now() - t));
}

// 1,000 bare pods on 50 nodes to Running.
{
  const nodes: NodeSpec[] = [{ name: 'controlplane', role: 'control-plane' }];
  for (let i = 1; i <= 50; i++) nodes.push({ name: `node${String(i).padStart(2, '0')}`, capacity: { cpu: '16', memory: '64Gi', pods: '110' } });
  const before = heapMB();
  const t = performance.now();
  const cluster = createCluster({ seed: 1, nodes });
  addPods(cluster, 1000);
  const wall = performance.now() - t;
  const ok = isAllRunning(cluster, 1000);
  report('1,000 bare pods on 50 nodes to Running, wall', `${ms(wall)}${ok ? '' : ' (NOT all Running)'}`);
  report('  heap after (MB, +delta)', `${heapMB().toFixed(0)} (+${(heapMB() - before).toFixed(0)})`);
  report('  cluster failures', String(cluster.failures.length));
}
