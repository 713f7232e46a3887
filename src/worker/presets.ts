/**
 * Named starting clusters for terminals that are not tied to a lab (`<Terminal preset="…" />`).
 * A preset only adds objects through the API, the way a learner's `kubectl apply` would.
 */
import type { Cluster } from '../sim/cluster.ts';

export interface Preset {
  description: string;
  apply(cluster: Cluster): void;
}

function podsPreset(count: number): Preset {
  return {
    description: `${count} nginx pods in the default namespace`,
    apply(cluster) {
      for (let i = 0; i < count; i++) {
        cluster.api.create({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
        });
      }
      cluster.settle();
    },
  };
}

/**
 * The chapter on StatefulSets' `tally`: a headless Service and a three-replica StatefulSet with a
 * 1Gi claim per pod, run until every replica is Ready.
 */
const tallyStatefulSet: Preset = {
  description: 'the tally StatefulSet (3 Ready replicas, a claim each) and its headless Service',
  apply(cluster) {
    cluster.api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'tally', namespace: 'default' },
      spec: { clusterIP: 'None', selector: { app: 'tally' }, ports: [{ name: 'peer', port: 7000 }] },
    });
    cluster.api.create({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'tally', namespace: 'default' },
      spec: {
        serviceName: 'tally',
        replicas: 3,
        selector: { matchLabels: { app: 'tally' } },
        template: {
          metadata: { labels: { app: 'tally' } },
          spec: {
            containers: [
              {
                name: 'store',
                image: 'nginx:1.27',
                ports: [{ name: 'peer', containerPort: 7000 }],
                volumeMounts: [{ name: 'data', mountPath: '/var/lib/tally' }],
              },
            ],
          },
        },
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    });
    cluster.advanceUntil(() => {
      const sts = cluster.api.tryGet('StatefulSet', 'default', 'tally') as { status?: { readyReplicas?: number } } | undefined;
      return sts?.status?.readyReplicas === 3;
    }, 5 * 60_000);
    cluster.settle();
  },
};

export const PRESETS: Record<string, Preset> = {
  default: { description: 'a control plane and three worker nodes', apply: () => {} },
  'pods-100': podsPreset(100),
  'tally-statefulset': tallyStatefulSet,
};

export function presetNamed(name: string | undefined): Preset {
  return PRESETS[name ?? 'default'] ?? PRESETS.default!;
}
