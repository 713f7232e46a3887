import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';
import { drive, isRunningReady } from './invariants/drive.ts';

function web(extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
      ...extra,
    },
  };
}

const sets = (c: Cluster) => c.api.list('ReplicaSet', { namespace: 'default' }).filter((r) => r.metadata.ownerReferences?.[0]?.name === 'web');
const pods = (c: Cluster) => c.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'web');
const conds = (c: Cluster) => (c.api.get('Deployment', 'default', 'web').status.conditions ?? []).map((x: { type: string; status: string; reason: string }) => `${x.type}=${x.status}/${x.reason}`);
const events = (c: Cluster) => c.api.list('Event').filter((e) => e.involvedObject.kind === 'Deployment' && e.involvedObject.name === 'web').map((e) => e.message);

function complete(c: Cluster) {
  return () => {
    const d = c.api.get('Deployment', 'default', 'web');
    const n = d.spec.replicas;
    return (
      d.status?.observedGeneration === d.metadata.generation &&
      d.status?.updatedReplicas === n &&
      d.status?.replicas === n &&
      d.status?.availableReplicas === n &&
      (d.status?.conditions ?? []).some((x: { reason: string }) => x.reason === 'NewReplicaSetAvailable') &&
      pods(c).filter((p) => !p.metadata.deletionTimestamp).length === n
    );
  };
}

