/**
 * Property test: random pods, deletions, crashes, node outages and time steps; after every step
 * the kubelet's invariants hold.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';

const TEMPLATES: Record<string, Record<string, unknown>> = {
  web: { containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }] },
  ok: { restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'sleep 5; echo done'] }] },
  fail: { restartPolicy: 'OnFailure', containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'sleep 2; exit 1'] }] },
  crash: { containers: [{ name: 'app', image: 'alpine', command: ['sh', '-c', 'exit 3'] }] },
  typo: { containers: [{ name: 'app', image: 'ngnix' }] },
  init: {
    initContainers: [{ name: 'wait', image: 'busybox', command: ['sleep', '4'] }],
    containers: [
      { name: 'a', image: 'redis:7' },
      { name: 'b', image: 'busybox', command: ['sleep', '3600'] },
    ],
  },
};

type Op =
  | { kind: 'create'; template: string }
  | { kind: 'delete'; index: number }
  | { kind: 'crash'; index: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'down'; node: number }
  | { kind: 'up'; node: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), template: fc.constantFrom(...Object.keys(TEMPLATES)) }),
  fc.record({ kind: fc.constant('delete' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('crash' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 45_000 }) }),
  fc.record({ kind: fc.constant('down' as const), node: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('up' as const), node: fc.integer({ min: 1, max: 3 }) }),
);

interface Seen {
  restarts: Map<string, number>;
  terminal: Set<string>;
}

function pods(c: Cluster) {
  return c.api.list('Pod', { namespace: 'default' });
}

function checkInvariants(c: Cluster, seen: Seen, downBefore: Map<string, string>): void {
  expect(c.failures).toEqual([]);
  const down = new Set(c.faults.downNodes());
  for (const p of pods(c)) {
    const uid = p.metadata.uid!;
    const statuses = [...(p.status?.containerStatuses ?? [])];
    // READY never exceeds the container count.
    expect(statuses.filter((s) => s.ready).length).toBeLessThanOrEqual(p.spec.containers.length);
    // restartCount never decreases.
    for (const s of [...statuses, ...(p.status?.initContainerStatuses ?? [])]) {
      const k = `${uid}/${s.name}`;
      expect(s.restartCount).toBeGreaterThanOrEqual(seen.restarts.get(k) ?? 0);
      seen.restarts.set(k, s.restartCount);
    }
    // A finished pod never runs again.
    const phase = p.status?.phase;
    if (seen.terminal.has(uid)) expect(phase === 'Succeeded' || phase === 'Failed').toBe(true);
    if (phase === 'Succeeded' || phase === 'Failed') seen.terminal.add(uid);
    // While its node's kubelet is down, a pod's containers do not change.
    const node = p.spec.nodeName;
    if (node && down.has(node) && downBefore.has(uid)) {
      expect(JSON.stringify(p.status?.containerStatuses ?? [])).toBe(downBefore.get(uid));
    }
  }
}

function snapshotDown(c: Cluster): Map<string, string> {
  const down = new Set(c.faults.downNodes());
  const out = new Map<string, string>();
  for (const p of pods(c)) if (p.spec.nodeName && down.has(p.spec.nodeName)) out.set(p.metadata.uid!, JSON.stringify(p.status?.containerStatuses ?? []));
  return out;
}

function apply(c: Cluster, o: Op, n: { count: number }): void {
  const list = pods(c);
  switch (o.kind) {
    case 'create':
      c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${n.count++}-${o.template}`, namespace: 'default' }, spec: TEMPLATES[o.template] });
      break;
    case 'delete': {
      const p = list[o.index % Math.max(1, list.length)];
      if (p && !p.metadata.deletionTimestamp) c.api.delete('Pod', 'default', p.metadata.name!);
      break;
    }
    case 'crash': {
      const p = list[o.index % Math.max(1, list.length)];
      const running = p?.status?.containerStatuses?.find((s: { state?: { running?: unknown } }) => s.state?.running);
      const down = new Set(c.faults.downNodes());
      if (p && running && !down.has(p.spec.nodeName)) {
        try {
          c.faults.crashContainer('default', p.metadata.name!, running.name, 2);
        } catch {
          // The process had already ended (its exit is due but not yet applied).
        }
      }
      break;
    }
    case 'advance':
      c.advance(o.ms);
      break;
    case 'down':
      c.faults.nodeDown(`node0${o.node}`);
      break;
    case 'up':
      if (c.faults.downNodes().includes(`node0${o.node}`)) c.faults.nodeUp(`node0${o.node}`);
      break;
  }
  c.settle();
}

describe('kubelet invariants', () => {
  it('hold after every step of random workloads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(op, { minLength: 5, maxLength: 14 }), (seed, ops) => {
        const c = createCluster({ seed });
        const seen: Seen = { restarts: new Map(), terminal: new Set() };
        const n = { count: 0 };
        for (const o of ops) {
          const before = snapshotDown(c);
          apply(c, o, n);
          checkInvariants(c, seen, o.kind === 'up' ? new Map() : before);
        }
        c.advance(120_000);
        checkInvariants(c, seen, new Map());
      }),
      { numRuns: 12, seed: 4242 },
    );
  });
});
