import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import { drive, isRunningReady, setPhase } from './invariants/drive.ts';
import { assertMonotonic, assertRolling, assertUniqueOrdinals, setPods } from './invariants/statefulset.ts';

function quiz(extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'quiz', namespace: 'default' },
    spec: {
      serviceName: 'quiz',
      replicas: 3,
      selector: { matchLabels: { app: 'quiz' } },
      template: {
        metadata: { labels: { app: 'quiz' } },
        spec: { containers: [{ name: 'quiz', image: 'quiz:0.1' }] },
      },
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
      ],
      ...extra,
    },
  };
}

function setup(extra: Record<string, unknown> = {}) {
  const cluster = createCluster({ seed: 7 });
  cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'quiz', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'quiz' }, ports: [{ port: 80 }] } });
  cluster.api.create(quiz(extra));
  return cluster;
}

function checker(cluster: Cluster, violations: string[], oldRevision?: () => string | undefined, rolling = false) {
  return () => {
    // Upstream checks ordering during scaling; a rolling update replaces pods out of order on purpose.
    if (!rolling) assertMonotonic(cluster, 'default', 'quiz', violations);
    assertUniqueOrdinals(cluster, 'default', 'quiz', violations);
    assertRolling(cluster, 'default', 'quiz', oldRevision?.(), violations);
  };
}

/** The set is settled: every replica Running+Ready at the update revision. */
function rolledOut(c: Cluster, replicas = 3) {
  return () => {
    const set = c.api.tryGet('StatefulSet', 'default', 'quiz');
    const pods = setPods(c, 'default', 'quiz');
    return (
      !!set &&
      set.status?.observedGeneration === set.metadata.generation &&
      pods.length === replicas &&
      pods.every((p) => isRunningReady(p) && p.metadata.labels!['controller-revision-hash'] === set.status?.updateRevision) &&
      set.status?.readyReplicas === replicas &&
      set.status?.currentRevision === set.status?.updateRevision
    );
  };
}

const names = (c: Cluster) => setPods(c, 'default', 'quiz').map((p) => p.metadata.name);
const revisionOf = (c: Cluster, n: string) => c.api.get('Pod', 'default', n).metadata.labels!['controller-revision-hash'];