describe('Deployment and ReplicaSet controllers', () => {
  it('creates a ReplicaSet <deploy>-<hash> with pods <rs>-<5>, revision 1, and the upstream events and conditions', () => {
    const c = createCluster({ seed: 11 });
    c.api.create(web());
    drive(c, { until: complete(c) });
    const [rs] = sets(c) as Stored[];
    const hash = rs!.metadata.labels!['pod-template-hash'];
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs!.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(pods(c).every((p) => p.metadata.name!.startsWith(`web-${hash}-`) && p.metadata.name!.length === `web-${hash}-`.length + 5)).toBe(true);
    const d = c.api.get('Deployment', 'default', 'web');
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('1');
    expect(conds(c)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
    expect(d.status.conditions[1].message).toBe(`ReplicaSet "web-${hash}" has successfully progressed.`);
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(events(c)).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    expect(c.failures).toEqual([]);
  });

  it('rolls out within maxSurge/maxUnavailable, carries change-cause, and rolls back to the old set as revision 3', () => {
    const c = createCluster({ seed: 11 });
    c.api.create(web({ replicas: 4 }));
    drive(c, { until: complete(c) });
    const first = sets(c)[0]!.metadata.name;
    const violations: string[] = [];
    const check = () => {
      const live = pods(c).filter((p) => !p.metadata.deletionTimestamp);
      if (live.length > 5) violations.push(`${live.length} pods (max 4 + 1 surge)`);
      const ready = pods(c).filter((p) => isRunningReady(p)).length;
      if (ready < 3) violations.push(`${ready} ready (min 4 - 1)`);
    };
    c.api.mutate('Deployment', 'default', 'web', (d) => {
      d.metadata.annotations = { ...(d.metadata.annotations ?? {}), 'kubernetes.io/change-cause': 'image 1.28' };
      d.spec.template.spec.containers[0].image = 'nginx:1.28';
    });
    drive(c, { until: complete(c), check });
    expect(violations).toEqual([]);
    const rs2 = sets(c).find((r) => r.metadata.name !== first)!;
    expect(rs2.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'image 1.28' });
    expect(sets(c).find((r) => r.metadata.name === first)!.spec.replicas).toBe(0);
    expect(events(c).filter((m) => m.startsWith('Scaled down')).length).toBeGreaterThan(0);
    c.api.mutate('Deployment', 'default', 'web', (d) => {
      d.spec.template.spec.containers[0].image = 'nginx:1.27';
    });
    drive(c, { until: complete(c), check });
    const back = sets(c).find((r) => r.metadata.name === first)!;
    expect(back.spec.replicas).toBe(4);
    expect(back.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    expect(c.api.get('Deployment', 'default', 'web').metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect(violations).toEqual([]);
  });

  it('Recreate scales the old set to zero and waits for its pods before scaling up', () => {
    const c = createCluster({ seed: 11 });
    c.api.create(web({ strategy: { type: 'Recreate' } }));
    drive(c, { until: complete(c) });
    const violations: string[] = [];
    c.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.template.spec.containers[0].image = 'nginx:1.28'));
    drive(c, {
      until: complete(c),
      check: () => {
        const images = new Set(pods(c).map((p) => p.spec.containers[0].image));
        if (images.size > 1) violations.push(`old and new pods at once: ${[...images].join(', ')}`);
      },
    });
    expect(violations).toEqual([]);
  });

  it('pause holds a template change; resume rolls it out', () => {
    const c = createCluster({ seed: 11 });
    c.api.create(web());
    drive(c, { until: complete(c) });
    c.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.paused = true));
    c.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.template.spec.containers[0].image = 'nginx:1.28'));
    c.advance(30_000);
    expect(sets(c).length).toBe(1);
    expect(conds(c)).toContain('Progressing=Unknown/DeploymentPaused');
    c.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.paused = false));
    drive(c, { until: complete(c) });
    expect(sets(c).length).toBe(2);
  });

  it('scaling mid-rollout and plain scaling keep the sets in proportion', () => {
    const c = createCluster({ seed: 11 });
    c.api.create(web());
    drive(c, { until: complete(c) });
    c.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.replicas = 6));
    drive(c, { until: complete(c) });
    expect(sets(c)[0]!.spec.replicas).toBe(6);
    expect(events(c)).toContain(`Scaled up replica set ${sets(c)[0]!.metadata.name} from 3 to 6`);
    c.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.replicas = 2));
    drive(c, { until: complete(c) });
    expect(pods(c).filter((p) => !p.metadata.deletionTimestamp).length).toBe(2);
  });

  it('reports ProgressDeadlineExceeded when the new pods never become available', () => {
    const c = createCluster({ seed: 11 });
    c.api.create(web({ progressDeadlineSeconds: 60 }));
    drive(c, { until: complete(c) });
    c.api.mutate('Deployment', 'default', 'web', (d) => void (d.spec.template.spec.containers[0].image = 'nginx:does-not-exist'));
    drive(c, { until: () => conds(c).includes('Progressing=False/ProgressDeadlineExceeded'), timeoutMs: 300_000 });
    const d = c.api.get('Deployment', 'default', 'web');
    expect(d.status.conditions.find((x: { type: string }) => x.type === 'Progressing').message).toMatch(/^ReplicaSet "web-[a-z0-9]+" has timed out progressing\.$/);
  });

  it('rejects a selector change with field is immutable', () => {
    const c = createCluster({ seed: 11 });
    c.api.create(web());
    expect(() =>
      c.api.mutate('Deployment', 'default', 'web', (d) => {
        d.spec.selector = { matchLabels: { app: 'web2' } };
        d.spec.template.metadata.labels = { app: 'web2' };
      }),
    ).toThrow('Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable');
  });

  it('ReplicaSet deletes the most expendable pods first when scaled down', () => {
    const c = createCluster({ seed: 11 });
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'rs' } }, template: { metadata: { labels: { app: 'rs' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } },
    });
    c.advance(30_000);
    c.api.mutate('ReplicaSet', 'default', 'rs', (r) => void (r.spec.replicas = 4));
    c.settle();
    const pending = c.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'rs' && !isRunningReady(p));
    expect(pending.length).toBe(1);
    c.api.mutate('ReplicaSet', 'default', 'rs', (r) => void (r.spec.replicas = 3));
    c.settle();
    expect(c.api.tryGet('Pod', 'default', pending[0]!.metadata.name!)?.metadata.deletionTimestamp ?? 'gone').toBeTruthy();
    const rs = c.api.get('ReplicaSet', 'default', 'rs');
    expect(c.api.list('Event').filter((e) => e.involvedObject.name === 'rs').map((e) => e.reason)).toContain('SuccessfulDelete');
    expect(rs.spec.replicas).toBe(3);
  });
});
