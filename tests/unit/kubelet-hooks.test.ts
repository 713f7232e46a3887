import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';
import { createSession, type Session } from '../../src/shell/session.ts';

type C = ReturnType<typeof createCluster>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPod = any;

function make(c: C, name: string, spec: Record<string, unknown>) {
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
  return (): AnyPod => c.api.tryGet('Pod', 'default', name);
}

function events(c: C, name: string): string[] {
  return c.api
    .list('Event')
    .filter((e) => e.involvedObject.name === name && e.source.component === 'kubelet')
    .map((e) => `${e.type} ${e.reason} ${e.involvedObject.fieldPath ?? ''}: ${e.message}`);
}

function eventTime(c: C, name: string, reason: string): number {
  const e = c.api.list('Event').find((x) => x.involvedObject.name === name && x.reason === reason);
  expect(e, reason).toBeDefined();
  return Date.parse(e!.firstTimestamp);
}

function isReady(pod: AnyPod): boolean {
  return Boolean(pod?.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True'));
}

/** Watches a pod's writes until it is gone; returns the deletion's duration and the last container states. */
function deleteAndWatch(c: C, name: string): { ms: number; last: AnyPod[] } {
  let last: AnyPod[] = [];
  const stop = c.api.watch((ev) => {
    if (ev.object.kind === 'Pod' && ev.object.metadata.name === name && ev.type !== 'DELETED') last = ev.object.status?.containerStatuses ?? last;
  });
  const t0 = c.clock.now();
  c.api.delete('Pod', 'default', name);
  expect(c.advanceUntil(() => !c.api.tryGet('Pod', 'default', name), 120_000)).toBe(true);
  stop();
  return { ms: c.clock.now() - t0, last };
}

async function run(s: Session, line: string): Promise<string> {
  let out = '';
  await s.run(line, { stdout: (x) => (out += x), stderr: (x) => (out += x) });
  return out;
}

describe('kubelet: postStart hooks', () => {
  it('the container is not Running or Ready until postStart returns', () => {
    const c = createCluster({ seed: 2 });
    const pod = make(c, 'slow', {
      containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { postStart: { exec: { command: ['sh', '-c', 'sleep 4; echo warm > /usr/share/nginx/html/warm'] } } } }],
    });
    expect(c.advanceUntil(() => events(c, 'slow').some((e) => e.includes('Started container web')), 60_000)).toBe(true);
    const startedAt = eventTime(c, 'slow', 'Started');
    expect(pod().status.containerStatuses[0].state.waiting.reason).toBe('ContainerCreating');
    expect(pod().status.phase).toBe('Pending');
    c.advance(3_000);
    expect(pod().status.containerStatuses[0].state.waiting.reason).toBe('ContainerCreating');
    expect(c.advanceUntil(() => Boolean(pod().status.containerStatuses[0].state.running), 10_000)).toBe(true);
    expect(c.clock.now() - startedAt).toBeGreaterThanOrEqual(4_000);
    expect(c.clock.now() - startedAt).toBeLessThan(5_000);
    expect(isReady(pod())).toBe(true);
    // The container started when it was created: startedAt is before the hook's end.
    expect(Date.parse(pod().status.containerStatuses[0].state.running.startedAt)).toBeLessThanOrEqual(startedAt);
    expect(events(c, 'slow').filter((e) => e.startsWith('Warning'))).toEqual([]);
    expect(c.failures).toEqual([]);
  });

  it('sleep and httpGet postStart: an HTTP answer of any status is a success', () => {
    const c = createCluster({ seed: 2 });
    const napping = make(c, 'nap', { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { postStart: { sleep: { seconds: 6 } } } }] });
    const probing = make(c, 'http', { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { postStart: { httpGet: { path: '/no-such-page', port: 80 } } } }] });
    expect(c.advanceUntil(() => isReady(probing()), 60_000)).toBe(true);
    expect(isReady(napping())).toBe(false);
    expect(c.advanceUntil(() => isReady(napping()), 60_000)).toBe(true);
    expect(c.clock.now() - eventTime(c, 'nap', 'Started')).toBeGreaterThanOrEqual(6_000);
    expect(events(c, 'http').filter((e) => e.startsWith('Warning'))).toEqual([]);
    expect(probing().status.containerStatuses[0].restartCount).toBe(0);
    expect(c.failures).toEqual([]);
  });

  it('an HTTPS hook that gets a plain HTTP answer is retried in HTTP: LifecycleHTTPFallback, and it succeeds', () => {
    const c = createCluster({ seed: 2 });
    const pod = make(c, 'tls', { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { postStart: { httpGet: { path: '/', port: 80, scheme: 'HTTPS' } } } }] });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    expect(events(c, 'tls').filter((e) => e.startsWith('Warning'))).toEqual([
      `Warning LifecycleHTTPFallback : request to HTTPS lifecycle hook ${pod().status.podIP}:80 got HTTP response, retry with HTTP succeeded`,
    ]);
  });

  it('a failing exec postStart: FailedPostStartHook, the container killed, PostStartHookError with the output, restarted, then CrashLoopBackOff', async () => {
    const s = createSession({ seed: 4 });
    const c = s.current();
    const pod = make(c, 'hooked', {
      containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { postStart: { exec: { command: ['sh', '-c', 'echo starting; echo no config >&2; exit 3'] } } } }],
    });
    expect(c.advanceUntil(() => pod().status?.containerStatuses?.[0]?.state?.waiting?.reason === 'PostStartHookError', 60_000)).toBe(true);
    const uid = pod().metadata.uid;
    const cs = pod().status.containerStatuses[0];
    expect(cs.state.waiting.message).toBe(
      `Exec lifecycle hook ([sh -c echo starting; echo no config >&2; exit 3]) for Container "web" in Pod "hooked_default(${uid})" failed - error: command 'sh -c echo starting; echo no config >&2; exit 3' exited with 3: no config\n, message: "starting\\nno config\\n"`,
    );
    // nginx quits on the stop signal: the killed container Completed.
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cs.restartCount).toBe(0);
    expect(cs.ready).toBe(false);
    expect(events(c, 'hooked').slice(-4)).toEqual([
      'Normal Created spec.containers{web}: Created container: web',
      'Normal Started spec.containers{web}: Started container web',
      'Warning FailedPostStartHook spec.containers{web}: PostStartHook failed',
      'Normal Killing spec.containers{web}: FailedPostStartHook',
    ]);
    expect(await run(s, 'kubectl get pod hooked')).toMatch(/^NAME {5}READY {3}STATUS {15}RESTARTS {3}AGE\nhooked {3}0\/1 {5}PostStartHookError {3}0 {10}\d+s\n$/);
    // Restarted at once the first time, then with the crash back-off.
    expect(c.advanceUntil(() => pod().status.containerStatuses[0].state.waiting?.reason === 'CrashLoopBackOff', 30_000)).toBe(true);
    expect(pod().status.containerStatuses[0].restartCount).toBe(1);
    const describe = await run(s, 'kubectl describe pod hooked');
    expect(describe).toMatch(/\n {2}Warning {2}FailedPostStartHook {2}\d+s \(x2 over \d+s\) {2}kubelet {12}PostStartHook failed\n/);
    expect(describe).toMatch(/\n {2}Normal {3}Killing {14}\d+s \(x2 over \d+s\) {2}kubelet {12}FailedPostStartHook\n/);
    expect(c.failures).toEqual([]);
  });

  it('a failing httpGet postStart (nothing listens) with restartPolicy Never: killed after the grace period, not restarted', () => {
    const c = createCluster({ seed: 6 });
    const pod = make(c, 'never', {
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 5,
      containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { postStart: { httpGet: { path: '/ready', port: 8080 } } } }],
    });
    expect(c.advanceUntil(() => events(c, 'never').some((e) => e.includes('FailedPostStartHook')), 60_000)).toBe(true);
    const failedAt = c.clock.now();
    // sleep as PID 1 ignores SIGTERM: it goes when the grace period ends.
    expect(c.advanceUntil(() => Boolean(pod().status.containerStatuses[0].state.terminated), 30_000)).toBe(true);
    expect(c.clock.now() - failedAt).toBe(5_000);
    expect(pod().status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(pod().status.phase).toBe('Failed');
    c.advance(60_000);
    expect(pod().status.containerStatuses[0].restartCount).toBe(0);
    expect(c.failures).toEqual([]);
  });

  it('a tcpSocket postStart is accepted by the API server but the kubelet cannot run it', () => {
    const c = createCluster({ seed: 6 });
    const pod = make(c, 'tcp', { containers: [{ name: 'c', image: 'nginx:1.27', lifecycle: { postStart: { tcpSocket: { port: 80 } } } }] });
    expect(c.advanceUntil(() => pod().status?.containerStatuses?.[0]?.state?.waiting?.reason === 'PostStartHookError', 60_000)).toBe(true);
    expect(pod().status.containerStatuses[0].state.waiting.message).toBe(
      'Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:{0 80 },Host:,},Sleep:nil,}',
    );
  });

  it('the waiting message of a failed httpGet hook names the URL as the HTTP client does', () => {
    const c = createCluster({ seed: 6 });
    const pod = make(c, 'refused', {
      containers: [{ name: 'c', image: 'nginx:1.27', lifecycle: { postStart: { httpGet: { path: '/ready', port: 8080 } } } }],
    });
    expect(c.advanceUntil(() => pod().status?.containerStatuses?.[0]?.state?.waiting?.reason === 'PostStartHookError', 60_000)).toBe(true);
    const ip = pod().status.podIP;
    expect(pod().status.containerStatuses[0].state.waiting.message).toBe(
      `HTTP lifecycle hook (/ready) for Container "c" in Pod "refused_default(${pod().metadata.uid})" failed - error: Get "http://${ip}:8080/ready": dial tcp ${ip}:8080: connect: connection refused`,
    );
  });
});

