import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';

type C = ReturnType<typeof createCluster>;

function make(c: C, name: string, spec: Record<string, unknown>) {
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
  return () => c.api.get('Pod', 'default', name);
}

function events(c: C, name: string) {
  return c.api
    .list('Event')
    .filter((e) => e.involvedObject.name === name && e.source.component === 'kubelet')
    .map((e) => `${e.reason}: ${e.message}`);
}

describe('kubelet: images that cannot be pulled', () => {
  it('ngnix fails with ErrImagePull, then ImagePullBackOff with doubling back-off', () => {
    const c = createCluster({ seed: 2 });
    const pod = make(c, 'typo', { containers: [{ name: 'web', image: 'ngnix' }] });
    c.advance(4_000);
    const w = () => pod().status.containerStatuses[0].state.waiting;
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(w().reason);
    c.advance(3_000);
    expect(w().reason).toBe('ImagePullBackOff');
    expect(w().message).toBe(
      'Back-off pulling image "ngnix": ErrImagePull: failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
    expect(events(c, 'typo').slice(0, 5)).toEqual([
      'Pulling: Pulling image "ngnix"',
      'Failed: Failed to pull image "ngnix": failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      'Failed: Error: ErrImagePull',
      'BackOff: Back-off pulling image "ngnix"',
      'Failed: Error: ImagePullBackOff',
    ]);
    c.advance(120_000);
    const pulling = c.api.list('Event').find((e) => e.involvedObject.name === 'typo' && e.reason === 'Pulling')!;
    // 10 s, 20 s, 40 s back-off: four attempts in about two minutes.
    expect(pulling.count).toBeGreaterThanOrEqual(3);
    expect(pulling.count).toBeLessThanOrEqual(5);
    expect(pod().status.phase).toBe('Pending');
    expect(c.failures).toEqual([]);
  });

  it('fixing the image lets the pod start', () => {
    const c = createCluster({ seed: 2 });
    make(c, 'typo', { containers: [{ name: 'web', image: 'nginx:1.999' }] });
    c.advance(10_000);
    // A real cluster rejects image changes only for non-running fields; image is mutable.
    c.api.mutate('Pod', 'default', 'typo', (p) => {
      p.spec.containers[0].image = 'nginx:1.27';
    });
    c.advance(60_000);
    expect(c.api.get('Pod', 'default', 'typo').status.phase).toBe('Running');
    c.api.mutate('Pod', 'default', 'typo', (p) => {
      p.spec.containers[0].image = 'nginx:1.28';
    });
    c.advance(10_000);
    const cs = c.api.get('Pod', 'default', 'typo').status.containerStatuses[0];
    expect(cs.image).toBe('docker.io/library/nginx:1.28');
    expect(cs.restartCount).toBe(1);
    expect(events(c, 'typo')).toContain('Killing: Container web definition changed, will be restarted');
  });
});

describe('kubelet: init containers and probes', () => {
  it('runs init containers in order before the app container', () => {
    const c = createCluster({ seed: 4 });
    const pod = make(c, 'init', {
      initContainers: [
        { name: 'one', image: 'busybox', command: ['sh', '-c', 'sleep 3'] },
        { name: 'two', image: 'busybox', command: ['sh', '-c', 'sleep 3'] },
      ],
      containers: [{ name: 'app', image: 'nginx' }],
    });
    expect(c.advanceUntil(() => Boolean(pod().status?.initContainerStatuses?.[0].state.running), 10_000)).toBe(true);
    expect(pod().status.phase).toBe('Pending');
    expect(pod().status.initContainerStatuses[1].state.waiting.reason).toBe('PodInitializing');
    expect(pod().status.conditions.find((x: { type: string }) => x.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [one two]' });
    c.advance(15_000);
    expect(pod().status.phase).toBe('Running');
    expect(pod().status.initContainerStatuses.map((s: { state: { terminated: { reason: string } } }) => s.state.terminated.reason)).toEqual(['Completed', 'Completed']);
  });

  it('readiness probe gates Ready; exec liveness failure restarts', () => {
    const c = createCluster({ seed: 4 });
    const pod = make(c, 'probed', {
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 },
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        },
      ],
    });
    c.advance(10_000);
    expect(pod().status.containerStatuses[0].ready).toBe(true);
    c.advance(40_000);
    const ev = events(c, 'probed');
    expect(ev).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(ev).toContain('Killing: Container c failed liveness probe, will be restarted');
    // The kill gets the grace period like a deletion: sh ignores SIGTERM, SIGKILL 30 s later.
    const killing = Date.parse(c.api.list('Event').find((e) => e.involvedObject.name === 'probed' && e.reason === 'Killing')!.firstTimestamp);
    expect(pod().status.containerStatuses[0].restartCount).toBe(0);
    c.advance(35_000);
    expect(pod().status.containerStatuses[0].restartCount).toBe(1);
    expect(pod().status.containerStatuses[0].lastState.terminated.exitCode).toBe(137);
    expect(Date.parse(pod().status.containerStatuses[0].lastState.terminated.finishedAt) - killing).toBe(30_000);
    expect(c.failures).toEqual([]);
  });

  it('httpGet readiness against nginx; a wrong path fails with the status code', () => {
    const c = createCluster({ seed: 4 });
    const good = make(c, 'good', { containers: [{ name: 'n', image: 'nginx', readinessProbe: { httpGet: { path: '/', port: 80 } } }] });
    const bad = make(c, 'bad', { containers: [{ name: 'n', image: 'nginx', readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 } }] });
    c.advance(30_000);
    expect(good().status.containerStatuses[0].ready).toBe(true);
    expect(bad().status.containerStatuses[0].ready).toBe(false);
    expect(events(c, 'bad')).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(bad().status.conditions.find((x: { type: string }) => x.type === 'Ready').status).toBe('False');
  });

  it('steady probes do not keep the cluster busy', () => {
    const c = createCluster({ seed: 4 });
    make(c, 'good', { containers: [{ name: 'n', image: 'nginx', readinessProbe: { tcpSocket: { port: 80 } }, livenessProbe: { httpGet: { path: '/', port: 80 } } }] });
    c.advance(60_000);
    expect(c.api.get('Pod', 'default', 'good').status.containerStatuses[0].ready).toBe(true);
    const mine = c.clock.snapshot().timers.filter((t) => t.controller === 'kubelet' && t.key.startsWith('default/good'));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t) => t.background)).toBe(true);
  });
});

describe('kubelet: memory limits', () => {
  it('a container allocating more than its limit is OOMKilled and restarted', () => {
    const c = createCluster({ seed: 6 });
    const pod = make(c, 'memory-demo-2', {
      containers: [
        {
          name: 'memory-demo-2-ctr',
          image: 'polinux/stress',
          resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } },
          command: ['stress'],
          args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'],
        },
      ],
    });
    c.advance(20_000);
    const cs = pod().status.containerStatuses[0];
    const last = cs.lastState.terminated ?? cs.state.terminated;
    expect(last).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
  });
});
