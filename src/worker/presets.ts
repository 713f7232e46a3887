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

export const PRESETS: Record<string, Preset> = {
  default: { description: 'a control plane and three worker nodes', apply: () => {} },
  'pods-100': podsPreset(100),
};

export function presetNamed(name: string | undefined): Preset {
  return PRESETS[name ?? 'default'] ?? PRESETS.default!;
}
