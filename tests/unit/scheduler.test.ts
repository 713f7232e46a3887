import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';
import { fitErrorMessage } from '../../src/sim/scheduler/fit-error.ts';
import { parseQuantity } from '../../src/sim/apiserver/quantity.ts';

type C = ReturnType<typeof createCluster>;

function pod(c: C, name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = {}) {
  c.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  });
  c.settle();
  return c.api.get('Pod', 'default', name);
}

function failedScheduling(c: C, name: string): string[] {
  return c.api
    .list('Event')
    .filter((e) => e.involvedObject.name === name && e.reason === 'FailedScheduling')
    .map((e) => `${e.type} ${e.source.component} ${e.message}`);
}

describe('scheduler', () => {
  it('spreads three replicas over the three workers', () => {
    const c = createCluster({ seed: 1 });
    const nodes = ['a', 'b', 'c'].map((n) => pod(c, `web-${n}`, {}, { app: 'web' }).spec.nodeName);
    expect(new Set(nodes)).toEqual(new Set(['node01', 'node02', 'node03']));
  });

  it('words FailedScheduling as upstream: taint and insufficient cpu', () => {
    const c = createCluster({ seed: 1 });
    const p = pod(c, 'big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] });
    expect(p.spec.nodeName).toBeUndefined();
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(failedScheduling(c, 'big')).toEqual([`Warning default-scheduler ${msg}`]);
    const cond = p.status.conditions.find((x: { type: string }) => x.type === 'PodScheduled');
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
    expect(p.status.phase).toBe('Pending');
  });

  it('nodeSelector, cordon and retry when the cluster changes', () => {
    const c = createCluster({ seed: 1 });
    const p = pod(c, 'picky', { nodeSelector: { disk: 'ssd' } });
    expect(p.spec.nodeName).toBeUndefined();
    expect(failedScheduling(c, 'picky')[0]).toBe(
      "Warning default-scheduler 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
    c.api.mutate('Node', undefined, 'node02', (n) => {
      n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' };
    });
    c.settle();
    expect(c.api.get('Pod', 'default', 'picky').spec.nodeName).toBe('node02');

    c.api.mutate('Node', undefined, 'node01', (n) => {
      n.spec.unschedulable = true;
    });
    c.settle();
    const placed = ['x', 'y', 'z', 'w'].map((n) => pod(c, n).spec.nodeName);
    expect(placed).not.toContain('node01');
  });

  it('required pod anti-affinity on hostname leaves the fourth replica Pending', () => {
    const c = createCluster({ seed: 1 });
    const spec = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }],
        },
      },
    };
    const nodes = [0, 1, 2, 3].map((i) => pod(c, `db-${i}`, spec, { app: 'db' }).spec.nodeName);
    expect(new Set(nodes.slice(0, 3))).toEqual(new Set(['node01', 'node02', 'node03']));
    expect(nodes[3]).toBeUndefined();
    expect(failedScheduling(c, 'db-3')[0]).toContain("3 node(s) didn't match pod anti-affinity rules");
    c.api.delete('Pod', 'default', 'db-0', { gracePeriodSeconds: 0 });
    c.settle();
    expect(c.api.get('Pod', 'default', 'db-3').spec.nodeName).toBe(nodes[0]);
  });

  it('tolerations let pods onto the control plane; hostPort conflicts', () => {
    const c = createCluster({ seed: 1 });
    const tolerate = { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], nodeName: undefined, nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } };
    expect(pod(c, 'cp', tolerate).spec.nodeName).toBe('controlplane');
    const hp = { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    const placed = [0, 1, 2, 3].map((i) => pod(c, `hp-${i}`, hp).spec.nodeName);
    expect(new Set(placed.slice(0, 3)).size).toBe(3);
    expect(placed[3]).toBeUndefined();
    expect(failedScheduling(c, 'hp-3')[0]).toContain("3 node(s) didn't have free ports for the requested pod ports");
  });

  it('binds a pod that names its node without checks beyond the filters', () => {
    const c = createCluster({ seed: 1 });
    expect(pod(c, 'direct', { nodeName: 'node03' }).spec.nodeName).toBe('node03');
  });

  it('formats a missing claim as a PreFilter failure', () => {
    expect(fitErrorMessage({ numNodes: 4, failures: [], preFilterMsg: 'persistentvolumeclaim "data" not found' })).toBe(
      '0/4 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('parses quantities', () => {
    expect(parseQuantity('100m')).toBeCloseTo(0.1);
    expect(parseQuantity('128Mi')).toBe(134217728);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('4015852Ki')).toBe(4015852 * 1024);
    expect(parseQuantity('x')).toBeUndefined();
  });
});