describe('StatefulSet controller', () => {
  it('creates ordinal pods with identity, claims and events, one at a time (OrderedReady)', () => {
    const cluster = setup();
    cluster.settle();
    expect(names(cluster)).toEqual(['quiz-0']);
    expect(cluster.explanations.list({ name: 'quiz' }).map((e) => e.message)).toContain(
      'waiting for quiz-0 to be Running and Ready before creating quiz-1 (OrderedReady)',
    );
    const violations: string[] = [];
    drive(cluster, { until: rolledOut(cluster), check: checker(cluster, violations) });
    expect(violations).toEqual([]);
    expect(names(cluster)).toEqual(['quiz-0', 'quiz-1', 'quiz-2']);
    const pod = cluster.api.get('Pod', 'default', 'quiz-1');
    const set = cluster.api.get('StatefulSet', 'default', 'quiz');
    expect(pod.metadata.labels).toMatchObject({
      app: 'quiz',
      'statefulset.kubernetes.io/pod-name': 'quiz-1',
      'apps.kubernetes.io/pod-index': '1',
      'controller-revision-hash': set.status.updateRevision,
    });
    expect(pod.spec.hostname).toBe('quiz-1');
    expect(pod.spec.subdomain).toBe('quiz');
    expect(pod.spec.volumes[0]).toEqual({ name: 'data', persistentVolumeClaim: { claimName: 'data-quiz-1' } });
    expect(pod.spec.nodeName).toMatch(/^node0[1-3]$/);
    expect(pod.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'quiz', uid: set.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    const pvc = cluster.api.get('PersistentVolumeClaim', 'default', 'data-quiz-1');
    expect(pvc.metadata.labels).toEqual({ app: 'quiz' });
    expect(set.status).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 1, collisionCount: 0 });
    expect(set.status.currentRevision).toBe(set.status.updateRevision);
    expect(set.status.updateRevision).toMatch(/^quiz-[bcdfghjklmnpqrstvwxz2456789]+$/);
    const msgs = cluster.api.list('Event').filter((e) => e.involvedObject.name === 'quiz').map((e) => `${e.reason} ${e.message}`);
    expect(msgs.slice(0, 2)).toEqual([
      'SuccessfulCreate create Claim data-quiz-0 Pod quiz-0 in StatefulSet quiz success',
      'SuccessfulCreate create Pod quiz-0 in StatefulSet quiz successful',
    ]);
    const revs = cluster.api.list('ControllerRevision', { namespace: 'default' });
    expect(revs.map((r) => [r.metadata.name, r.revision])).toEqual([[set.status.updateRevision, 1]]);
    expect(revs[0]!.metadata.labels).toEqual({ app: 'quiz', 'controller.kubernetes.io/hash': set.status.updateRevision.slice('quiz-'.length) });
    expect(cluster.failures).toEqual([]);
  });

  it('Parallel creates every pod at once', () => {
    const cluster = setup({ podManagementPolicy: 'Parallel' });
    cluster.settle();
    expect(names(cluster)).toEqual(['quiz-0', 'quiz-1', 'quiz-2']);
    drive(cluster, { until: rolledOut(cluster) });
  });

  it('rolls out with partition 2 then 0, from the highest ordinal down, one at a time', () => {
    const cluster = setup();
    drive(cluster, { until: rolledOut(cluster) });
    const rev1 = cluster.api.get('StatefulSet', 'default', 'quiz').status.currentRevision;
    let old: string | undefined = rev1;
    const violations: string[] = [];
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => {
      s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } };
      s.spec.template.spec.containers[0].image = 'quiz:0.2';
    });
    const partitioned = () => {
      const st = cluster.api.get('StatefulSet', 'default', 'quiz');
      return st.status.updatedReplicas === 1 && isRunningReady(cluster.api.tryGet('Pod', 'default', 'quiz-2')) && st.status.readyReplicas === 3;
    };
    drive(cluster, { until: partitioned, check: checker(cluster, violations, () => old, true) });
    let set = cluster.api.get('StatefulSet', 'default', 'quiz');
    const rev2 = set.status.updateRevision;
    expect(rev2).not.toBe(rev1);
    expect(revisionOf(cluster, 'quiz-2')).toBe(rev2);
    expect(revisionOf(cluster, 'quiz-1')).toBe(rev1);
    expect(revisionOf(cluster, 'quiz-0')).toBe(rev1);
    expect(cluster.api.get('Pod', 'default', 'quiz-2').spec.containers[0].image).toBe('quiz:0.2');
    expect(set.status).toMatchObject({ currentRevision: rev1, updateRevision: rev2, currentReplicas: 2, updatedReplicas: 1 });
    expect(cluster.explanations.list({ name: 'quiz' }).map((e) => e.message)).toContain('quiz-0, quiz-1 not updated: ordinal < partition 2');

    old = undefined;
    const order: string[] = [];
    const unwatch = cluster.api.watch((ev) => {
      if (ev.type === 'DELETED' && ev.object.kind === 'Pod') order.push(ev.object.metadata.name!);
    });
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => {
      s.spec.updateStrategy.rollingUpdate.partition = 0;
    });
    drive(cluster, { until: rolledOut(cluster), check: checker(cluster, violations, undefined, true) });
    unwatch();
    expect(order).toEqual(['quiz-1', 'quiz-0']);
    set = cluster.api.get('StatefulSet', 'default', 'quiz');
    expect(set.status).toMatchObject({ currentRevision: rev2, updateRevision: rev2, currentReplicas: 3, updatedReplicas: 3, readyReplicas: 3 });
    expect(violations).toEqual([]);
    expect(cluster.failures).toEqual([]);
  });

  it('OnDelete keeps old pods until they are deleted', () => {
    const cluster = setup({ updateStrategy: { type: 'OnDelete' } });
    drive(cluster, { until: rolledOut(cluster) });
    const rev1 = revisionOf(cluster, 'quiz-0');
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => {
      s.spec.template.spec.containers[0].image = 'quiz:0.2';
    });
    cluster.advance(60_000);
    expect(names(cluster).map((n) => revisionOf(cluster, n!))).toEqual([rev1, rev1, rev1]);
    const oldUid = cluster.api.get('Pod', 'default', 'quiz-1').metadata.uid;
    cluster.api.delete('Pod', 'default', 'quiz-1');
    drive(cluster, { until: () => cluster.api.tryGet('Pod', 'default', 'quiz-1')?.metadata.uid !== oldUid && isRunningReady(cluster.api.tryGet('Pod', 'default', 'quiz-1')) });
    const rev2 = cluster.api.get('StatefulSet', 'default', 'quiz').status.updateRevision;
    expect(revisionOf(cluster, 'quiz-1')).toBe(rev2);
    expect(revisionOf(cluster, 'quiz-0')).toBe(rev1);
  });

  it('scales down from the highest ordinal and back up reusing the claims', () => {
    const cluster = setup();
    drive(cluster, { until: rolledOut(cluster) });
    const uid = cluster.api.get('PersistentVolumeClaim', 'default', 'data-quiz-2').metadata.uid;
    const violations: string[] = [];
    const order: string[] = [];
    const unwatch = cluster.api.watch((ev) => {
      if (ev.type === 'DELETED' && ev.object.kind === 'Pod') order.push(ev.object.metadata.name!);
    });
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.replicas = 1));
    drive(cluster, { until: rolledOut(cluster, 1), check: checker(cluster, violations) });
    unwatch();
    expect(order).toEqual(['quiz-2', 'quiz-1']);
    expect(names(cluster)).toEqual(['quiz-0']);
    expect(cluster.api.list('PersistentVolumeClaim').map((p) => p.metadata.name)).toEqual(['data-quiz-0', 'data-quiz-1', 'data-quiz-2']);
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.replicas = 3));
    drive(cluster, { until: rolledOut(cluster), check: checker(cluster, violations) });
    expect(cluster.api.get('Pod', 'default', 'quiz-2').spec.volumes[0].persistentVolumeClaim.claimName).toBe('data-quiz-2');
    expect(names(cluster)).toEqual(['quiz-0', 'quiz-1', 'quiz-2']);
    expect(cluster.api.get('PersistentVolumeClaim', 'default', 'data-quiz-2').metadata.uid).toBe(uid);
    expect(violations).toEqual([]);
  });

  it('scale down is blocked while a pod is unhealthy', () => {
    const cluster = setup();
    drive(cluster, { until: rolledOut(cluster) });
    const node = cluster.api.get('Pod', 'default', 'quiz-0').spec.nodeName;
    cluster.faults.nodeDown(node);
    drive(cluster, { until: () => !isRunningReady(cluster.api.get('Pod', 'default', 'quiz-0')), timeoutMs: 120_000 });
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.replicas = 1));
    cluster.advance(20_000);
    expect(names(cluster)).toEqual(['quiz-0', 'quiz-1', 'quiz-2']);
    expect(cluster.explanations.list({ name: 'quiz' }).map((e) => e.message)).toContain('waiting for quiz-0 to be Running and Ready (OrderedReady)');
    cluster.advance(120_000);
    expect(names(cluster)).toEqual(['quiz-0', 'quiz-1', 'quiz-2']);
  });

  it('deletes a failed pod and recreates it with the same name', () => {
    const cluster = setup();
    drive(cluster, { until: rolledOut(cluster) });
    const uid = cluster.api.get('Pod', 'default', 'quiz-1').metadata.uid;
    setPhase(cluster, cluster.api.get('Pod', 'default', 'quiz-1'), 'Failed');
    drive(cluster, { until: () => isRunningReady(cluster.api.tryGet('Pod', 'default', 'quiz-1')) });
    const pod = cluster.api.get('Pod', 'default', 'quiz-1');
    expect(pod.metadata.uid).not.toBe(uid);
    expect(pod.status.phase).toBe('Running');
  });

  it('rollback to an old template renumbers its revision', () => {
    const cluster = setup();
    drive(cluster, { until: rolledOut(cluster) });
    const rev1 = cluster.api.get('StatefulSet', 'default', 'quiz').status.updateRevision;
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.template.spec.containers[0].image = 'quiz:0.2'));
    drive(cluster, { until: rolledOut(cluster) });
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.template.spec.containers[0].image = 'quiz:0.1'));
    drive(cluster, { until: rolledOut(cluster) });
    const set = cluster.api.get('StatefulSet', 'default', 'quiz');
    expect(set.status.updateRevision).toBe(rev1);
    const revs = cluster.api.list('ControllerRevision', { namespace: 'default' }).map((r) => [r.metadata.name === rev1, r.revision]);
    expect(revs).toContainEqual([true, 3]);
  });

  it('rejects changes to immutable fields with the v1.34 message', () => {
    const cluster = setup();
    expect(() =>
      cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.podManagementPolicy = 'Parallel')),
    ).toThrow(
      "StatefulSet.apps \"quiz\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    expect(() =>
      cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.updateStrategy.type = 'OnDelete')),
    ).toThrow("spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'");
  });

  it('never creates a second pod for an ordinal while the old one is stuck Terminating on a lost node', () => {
    const cluster = setup();
    drive(cluster, { until: rolledOut(cluster) });
    const pod = cluster.api.get('Pod', 'default', 'quiz-1');
    cluster.faults.nodeLost(pod.spec.nodeName);
    const violations: string[] = [];
    drive(cluster, {
      until: () => Boolean(cluster.api.tryGet('Pod', 'default', 'quiz-1')?.metadata.deletionTimestamp),
      timeoutMs: 900_000,
      check: () => assertUniqueOrdinals(cluster, 'default', 'quiz', violations),
    });
    cluster.advance(600_000);
    const stuck = cluster.api.get('Pod', 'default', 'quiz-1');
    expect(stuck.metadata.uid).toBe(pod.metadata.uid);
    expect(stuck.metadata.deletionTimestamp).toBeTruthy();
    expect(violations).toEqual([]);
    // A force delete frees the name; the controller then recreates quiz-1.
    cluster.api.delete('Pod', 'default', 'quiz-1', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(cluster.api.get('Pod', 'default', 'quiz-1').metadata.uid).not.toBe(pod.metadata.uid);
  });

  it('whenScaled: Delete removes the claims of scaled-down ordinals; Retain keeps them', () => {
    const cluster = setup({ persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Delete' } });
    drive(cluster, { until: rolledOut(cluster) });
    const set = cluster.api.get('StatefulSet', 'default', 'quiz');
    expect(cluster.api.get('PersistentVolumeClaim', 'default', 'data-quiz-0').metadata.ownerReferences).toBeUndefined();
    cluster.api.mutate('StatefulSet', 'default', 'quiz', (s) => void (s.spec.replicas = 1));
    drive(cluster, { until: () => rolledOut(cluster, 1)() && !cluster.api.tryGet('PersistentVolumeClaim', 'default', 'data-quiz-2'), timeoutMs: 300_000 });
    expect(cluster.api.list('PersistentVolumeClaim', { namespace: 'default' }).map((p) => p.metadata.name)).toEqual(['data-quiz-0']);
    expect(set.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: 'Retain', whenScaled: 'Delete' });
  });

  it('minReadySeconds holds the next ordinal until the previous pod has been ready long enough', () => {
    const cluster = setup({ minReadySeconds: 20 });
    drive(cluster, { until: () => isRunningReady(cluster.api.tryGet('Pod', 'default', 'quiz-0')) });
    const readyAt = cluster.clock.now();
    drive(cluster, { until: () => Boolean(cluster.api.tryGet('Pod', 'default', 'quiz-1')) });
    expect(cluster.clock.now() - readyAt).toBeGreaterThanOrEqual(19_000);
    expect(cluster.explanations.list({ name: 'quiz' }).map((e) => e.message)).toContain('waiting for quiz-0 to be available for minReadySeconds 20 (OrderedReady)');
    drive(cluster, { until: rolledOut(cluster) });
    expect(cluster.api.get('StatefulSet', 'default', 'quiz').status.availableReplicas).toBe(2);
    cluster.advance(21_000);
    expect(cluster.api.get('StatefulSet', 'default', 'quiz').status.availableReplicas).toBe(3);
  });

  it('starts ordinals at spec.ordinals.start', () => {
    const cluster = setup({ ordinals: { start: 5 }, replicas: 2 });
    drive(cluster, { until: () => setPods(cluster, 'default', 'quiz').filter((p) => isRunningReady(p)).length === 2 });
    expect(names(cluster)).toEqual(['quiz-5', 'quiz-6']);
    expect(cluster.api.get('Pod', 'default', 'quiz-6').metadata.labels!['apps.kubernetes.io/pod-index']).toBe('6');
    expect(cluster.api.tryGet('PersistentVolumeClaim', 'default', 'data-quiz-5')).toBeDefined();
  });

  it('adopts orphaned pods when the set is recreated after --cascade=orphan, without restarting them', () => {
    const cluster = setup();
    drive(cluster, { until: rolledOut(cluster) });
    const uids = setPods(cluster, 'default', 'quiz').map((p) => p.metadata.uid);
    cluster.api.delete('StatefulSet', 'default', 'quiz', { propagationPolicy: 'Orphan' });
    drive(cluster, { until: () => !cluster.api.tryGet('StatefulSet', 'default', 'quiz') });
    const orphans = cluster.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'quiz');
    expect(orphans.every((p) => !p.metadata.ownerReferences?.length)).toBe(true);
    cluster.api.create(quiz());
    drive(cluster, { until: rolledOut(cluster) });
    expect(cluster.api.list('ControllerRevision', { namespace: 'default' }).map((r) => [r.metadata.name, r.revision])).toEqual([[orphans[0]!.metadata.labels!['controller-revision-hash'], 1]]);
    expect(setPods(cluster, 'default', 'quiz').map((p) => p.metadata.uid)).toEqual(uids);
  });
});
