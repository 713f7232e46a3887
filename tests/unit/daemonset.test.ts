import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import { drive, isRunningReady } from './invariants/drive.ts';
import { assertOnePerNode, daemonPods } from './invariants/daemonset.ts';
import { targetNode } from '../../src/sim/controllers/daemonset/predicates.ts';
import { daemonTolerations } from '../../src/sim/controllers/daemonset/pod-template.ts';

function ds(extra: Record<string, unknown> = {}, tolerations?: unknown[]) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'fluentd', namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { name: 'fluentd' } },
      template: {
        metadata: { labels: { name: 'fluentd' } },
        spec: { containers: [{ name: 'fluentd', image: 'fluentd:v1' }], ...(tolerations ? { tolerations } : {}) },
      },
      ...extra,
    },
  };
}

/** Every eligible node runs one Ready pod of the current template. */
function settled(c: Cluster, n: number) {
  return () => {
    const d = c.api.tryGet('DaemonSet', 'kube-system', 'fluentd');
    const live = daemonPods(c, 'kube-system', 'fluentd').filter((p) => !p.metadata.deletionTimestamp);
    const st = d?.status ?? {};
    return (
      st.observedGeneration === d?.metadata.generation &&
      st.desiredNumberScheduled === n &&
      st.numberReady === n &&
      (st.updatedNumberScheduled ?? 0) === n &&
      live.length === n &&
      live.every((p) => isRunningReady(p)) &&
      daemonPods(c, 'kube-system', 'fluentd').length === n
    );
  };
}

const nodesOf = (c: Cluster) => daemonPods(c, 'kube-system', 'fluentd').filter((p) => !p.metadata.deletionTimestamp).map((p) => targetNode(p as never)).sort();

