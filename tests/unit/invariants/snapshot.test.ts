import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/sim/cluster.ts';

function workloads(c: Cluster) {
  const tmpl = (app: string, extra: Record<string, unknown> = {}) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: app, image: 'nginx:1.27' }], ...extra } });
  c.api.create({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', namespace: 'default' }, spec: { serviceName: 'web', replicas: 3, selector: { matchLabels: { app: 'web' } }, template: tmpl('web') } });
  c.api.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'default' }, spec: { replicas: 4, selector: { matchLabels: { app: 'api' } }, template: tmpl('api') } });
  c.api.create({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: tmpl('agent') } });
  c.api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'flaky', namespace: 'default' }, spec: { backoffLimit: 3, template: { spec: { containers: [{ name: 'f', image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 1'] }], restartPolicy: 'Never' } } } });
  c.api.create({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick', namespace: 'default' }, spec: { schedule: '*/2 * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 't', image: 'busybox', command: ['date'] }], restartPolicy: 'OnFailure' } } } } } });
}

/** Everything the workload controllers decide, without resource versions. */
function state(c: Cluster) {
  const pick = (kind: string) =>
    c.api.list(kind, { namespace: 'default' }).map((o) => ({ name: o.metadata.name, labels: o.metadata.labels, annotations: o.metadata.annotations, owner: o.metadata.ownerReferences?.[0]?.name, deleting: Boolean(o.metadata.deletionTimestamp), spec: o.spec, status: o.status }));
  return {
    now: c.clock.now(),
    sets: pick('StatefulSet'),
    deployments: pick('Deployment'),
    replicaSets: pick('ReplicaSet'),
    daemonSets: pick('DaemonSet'),
    jobs: pick('Job'),
    cronJobs: pick('CronJob'),
    revisions: c.api.list('ControllerRevision', { namespace: 'default' }).map((r) => [r.metadata.name, r.revision]),
    pods: c.api.list('Pod', { namespace: 'default' }).map((p) => [p.metadata.name, p.status?.phase, Boolean(p.metadata.deletionTimestamp)]),
    explanations: c.explanations.list().filter((e) => e.object.namespace === 'default').map((e) => `${e.time} ${e.controller} ${e.object.name}: ${e.message}`),
  };
}

describe('workload controllers across snapshot/restore', () => {
  it('a restored cluster continues a rollout exactly as the original', () => {
    const a = createCluster({ seed: 31 });
    workloads(a);
    a.advance(3_000);
    a.api.mutate('StatefulSet', 'default', 'web', (s) => void (s.spec.template.spec.containers[0].image = 'nginx:1.28'));
    a.api.mutate('Deployment', 'default', 'api', (d) => void (d.spec.template.spec.containers[0].image = 'nginx:1.28'));
    a.advance(1_500);
    const b = createCluster({ seed: 31 });
    b.restore(structuredClone(a.snapshot()));
    expect(state(b)).toEqual(state(a));
    for (const step of [700, 5_000, 30_000, 120_000, 300_000]) {
      a.advance(step);
      b.advance(step);
      expect(state(b)).toEqual(state(a));
    }
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
  });
});
