import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';

function owner(c: Cluster, name: string): Stored {
  return c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { a: '1' } });
}

function ref(o: Stored, block = true) {
  return { apiVersion: 'v1', kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: block };
}

function dependentPod(c: Cluster, name: string, own: Stored, block = true): Stored {
  return c.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ownerReferences: [ref(own, block)] },
    spec: { nodeName: 'node01', containers: [{ name: 'c', image: 'nginx:1.27' }] },
  });
}

function dependentMap(c: Cluster, name: string, ...owners: Stored[]): Stored {
  return c.api.create({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'default', ownerReferences: owners.map((o) => ({ ...ref(o), controller: false })) },
  });
}

const exists = (c: Cluster, kind: string, name: string) => !!c.api.tryGet(kind, 'default', name);

describe('garbage collector', () => {
  it('background: dependents go after the owner is gone', () => {
    const c = createCluster({ seed: 21 });
    const o = owner(c, 'owner');
    dependentMap(c, 'child', o);
    const grand = c.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'grandchild', namespace: 'default', ownerReferences: [ref(c.api.get('ConfigMap', 'default', 'child'))] },
    });
    c.settle();
    c.api.delete('ConfigMap', 'default', 'owner');
    expect(exists(c, 'ConfigMap', 'owner')).toBe(false);
    c.settle();
    expect(exists(c, 'ConfigMap', 'child')).toBe(false);
    expect(exists(c, 'ConfigMap', 'grandchild')).toBe(false);
    expect(grand.metadata.uid).toBeDefined();
    expect(c.failures).toEqual([]);
  });

  it('keeps a dependent that still has another owner, dropping the dead reference', () => {
    const c = createCluster({ seed: 22 });
    const a = owner(c, 'a');
    const b = owner(c, 'b');
    dependentMap(c, 'shared', a, b);
    c.settle();
    c.api.delete('ConfigMap', 'default', 'a');
    c.settle();
    const shared = c.api.get('ConfigMap', 'default', 'shared');
    expect(shared.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
  });

  it('deletes a dependent created with an owner that does not exist', () => {
    const c = createCluster({ seed: 23 });
    c.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'orphan',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: '00000000-0000-4000-8000-000000000000' }],
      },
    });
    c.settle();
    expect(exists(c, 'ConfigMap', 'orphan')).toBe(false);
  });

  it('foreground: the owner waits with its finalizer until blocking dependents are gone', () => {
    const c = createCluster({ seed: 24 });
    const o = owner(c, 'owner');
    dependentPod(c, 'blocker', o, true);
    c.advanceUntil(() => c.api.get('Pod', 'default', 'blocker').status?.phase === 'Running', 60_000);
    c.api.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Foreground' });
    c.settle();
    const waiting = c.api.get('ConfigMap', 'default', 'owner');
    expect(waiting.metadata.deletionTimestamp).toBeDefined();
    expect(waiting.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(c.api.get('Pod', 'default', 'blocker').metadata.deletionTimestamp).toBeDefined();
    // The pod takes its grace period to stop; the owner is held until it is gone.
    expect(c.advanceUntil(() => !exists(c, 'Pod', 'blocker'), 60_000)).toBe(true);
    c.settle();
    expect(exists(c, 'ConfigMap', 'owner')).toBe(false);
    expect(c.explanations.list({ kind: 'ConfigMap', name: 'owner' }).map((e) => e.message)).toContain(
      'waiting for 1 dependent with blockOwnerDeletion to be deleted (pod blocker)',
    );
    expect(c.failures).toEqual([]);
  });

  it('foreground: dependents without blockOwnerDeletion do not hold the owner', () => {
    const c = createCluster({ seed: 25 });
    const o = owner(c, 'owner');
    dependentPod(c, 'free', o, false);
    c.advanceUntil(() => c.api.get('Pod', 'default', 'free').status?.phase === 'Running', 60_000);
    c.api.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Foreground' });
    c.settle();
    expect(exists(c, 'ConfigMap', 'owner')).toBe(false);
    expect(c.api.get('Pod', 'default', 'free').metadata.deletionTimestamp).toBeDefined();
  });

  it('orphan: dependents lose the reference and stay, then the owner goes', () => {
    const c = createCluster({ seed: 26 });
    const o = owner(c, 'owner');
    dependentPod(c, 'kept', o);
    dependentMap(c, 'kept-map', o);
    c.settle();
    c.api.delete('ConfigMap', 'default', 'owner', { propagationPolicy: 'Orphan' });
    c.settle();
    expect(exists(c, 'ConfigMap', 'owner')).toBe(false);
    expect(c.api.get('Pod', 'default', 'kept').metadata.ownerReferences).toBeUndefined();
    expect(c.api.get('ConfigMap', 'default', 'kept-map').metadata.ownerReferences).toBeUndefined();
    expect(c.api.get('Pod', 'default', 'kept').metadata.deletionTimestamp).toBeUndefined();
  });
});
