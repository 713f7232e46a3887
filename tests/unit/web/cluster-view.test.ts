import { describe, expect, it } from 'vitest';
import { describeCluster } from '../../../src/web/cluster-view/cluster-view.ts';
import type { ClusterSummary } from '../../../src/worker/cluster-summary.ts';

const summary: ClusterSummary = {
  name: 'kubernetes-admin@kubernetes',
  time: 0,
  nodes: [
    { name: 'node01', health: 'Ready', cordoned: false, taints: [], roles: [], lost: false },
    { name: 'node02', health: 'NotReady', cordoned: true, taints: ['node.kubernetes.io/unreachable:NoExecute'], roles: [], lost: true },
  ],
  pods: [
    { namespace: 'default', name: 'web-0', node: 'node01', phase: 'Running', status: 'Running', ready: true, owner: 'StatefulSet/web' },
    { namespace: 'default', name: 'web-1', node: null, phase: 'Pending', status: 'Pending', ready: false, owner: 'StatefulSet/web' },
  ],
  controllers: [{ kind: 'StatefulSet', namespace: 'default', name: 'web', ref: 'StatefulSet/web', desired: 2, ready: 1 }],
  claims: [{ namespace: 'default', name: 'data-web-0', phase: 'Bound', volume: 'pvc-1234' }],
  volumes: [
    { name: 'pvc-1234', phase: 'Bound', claim: 'default/data-web-0' },
    { name: 'spare', phase: 'Available', claim: null },
  ],
  explanations: [],
};

describe('describeCluster (the cluster view as text)', () => {
  it('says where every pod is, what each controller owns, and how claims bind', () => {
    expect(describeCluster(summary)).toEqual([
      'Node node01 (Ready): web-0 Running',
      'Node node02 (lost · SchedulingDisabled, taints node.kubernetes.io/unreachable:NoExecute): no pods',
      'Not scheduled: web-1 Pending',
      'StatefulSet web 1/2 ready: web-0, web-1',
      'Claim data-web-0 Bound → volume pvc-1234',
      'Volume spare Available, unclaimed',
    ]);
  });
});
