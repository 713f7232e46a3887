/**
 * Benchmark: 1,000 bare pods on 50 worker nodes, from creation to all Running.
 * Run with `npx tsx tests/bench/pods-to-running.ts`. Budget: well under a second of wall time.
 */
import { createCluster } from '../../src/sim/cluster.ts';

const nodes = [{ name: 'controlplane', role: 'control-plane' as const }, ...Array.from({ length: 50 }, (_, i) => ({ name: `node${String(i + 1).padStart(2, '0')}` }))];
const cluster = createCluster({ seed: 42, nodes });
cluster.advanceUntilQuiet(600_000);
let running = 0;
cluster.api.watch((ev) => {
  if (ev.object.kind !== 'Pod' || ev.object.metadata.namespace !== 'default') return;
  const was = ev.old?.status?.phase === 'Running';
  const is = ev.type !== 'DELETED' && ev.object.status?.phase === 'Running';
  running += Number(is) - Number(was);
});
const start = performance.now();
for (let i = 0; i < 1000; i++) {
  cluster.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${i}`, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] },
  });
}
const isAllRunning = () => running === 1000;
const ok = cluster.advanceUntil(isAllRunning, 120_000);
const ms = performance.now() - start;
const perNode = new Map<string, number>();
for (const p of cluster.api.list('Pod', { namespace: 'default' })) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
console.log(JSON.stringify({ allRunning: ok, wallMs: Math.round(ms), failures: cluster.failures.length, nodesUsed: perNode.size, maxPerNode: Math.max(...perNode.values()), minPerNode: Math.min(...perNode.values()) }));
