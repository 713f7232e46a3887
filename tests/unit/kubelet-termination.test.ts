import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';
import { createSession, type Session } from '../../src/shell/session.ts';

type C = ReturnType<typeof createCluster>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyPod = any;

async function run(s: Session, line: string): Promise<string> {
  let out = '';
  await s.run(line, { stdout: (x) => (out += x), stderr: (x) => (out += x) });
  return out;
}

function make(c: C, name: string, spec: Record<string, unknown>) {
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec });
  return (): AnyPod => c.api.tryGet('Pod', 'default', name);
}

function isReady(pod: AnyPod): boolean {
  return Boolean(pod?.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True'));
}

/** Calls `see` with every version of the pod written from now on. */
function watchPod(c: C, name: string, see: (pod: AnyPod) => void): () => void {
  return c.api.watch((ev) => {
    if (ev.object.kind === 'Pod' && ev.object.metadata.name === name && ev.type !== 'DELETED') see(ev.object);
  });
}

/** Deletes the pod now and returns how long (ms of virtual time) until it is gone. */
function deleteAndTime(c: C, name: string, see?: (pod: AnyPod) => void): number {
  const t0 = c.clock.now();
  const stop = see ? watchPod(c, name, see) : () => undefined;
  c.api.delete('Pod', 'default', name);
  expect(c.advanceUntil(() => !c.api.tryGet('Pod', 'default', name), 120_000)).toBe(true);
  stop();
  return c.clock.now() - t0;
}

describe('kubelet: a container that exits by itself while its pod is being deleted', () => {
  it('kubectl run quick -- sh -c "sleep 5; exit 0": the pod is gone when the script ends, not after the grace period', async () => {
    const s = createSession({ seed: 11 });
    expect(await run(s, "kubectl run quick --image=busybox:1.36 --restart=Never -- sh -c 'sleep 5; exit 0'")).toBe('pod/quick created\n');
    const c = s.current();
    expect(c.advanceUntil(() => isReady(c.api.tryGet('Pod', 'default', 'quick')), 60_000)).toBe(true);
    const started = Date.parse(c.api.get('Pod', 'default', 'quick').status.containerStatuses[0].state.running.startedAt);
    expect(await run(s, 'kubectl delete pod quick --wait=false')).toBe('pod "quick" deleted from default namespace\n');
    const deletedAt = c.clock.now();
    expect(await run(s, 'kubectl get pod quick')).toMatch(/^NAME {4}READY {3}STATUS {8}RESTARTS {3}AGE\nquick {3}1\/1 {5}Terminating {3}0 {10}\d+s\n$/);
    let last: { exitCode: number; reason: string; finishedAt: string } | undefined;
    const stop = watchPod(c, 'quick', (p) => {
      last = p.status?.containerStatuses?.[0]?.state?.terminated ?? last;
    });
    expect(c.advanceUntil(() => !c.api.tryGet('Pod', 'default', 'quick'), 60_000)).toBe(true);
    stop();
    // sh ignores SIGTERM as PID 1, but its script ends 5 s after the start: exit 0, Completed.
    expect(last).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(Date.parse(last!.finishedAt)).toBe(started + 5000);
    const gone = c.clock.now() - deletedAt;
    expect(gone).toBeLessThan(5_000 + 1_000);
    expect(await run(s, 'kubectl get events --field-selector involvedObject.name=quick -o custom-columns=REASON:.reason,MESSAGE:.message')).toMatch(/\nKilling +Stopping container quick\n/);
    expect(c.failures).toEqual([]);
  });

  it('a shell that keeps running is SIGKILLed at the end of the grace period: 137', () => {
    const c = createCluster({ seed: 3 });
    const pod = make(c, 'holdout', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }], terminationGracePeriodSeconds: 10 });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    let last: { exitCode: number; reason: string } | undefined;
    const ms = deleteAndTime(c, 'holdout', (p) => {
      last = p.status?.containerStatuses?.[0]?.state?.terminated ?? last;
    });
    expect(ms).toBeGreaterThanOrEqual(10_000);
    expect(ms).toBeLessThan(11_000);
    expect(last).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(c.failures).toEqual([]);
  });

  it('nginx quits quickly on its stop signal: exit 0 well inside the grace period', () => {
    const c = createCluster({ seed: 3 });
    const pod = make(c, 'web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    let last: { exitCode: number } | undefined;
    const ms = deleteAndTime(c, 'web', (p) => {
      last = p.status?.containerStatuses?.[0]?.state?.terminated ?? last;
    });
    expect(ms).toBeLessThan(2_000);
    expect(last).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('perl as PID 1 ignores SIGTERM too: the pi computation finishes, exit 0, before the grace period ends', () => {
    const c = createCluster({ seed: 3 });
    const pod = make(c, 'pi', { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] });
    expect(c.advanceUntil(() => isReady(pod()), 120_000)).toBe(true);
    const started = Date.parse(pod()!.status.containerStatuses[0].state.running.startedAt);
    let last: { exitCode: number; reason: string; finishedAt: string } | undefined;
    deleteAndTime(c, 'pi', (p) => {
      last = p.status?.containerStatuses?.[0]?.state?.terminated ?? last;
    });
    expect(last).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(Date.parse(last!.finishedAt) - started).toBe(10_000);
    expect(c.failures).toEqual([]);
  });

  it('each container of a pod ends its own way; the pod goes when the last has stopped', () => {
    const c = createCluster({ seed: 5 });
    const pod = make(c, 'duo', {
      containers: [
        { name: 'web', image: 'nginx:1.27' },
        { name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 8; exit 3'] },
      ],
    });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    const started = Date.parse(pod()!.status.containerStatuses[1].state.running.startedAt);
    let last: { name: string; state: { terminated?: { exitCode: number; finishedAt: string } } }[] = [];
    const ms = deleteAndTime(c, 'duo', (p) => {
      if (p.status?.containerStatuses?.every((x: { state: { terminated?: unknown } }) => x.state.terminated)) last = p.status.containerStatuses;
    });
    expect(last.map((x) => [x.name, x.state.terminated?.exitCode])).toEqual([
      ['web', 0],
      ['job', 3],
    ]);
    expect(Date.parse(last[1]!.state.terminated!.finishedAt)).toBe(started + 8000);
    expect(ms).toBeLessThanOrEqual(8_000);
    // Status times have whole seconds: the pod goes in the second the script ends.
    expect(Math.floor(c.clock.now() / 1000) * 1000).toBe(started + 8000);
  });

  it('an OnFailure Job past its backoffLimit: the failing pod goes at once and Failed is not held back 30 s', () => {
    const c = createCluster({ seed: 9 });
    c.api.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'retry', namespace: 'default' },
      spec: {
        backoffLimit: 2,
        template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'try', image: 'busybox:1.36', command: ['sh', '-c', 'echo trying; exit 1'] }] } },
      },
    });
    const failed = () => c.api.get('Job', 'default', 'retry').status?.conditions?.find((x: { type: string }) => x.type === 'Failed');
    const target = () => c.api.get('Job', 'default', 'retry').status?.conditions?.find((x: { type: string }) => x.type === 'FailureTarget');
    expect(c.advanceUntil(() => Boolean(target()), 300_000)).toBe(true);
    const targetAt = c.clock.now();
    expect(c.advanceUntil(() => Boolean(failed()), 120_000)).toBe(true);
    expect(failed()).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded' });
    // The container is already exiting by itself: the kubelet is done within a sync or two.
    expect(c.clock.now() - targetAt).toBeLessThan(5_000);
    expect(c.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.['job-name'] === 'retry')).toEqual([]);
    expect(c.failures).toEqual([]);
  });
});

