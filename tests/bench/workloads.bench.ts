/**
 * Benchmark: workload controllers at scale.
 * - A 1,000-replica Parallel StatefulSet on 50 workers, from creation to all Ready (target ≤ 1 s wall).
 * - A DaemonSet rolling update across 50 workers.
 * - `replicas: 100000` on a StatefulSet: one settle must stay bounded (burst of 500 a sync).
 * Run with `npx tsx tests/bench/workloads.bench.ts`.
 */
import { createCluster } from '../../src/sim/cluster.ts';
import { heapMB, ms, report } from './measure.ts';

const nodes = [{ name: 'controlplane', role: 'control-plane' as const }, ...Array.from({ length: 50 }, (_, i) => ({ name: `node${String(i + 1).padStart(2, '0')}` }))];

function statefulSet(replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'big', namespace: 'default' },
    spec: {
      serviceName: 'big',
      replicas,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'big' } },
      template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] } },
    },
  };
}

{
  const cluster = createCluster({ seed: 42, nodes });
  cluster.advanceUntilQuiet(600_000);
  const heap0 = heapMB();
  const start = performance.now();
  cluster.api.create(statefulSet(1000));
  const ok = cluster.advanceUntil(() => cluster.api.get('StatefulSet', 'default', 'big').status?.readyReplicas === 1000, 600_000);
  const wall = performance.now() - start;
  report('StatefulSet 1,000 Parallel replicas on 50 nodes → all Ready', `${ms(wall)}${ok ? '' : ' (NOT READY)'}`);
  report('  virtual time taken', `${((cluster.clock.now() - Date.parse(cluster.api.get('StatefulSet', 'default', 'big').metadata.creationTimestamp!)) / 1000).toFixed(0)} s`);
  report('  heap growth', `${(heapMB() - heap0).toFixed(0)} MB`);
  report('  controller failures', String(cluster.failures.length));
}

{
  const cluster = createCluster({ seed: 42, nodes });
  cluster.api.create({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '10%' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10' }] } },
    },
  });
  const done = () => {
    const d = cluster.api.get('DaemonSet', 'kube-system', 'agent');
    const s = d.status ?? {};
    return s.observedGeneration === d.metadata.generation && s.updatedNumberScheduled === 50 && s.numberAvailable === 50;
  };
  cluster.advanceUntil(done, 600_000);
  const start = performance.now();
  const t0 = cluster.clock.now();
  cluster.api.mutate('DaemonSet', 'kube-system', 'agent', (d) => void (d.spec.template.spec.containers[0].image = 'registry.k8s.io/pause:3.9'));
  const ok = cluster.advanceUntil(done, 3_600_000);
  report('DaemonSet rolling update on 50 nodes (maxUnavailable 10%)', `${ms(performance.now() - start)}${ok ? '' : ' (NOT DONE)'}`);
  report('  virtual time taken', `${((cluster.clock.now() - t0) / 1000).toFixed(0)} s`);
}

{
  const cluster = createCluster({ seed: 42, nodes });
  cluster.api.create(statefulSet(1));
  cluster.advanceUntilQuiet(600_000);
  const start = performance.now();
  cluster.api.mutate('StatefulSet', 'default', 'big', (s) => void (s.spec.replicas = 100000));
  cluster.settle();
  report('scale to 100000: first settle', `${ms(performance.now() - start)}, ${cluster.api.count('Pod')} pods`);
}