describe('kubelet: preStop hooks', () => {
  it('preStop sleep 20 keeps the pod Terminating for 20 s, then nginx gets its stop signal and quits', () => {
    const c = createCluster({ seed: 3 });
    const pod = make(c, 'drain', { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { preStop: { sleep: { seconds: 20 } } } }] });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    const { ms, last } = deleteAndWatch(c, 'drain');
    expect(ms).toBeGreaterThan(20_000);
    expect(ms).toBeLessThan(21_000);
    expect(last[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(events(c, 'drain').filter((e) => e.startsWith('Warning'))).toEqual([]);
  });

  it('the preStop hook runs inside the grace period: a busybox sleep is killed when it ends', () => {
    const c = createCluster({ seed: 3 });
    const pod = make(c, 'tight', {
      terminationGracePeriodSeconds: 15,
      containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { preStop: { sleep: { seconds: 10 } } } }],
    });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    const { ms, last } = deleteAndWatch(c, 'tight');
    // 10 s of hook, SIGTERM ignored, SIGKILL at the end of the 15 s.
    expect(ms).toBeGreaterThanOrEqual(15_000);
    expect(ms).toBeLessThan(16_000);
    expect(last[0].state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('a preStop hook that uses up the grace period: the stop signal still gets 2 seconds (minimumGracePeriodInSeconds)', () => {
    const c = createCluster({ seed: 3 });
    const pod = make(c, 'long', {
      terminationGracePeriodSeconds: 10,
      containers: [
        { name: 'a', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { preStop: { sleep: { seconds: 10 } } } },
        { name: 'b', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 60'] } } } },
      ],
    });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    const { ms, last } = deleteAndWatch(c, 'long');
    expect(ms).toBeGreaterThanOrEqual(12_000);
    expect(ms).toBeLessThan(13_000);
    expect(last.map((x: AnyPod) => x.state.terminated.exitCode)).toEqual([137, 137]);
    // The exec hook dies with its container: that is a failure.
    expect(events(c, 'long').filter((e) => e.startsWith('Warning'))).toEqual(['Warning FailedPreStopHook spec.containers{b}: PreStopHook failed']);
  });

  it('the API server rejects a sleep longer than the grace period, a hook without a handler and hooks on plain init containers', async () => {
    const s = createSession({ seed: 3 });
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  terminationGracePeriodSeconds: 10
  initContainers:
  - name: setup
    image: busybox:1.36
    lifecycle:
      postStart:
        exec:
          command: ["true"]
  containers:
  - name: c
    image: busybox:1.36
    lifecycle:
      postStart: {}
      preStop:
        sleep:
          seconds: 60
`;
    await run(s, `cat > bad.yaml <<'EOF'\n${yaml}EOF`);
    expect(await run(s, 'kubectl apply -f bad.yaml')).toBe(
      'The Pod "bad" is invalid: \n' +
        '* spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always\n' +
        '* spec.containers[0].lifecycle.postStart: Required value: must specify a handler type\n' +
        '* spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be non-negative and less than terminationGracePeriodSeconds (10)\n',
    );
  });

  it('a failing exec preStop records FailedPreStopHook and termination goes on; an HTTP 404 is no failure', async () => {
    const s = createSession({ seed: 8 });
    const c = s.current();
    const bad = make(c, 'bad', { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { preStop: { exec: { command: ['nginx-drain'] } } } }] });
    const fine = make(c, 'fine', { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { preStop: { httpGet: { path: '/drain', port: 80 } } } }] });
    expect(c.advanceUntil(() => isReady(bad()) && isReady(fine()), 60_000)).toBe(true);
    await run(s, 'kubectl delete pod bad fine --wait=false');
    expect(c.advanceUntil(() => !bad() && !fine(), 10_000)).toBe(true);
    expect(events(c, 'bad').slice(-2)).toEqual(['Normal Killing spec.containers{web}: Stopping container web', 'Warning FailedPreStopHook spec.containers{web}: PreStopHook failed']);
    expect(events(c, 'fine').slice(-1)).toEqual(['Normal Killing spec.containers{web}: Stopping container web']);
    expect(await run(s, 'kubectl get events --field-selector reason=FailedPreStopHook')).toMatch(/^LAST SEEN {3}TYPE {6}REASON {14}OBJECT {4}MESSAGE\n\d+s {10}Warning {3}FailedPreStopHook {3}pod\/bad {3}PreStopHook failed\n$/);
    expect(c.failures).toEqual([]);
  });

  it('an exec preStop that outlives the container fails when the container goes', () => {
    const c = createCluster({ seed: 3 });
    const pod = make(c, 'short', {
      containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 20'], lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 60'] } } } }],
    });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    const start = Date.parse(pod().status.containerStatuses[0].state.running.startedAt);
    const { last } = deleteAndWatch(c, 'short');
    expect(last[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(Date.parse(last[0].state.terminated.finishedAt)).toBe(start + 20_000);
    expect(events(c, 'short').slice(-1)).toEqual(['Warning FailedPreStopHook spec.containers{c}: PreStopHook failed']);
  });

  it('a cluster restored mid-hook continues exactly as the original', () => {
    const specs = {
      pre: { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { preStop: { sleep: { seconds: 8 } } } }] },
      post: { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { postStart: { exec: { command: ['sh', '-c', 'sleep 9; exit 1'] } } } }] },
    };
    const a = createCluster({ seed: 12 });
    make(a, 'pre', specs.pre);
    expect(a.advanceUntil(() => isReady(a.api.tryGet('Pod', 'default', 'pre')), 60_000)).toBe(true);
    make(a, 'post', specs.post);
    a.api.delete('Pod', 'default', 'pre');
    a.advance(4_000);
    const b = createCluster({ seed: 12 });
    b.restore(structuredClone(a.snapshot()));
    const state = (c: C) => ({
      pods: c.api.list('Pod', { namespace: 'default' }).map((p) => ({ name: p.metadata.name, status: p.status })),
      events: c.api.list('Event', { namespace: 'default' }).map((e) => `${e.involvedObject.name} ${e.reason} x${e.count} ${e.lastTimestamp} ${e.message}`).sort(),
      now: c.clock.now(),
    });
    for (const step of [2_000, 3_000, 10_000, 30_000]) {
      a.advance(step);
      b.advance(step);
      expect(state(b)).toEqual(state(a));
    }
    expect(b.api.tryGet('Pod', 'default', 'pre')).toBeUndefined();
    expect(events(b, 'post')).toContain('Warning FailedPostStartHook spec.containers{web}: PostStartHook failed');
    expect(a.failures).toEqual([]);
    expect(b.failures).toEqual([]);
  });
});