describe('kubelet: sidecars stop after the main containers', () => {
  it('a sidecar waits for every main container, then gets what is left of the grace period (at least 2 s)', () => {
    const c = createCluster({ seed: 6 });
    const pod = make(c, 'duo', {
      initContainers: [{ name: 'ticker', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', 'while true; do date; sleep 10; done'] }],
      containers: [
        { name: 'web', image: 'nginx:1.27' },
        { name: 'tools', image: 'busybox:1.36', command: ['sleep', '3600'] },
      ],
    });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    let last: AnyPod;
    const ms = deleteAndTime(c, 'duo', (p) => {
      last = p.status;
    });
    const t0 = c.clock.now() - ms;
    const end = (cs: AnyPod) => Date.parse(cs.state.terminated.finishedAt) - Math.floor(t0 / 1000) * 1000;
    const [web, tools] = last.containerStatuses;
    const [ticker] = last.initContainerStatuses;
    expect(web.state.terminated.exitCode).toBe(0);
    expect(end(web)).toBeLessThan(2_000);
    expect(tools.state.terminated.exitCode).toBe(137);
    expect(end(tools)).toBe(30_000);
    // The grace period is used up by the wait: the sidecar gets the two-second minimum.
    expect(ticker.state.terminated.exitCode).toBe(137);
    expect(end(ticker)).toBe(32_000);
    expect(ms).toBeGreaterThanOrEqual(32_000);
    expect(ms).toBeLessThan(33_000);
    expect(c.failures).toEqual([]);
  });

  it('with quick main containers the sidecar gets its stop signal as soon as they are gone', () => {
    const c = createCluster({ seed: 6 });
    const pod = make(c, 'proxy', {
      initContainers: [{ name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 4; exit 0'] }],
    });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    const appStart = Date.parse(pod().status.containerStatuses[0].state.running.startedAt);
    let last: AnyPod;
    deleteAndTime(c, 'proxy', (p) => {
      last = p.status;
    });
    expect(last.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(Date.parse(last.containerStatuses[0].state.terminated.finishedAt)).toBe(appStart + 4_000);
    const proxyEnd = Date.parse(last.initContainerStatuses[0].state.terminated.finishedAt);
    expect(last.initContainerStatuses[0].state.terminated.exitCode).toBe(0);
    expect(proxyEnd - (appStart + 4_000)).toBeGreaterThanOrEqual(0);
    expect(proxyEnd - (appStart + 4_000)).toBeLessThanOrEqual(1_000);
  });
});

describe('kubelet: kills that restart a container go through the same steps', () => {
  it("a failed liveness probe: the probe's own terminationGracePeriodSeconds, then SIGKILL, then the restart", () => {
    const c = createCluster({ seed: 4 });
    const pod = make(c, 'live', {
      containers: [
        {
          name: 'c',
          image: 'busybox:1.36',
          command: ['sleep', '3600'],
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, terminationGracePeriodSeconds: 5 },
        },
      ],
    });
    const killing = () => c.api.list('Event').find((e) => e.involvedObject.name === 'live' && e.reason === 'Killing');
    expect(c.advanceUntil(() => Boolean(killing()), 60_000)).toBe(true);
    expect(killing()!.message).toBe('Container c failed liveness probe, will be restarted');
    const at = Date.parse(killing()!.firstTimestamp);
    expect(c.advanceUntil(() => pod().status.containerStatuses[0].restartCount === 1, 20_000)).toBe(true);
    const last = pod().status.containerStatuses[0].lastState.terminated;
    expect(last).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(Date.parse(last.finishedAt) - at).toBe(5_000);
    expect(c.failures).toEqual([]);
  });

  it('a liveness kill restarts the container even when it exits 0 under OnFailure, in the same sync: the pod never looks Succeeded', () => {
    const c = createCluster({ seed: 4 });
    const pod = make(c, 'web', {
      restartPolicy: 'OnFailure',
      containers: [{ name: 'web', image: 'nginx:1.27', livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 3 } }],
    });
    const phases = new Set<string>();
    const stop = c.api.watch((ev) => {
      if (ev.object.kind === 'Pod' && ev.object.metadata.name === 'web' && ev.object.status?.phase) phases.add(ev.object.status.phase);
    });
    expect(c.advanceUntil(() => pod().status?.containerStatuses?.[0]?.restartCount === 2, 120_000)).toBe(true);
    stop();
    const cs = pod().status.containerStatuses[0];
    expect(cs.state.running).toBeDefined();
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect([...phases].sort()).toEqual(['Pending', 'Running']);
    expect(c.failures).toEqual([]);
  });

  it('a changed image: Killing "definition changed", the preStop hook, then the new container', () => {
    const c = createCluster({ seed: 4 });
    const pod = make(c, 'swap', { containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { preStop: { sleep: { seconds: 3 } } } }] });
    expect(c.advanceUntil(() => isReady(pod()), 60_000)).toBe(true);
    c.api.mutate('Pod', 'default', 'swap', (p: AnyPod) => {
      p.spec.containers[0].image = 'nginx:1.28';
    });
    const changedAt = c.clock.now();
    expect(c.advanceUntil(() => pod().status.containerStatuses[0].restartCount === 1, 60_000)).toBe(true);
    const cs = pod().status.containerStatuses[0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(Date.parse(cs.lastState.terminated.finishedAt) - Math.floor(changedAt / 1000) * 1000).toBeGreaterThanOrEqual(3_000);
    expect(c.clock.now() - changedAt).toBeGreaterThan(3_000);
    expect(c.failures).toEqual([]);
  });
});