describe('DaemonSet controller', () => {
  it('runs one pod per eligible node, skipping the tainted control plane', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create(ds());
    drive(cluster, { until: settled(cluster, 3) });
    expect(nodesOf(cluster)).toEqual(['node01', 'node02', 'node03']);
    expect(cluster.explanations.list({ name: 'fluentd' }).map((e) => e.message)).toContain(
      'no daemon pod on controlplane: the node does not fit (nodeSelector, affinity or untolerated taints)',
    );
    const pod = daemonPods(cluster, 'kube-system', 'fluentd')[0]!;
    expect(pod.metadata.name).toMatch(/^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels!['pod-template-generation']).toBe('1');
    expect(pod.metadata.labels!['controller-revision-hash']).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [targetNode(pod as never)] }] },
    ]);
    expect(pod.spec.tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    const set = cluster.api.get('DaemonSet', 'kube-system', 'fluentd');
    expect(set.status).toEqual({
      currentNumberScheduled: 3,
      numberMisscheduled: 0,
      desiredNumberScheduled: 3,
      numberReady: 3,
      observedGeneration: 1,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
    const cr = cluster.api.list('ControllerRevision', { namespace: 'kube-system' }).filter((r) => r.metadata.ownerReferences?.[0]?.name === 'fluentd');
    expect(cr.map((r) => r.metadata.name)).toEqual([`fluentd-${pod.metadata.labels!['controller-revision-hash']}`]);
    expect(cluster.failures).toEqual([]);
  });

  it('includes the control plane once the template tolerates its taint', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create(ds());
    drive(cluster, { until: settled(cluster, 3) });
    cluster.api.mutate('DaemonSet', 'kube-system', 'fluentd', (d) => {
      d.spec.template.spec.tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
    });
    const violations: string[] = [];
    drive(cluster, { until: settled(cluster, 4), check: () => assertOnePerNode(cluster, 'kube-system', 'fluentd', 1, violations) });
    expect(nodesOf(cluster)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    const set = cluster.api.get('DaemonSet', 'kube-system', 'fluentd');
    expect(set.metadata.annotations!['deprecated.daemonset.template.generation']).toBe('2');
    expect(set.status.updatedNumberScheduled).toBe(4);
    expect(violations).toEqual([]);
  });

  it('follows nodes: new, relabelled, removed', () => {
    const cluster = createCluster({ seed: 3 });
    const d = ds();
    (d.spec.template.spec as Record<string, unknown>).nodeSelector = { disk: 'ssd' };
    cluster.api.create(d);
    cluster.advance(10_000);
    expect(nodesOf(cluster)).toEqual([]);
    cluster.api.mutate('Node', undefined, 'node02', (n) => void (n.metadata.labels!.disk = 'ssd'));
    drive(cluster, { until: settled(cluster, 1) });
    expect(nodesOf(cluster)).toEqual(['node02']);
    cluster.api.mutate('Node', undefined, 'node02', (n) => void delete n.metadata.labels!.disk);
    cluster.advance(10_000);
    expect(nodesOf(cluster)).toEqual([]);
    cluster.api.mutate('Node', undefined, 'node03', (n) => void (n.metadata.labels!.disk = 'ssd'));
    drive(cluster, { until: settled(cluster, 1) });
    expect(nodesOf(cluster)).toEqual(['node03']);
    cluster.api.delete('Node', undefined, 'node03');
    cluster.advance(10_000);
    expect(daemonPods(cluster, 'kube-system', 'fluentd')).toEqual([]);
  });

  it('rolls out one node at a time with maxUnavailable 1', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create(ds());
    drive(cluster, { until: settled(cluster, 3) });
    const violations: string[] = [];
    const maxTerminating = { n: 0 };
    cluster.api.mutate('DaemonSet', 'kube-system', 'fluentd', (d) => void (d.spec.template.spec.containers[0].image = 'fluentd:v2'));
    drive(cluster, {
      until: settled(cluster, 3),
      check: () => {
        assertOnePerNode(cluster, 'kube-system', 'fluentd', 1, violations);
        const live = daemonPods(cluster, 'kube-system', 'fluentd').filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running');
        maxTerminating.n = Math.max(maxTerminating.n, 3 - live.length);
      },
    });
    expect(violations).toEqual([]);
    expect(maxTerminating.n).toBe(1);
    const images = daemonPods(cluster, 'kube-system', 'fluentd').map((p) => p.spec.containers[0].image);
    expect(images).toEqual(['fluentd:v2', 'fluentd:v2', 'fluentd:v2']);
  });

  it('surges with maxSurge: new pod beside the old until available', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create(ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    drive(cluster, { until: settled(cluster, 3) });
    const violations: string[] = [];
    let most = 0;
    cluster.api.mutate('DaemonSet', 'kube-system', 'fluentd', (d) => void (d.spec.template.spec.containers[0].image = 'fluentd:v2'));
    drive(cluster, {
      until: settled(cluster, 3),
      check: () => {
        assertOnePerNode(cluster, 'kube-system', 'fluentd', 2, violations);
        most = Math.max(most, daemonPods(cluster, 'kube-system', 'fluentd').filter((p) => !p.metadata.deletionTimestamp).length);
      },
    });
    expect(violations).toEqual([]);
    expect(most).toBe(4);
    expect(daemonPods(cluster, 'kube-system', 'fluentd').map((p) => p.spec.containers[0].image)).toEqual(['fluentd:v2', 'fluentd:v2', 'fluentd:v2']);
  });

  it('rejects a selector change with the upstream texts', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create(ds());
    let err: unknown;
    try {
      cluster.api.mutate('DaemonSet', 'kube-system', 'fluentd', (d) => void (d.spec.selector = { matchLabels: { name: 'fluentd-v2' } }));
    } catch (e) {
      err = e;
    }
    expect((err as { details: { causes: { field: string; message: string }[] } }).details.causes).toEqual([
      { field: 'spec.template.metadata.labels', message: 'Invalid value: map[string]string{"name":"fluentd"}: `selector` does not match template `labels`' },
      { field: 'spec.selector', message: 'Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"name":"fluentd-v2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable' },
    ]);
  });

  it('OnDelete replaces a pod with the new template only when it is deleted', () => {
    const cluster = createCluster({ seed: 3 });
    cluster.api.create(ds({ updateStrategy: { type: 'OnDelete' } }));
    drive(cluster, { until: settled(cluster, 3) });
    cluster.api.mutate('DaemonSet', 'kube-system', 'fluentd', (d) => void (d.spec.template.spec.containers[0].image = 'fluentd:v2'));
    cluster.advance(60_000);
    expect(daemonPods(cluster, 'kube-system', 'fluentd').map((p) => p.spec.containers[0].image)).toEqual(['fluentd:v1', 'fluentd:v1', 'fluentd:v1']);
    expect(cluster.api.get('DaemonSet', 'kube-system', 'fluentd').status.updatedNumberScheduled).toBeUndefined();
    const victim = daemonPods(cluster, 'kube-system', 'fluentd')[0]!;
    cluster.api.delete('Pod', 'kube-system', victim.metadata.name!);
    drive(cluster, { until: () => cluster.api.get('DaemonSet', 'kube-system', 'fluentd').status.updatedNumberScheduled === 1 && cluster.api.get('DaemonSet', 'kube-system', 'fluentd').status.numberReady === 3 });
    const images = daemonPods(cluster, 'kube-system', 'fluentd').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.containers[0].image).sort();
    expect(images).toEqual(['fluentd:v1', 'fluentd:v1', 'fluentd:v2']);
  });

  it('adds network-unavailable to hostNetwork pods and replaces a matching template toleration', () => {
    const t = daemonTolerations({
      spec: {
        hostNetwork: true,
        containers: [{ name: 'c' }],
        tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }, { key: 'gpu', operator: 'Exists' }],
      },
    });
    expect(t).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
      { key: 'gpu', operator: 'Exists' },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
      { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' },
    ]);
  });
});
