import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';

function pod(name: string, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...extra } };
}

/** The root CA publisher's ConfigMap, which every pod's service-account volume projects. */
export function withRootCA(c: ReturnType<typeof createCluster>) {
  if (!c.api.tryGet('ConfigMap', 'default', 'kube-root-ca.crt')) {
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: 'default' }, data: { 'ca.crt': 'x' } });
  }
  return c;
}

function eventsFor(c: ReturnType<typeof createCluster>, name: string) {
  return c.api
    .list('Event')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.source.component} ${e.message}`);
}

describe('scheduler + kubelet basic path', () => {
  it('binds, pulls, starts and readies a pod', () => {
    const c = withRootCA(createCluster({ seed: 3 }));
    c.api.create(pod('web'));
    c.settle();
    const bound = c.api.get('Pod', 'default', 'web');
    expect(bound.spec.nodeName).toMatch(/^node0[123]$/);
    expect(bound.metadata.generation).toBe(1);
    c.advance(10_000);
    const p = c.api.get('Pod', 'default', 'web');
    expect(c.failures).toEqual([]);
    expect(p.status.phase).toBe('Running');
    expect(p.status.podIP).toMatch(/^10\.244\.[1-3]\.\d+$/);
    expect(p.status.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const cs = p.status.containerStatuses[0];
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.image).toBe('docker.io/library/nginx:latest');
    expect(cs.ready).toBe(true);
    const ev = eventsFor(c, 'web');
    expect(ev[0]).toBe(`Normal Scheduled default-scheduler Successfully assigned default/web to ${p.spec.nodeName}`);
    expect(ev[1]).toBe('Normal Pulling kubelet Pulling image "nginx"');
    expect(ev[2]).toMatch(/^Normal Pulled kubelet Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(ev.slice(3)).toEqual(['Normal Created kubelet Created container: nginx', 'Normal Started kubelet Started container nginx']);
  });

  it('deletes gracefully', () => {
    const c = withRootCA(createCluster({ seed: 3 }));
    c.api.create(pod('web'));
    c.advance(10_000);
    c.api.delete('Pod', 'default', 'web');
    c.settle();
    expect(c.api.tryGet('Pod', 'default', 'web')?.metadata.deletionTimestamp).toBeTruthy();
    c.advance(5_000);
    expect(c.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
    expect(eventsFor(c, 'web')).toContain('Normal Killing kubelet Stopping container nginx');
    expect(c.failures).toEqual([]);
  });
});
