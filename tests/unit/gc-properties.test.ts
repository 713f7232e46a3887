import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../../src/sim/cluster.ts';
import type { PropagationPolicy } from '../../src/sim/apiserver/store.ts';

/**
 * A random forest of ConfigMaps (each may name up to two earlier maps as owners), then a random
 * sequence of deletions with random propagation policies. After the collector settles:
 * - no surviving object references an owner that no longer exists (every dangling reference is
 *   dropped or its holder deleted);
 * - an object deleted with Orphan propagation left its dependents in place;
 * - nothing is stuck with a deletionTimestamp (ConfigMaps have no other finalizers).
 */
describe('garbage collector properties', () => {
  it('leaves no dangling owner references and no stuck deletions', () => {
    const forest = fc
      .array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 12 })
      .chain((nodes) =>
        fc.tuple(
          fc.constant(nodes),
          fc.array(fc.tuple(fc.nat({ max: nodes.length - 1 }), fc.constantFrom<PropagationPolicy>('Background', 'Foreground', 'Orphan')), {
            minLength: 1,
            maxLength: 5,
          }),
        ),
      );
    fc.assert(
      fc.property(forest, ([nodes, deletions]) => {
        const c = createCluster({ seed: 101 });
        const uids: string[] = [];
        nodes.forEach(([a, b, hasA, hasB], i) => {
          const owners = new Set<number>();
          if (i > 0 && hasA) owners.add(a % i);
          if (i > 0 && hasB) owners.add(b % i);
          const created = c.api.create({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: {
              name: `cm-${i}`,
              namespace: 'default',
              ownerReferences: [...owners].map((o) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: `cm-${o}`, uid: uids[o]!, blockOwnerDeletion: true })),
            },
          });
          uids.push(created.metadata.uid!);
        });
        c.settle();
        const orphaned = new Map<number, string[]>();
        for (const [i, policy] of deletions) {
          const obj = c.api.tryGet('ConfigMap', 'default', `cm-${i}`);
          if (!obj || obj.metadata.deletionTimestamp) continue;
          if (policy === 'Orphan') {
            const deps = c.api
              .list('ConfigMap', { namespace: 'default' })
              .filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === obj.metadata.uid))
              .map((o) => o.metadata.name!);
            orphaned.set(i, deps);
          }
          c.api.delete('ConfigMap', 'default', `cm-${i}`, { propagationPolicy: policy });
          c.settle();
        }
        const left = c.api.list('ConfigMap', { namespace: 'default' }).filter((o) => o.metadata.name!.startsWith('cm-'));
        const present = new Set(left.map((o) => o.metadata.uid));
        for (const o of left) {
          expect(o.metadata.deletionTimestamp).toBeUndefined();
          for (const r of o.metadata.ownerReferences ?? []) expect(present.has(r.uid)).toBe(true);
        }
        for (const [i, deps] of orphaned) {
          for (const d of deps) {
            const dep = c.api.tryGet('ConfigMap', 'default', d);
            // An orphaned dependent survives unless a later deletion (or another owner's) took it.
            if (dep) expect(dep.metadata.ownerReferences?.some((r) => r.uid === uids[i]) ?? false).toBe(false);
          }
        }
        expect(c.failures).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
