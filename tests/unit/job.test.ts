import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import { parseTime } from '../../src/sim/clock.ts';
import { drive } from './invariants/drive.ts';

const PI = ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'];

function job(name: string, command: string[], extra: Record<string, unknown> = {}, restartPolicy = 'Never', image = 'busybox:1.28') {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { containers: [{ name: name, image, command }], restartPolicy } }, ...extra },
  };
}

const pi = (extra: Record<string, unknown> = {}) => job('pi', PI, extra, 'Never', 'perl:5.34.0');
const podsOf = (c: Cluster, name: string) => c.api.list('Pod').filter((p) => p.metadata.labels?.['job-name'] === name);
const activeOf = (c: Cluster, name: string) => podsOf(c, name).filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase));
const conditions = (c: Cluster, name: string) =>
  (c.api.get('Job', 'default', name).status.conditions ?? []).map((x: { type: string; reason: string }) => `${x.type}/${x.reason}`);
const has = (c: Cluster, name: string, type: string) => () =>
  (c.api.tryGet('Job', 'default', name)?.status?.conditions ?? []).some((x: { type: string; status: string }) => x.type === type && x.status === 'True');

describe('Job controller', () => {
  it('generates the selector and labels from the uid and defaults the spec', () => {
    const c = createCluster({ seed: 5 });
    const j = c.api.create(pi());
    const uid = j.metadata.uid;
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(j.spec.template.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
    expect(j.spec).toMatchObject({ backoffLimit: 6, completions: 1, parallelism: 1, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
  });

  it('rejects restartPolicy Always with the upstream text', () => {
    const c = createCluster({ seed: 5 });
    expect(() => c.api.create(job('pi', PI, {}, 'Always'))).toThrow('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  });

  it('rejects a template change with the field-is-immutable error', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi());
    expect(() => c.api.mutate('Job', 'default', 'pi', (j) => void (j.spec.template.spec.containers[0].image = 'perl:5.36'))).toThrow(
      /^Job\.batch "pi" is invalid: spec\.template: Invalid value: core\.PodTemplateSpec\{ObjectMeta:v1\.ObjectMeta\{Name:"", GenerateName:"".*Image:"perl:5\.36".*\}: field is immutable$/,
    );
  });

  it('runs the pi Job with completions 4 and parallelism 2: never more than 2 active, then Complete', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi({ completions: 4, parallelism: 2 }));
    let most = 0;
    drive(c, { until: has(c, 'pi', 'Complete'), check: () => void (most = Math.max(most, activeOf(c, 'pi').length)) });
    expect(most).toBe(2);
    const j = c.api.get('Job', 'default', 'pi');
    expect(j.status.succeeded).toBe(4);
    expect(conditions(c, 'pi')).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    expect(j.status.conditions[1].message).toBe('Reached expected number of succeeded pods');
    expect(j.status.completionTime).toBeDefined();
    expect(j.status).toMatchObject({ uncountedTerminatedPods: {}, ready: 0, terminating: 0 });
    expect(j.status.active).toBeUndefined();
    const pods = podsOf(c, 'pi');
    expect(pods.length).toBe(4);
    expect(pods.every((p) => !p.metadata.finalizers)).toBe(true);
    expect(pods[0]!.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const evs = c.api.list('Event').filter((e) => e.involvedObject.kind === 'Job').map((e) => `${e.reason}: ${e.message}`);
    expect(evs.filter((r) => r.startsWith('SuccessfulCreate: Created pod: pi-')).length).toBe(4);
    expect(evs).toContain('Completed: Job completed');
    expect(c.failures).toEqual([]);
  });

  it('holds the tracking finalizer on running pods', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(job('sleeper', ['sleep', '3600']));
    c.advance(10_000);
    const p = activeOf(c, 'sleeper')[0]!;
    expect(p.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(c.api.get('Job', 'default', 'sleeper').status).toMatchObject({ active: 1, ready: 1, terminating: 0, uncountedTerminatedPods: {} });
  });

  it('backs off 10s then 20s between failures and fails past backoffLimit', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(job('flaky', ['sh', '-c', 'exit 1'], { backoffLimit: 2 }));
    drive(c, { until: has(c, 'flaky', 'Failed') });
    const pods = podsOf(c, 'flaky').sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1));
    expect(pods.length).toBe(3);
    for (let i = 1; i < 3; i++) {
      const failedAt = parseTime(pods[i - 1]!.status.containerStatuses[0].state.terminated.finishedAt)!;
      const createdAt = parseTime(pods[i]!.metadata.creationTimestamp)!;
      expect(createdAt - failedAt).toBe(10_000 * 2 ** (i - 1));
    }
    const j = c.api.get('Job', 'default', 'flaky');
    expect(j.status.failed).toBe(3);
    expect(conditions(c, 'flaky')).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(j.status.conditions[1].message).toBe('Job has reached the specified backoff limit');
    expect(c.api.list('Event').some((e) => e.reason === 'BackoffLimitExceeded' && e.type === 'Warning' && e.message === 'Job has reached the specified backoff limit')).toBe(true);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds, once its pods have terminated', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(job('slow', ['sleep', '3600'], { activeDeadlineSeconds: 30 }));
    drive(c, { until: has(c, 'slow', 'FailureTarget') });
    expect(conditions(c, 'slow')).toEqual(['FailureTarget/DeadlineExceeded']);
    const start = parseTime(c.api.get('Job', 'default', 'slow').status.startTime)!;
    expect(c.clock.now() - start).toBe(30_000);
    drive(c, { until: has(c, 'slow', 'Failed') });
    expect(conditions(c, 'slow')).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
    expect(c.api.get('Job', 'default', 'slow').status.conditions[1].message).toBe('Job was active longer than specified deadline');
    expect(activeOf(c, 'slow')).toEqual([]);
  });

  it('Indexed jobs name pods by index, set JOB_COMPLETION_INDEX and track completedIndexes', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(job('idx', ['sh', '-c', 'exit 0'], { completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    c.settle();
    const pods = activeOf(c, 'idx');
    expect(pods.map((p) => p.metadata.annotations!['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2']);
    const p1 = pods.find((p) => p.metadata.labels!['batch.kubernetes.io/job-completion-index'] === '1')!;
    expect(p1.metadata.name).toMatch(/^idx-1-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p1.spec.hostname).toBe('idx-1');
    expect(p1.spec.containers[0].env).toContainEqual({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } });
    drive(c, { until: has(c, 'idx', 'Complete') });
    expect(c.api.get('Job', 'default', 'idx').status).toMatchObject({ completedIndexes: '0-2', succeeded: 3 });
  });

  it('podFailurePolicy: Ignore does not count a failure; FailJob fails at once', () => {
    const c = createCluster({ seed: 5 });
    const rules = [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }, { action: 'Ignore', onExitCodes: { operator: 'In', values: [7] } }];
    c.api.create(job('ignored', ['sh', '-c', 'exit 7'], { backoffLimit: 0, podFailurePolicy: { rules } }));
    c.advance(30_000);
    expect(podsOf(c, 'ignored').length).toBeGreaterThan(1);
    expect(c.api.get('Job', 'default', 'ignored').status.failed).toBeUndefined();
    c.api.create(job('fatal', ['sh', '-c', 'exit 42'], { podFailurePolicy: { rules } }));
    drive(c, { until: has(c, 'fatal', 'Failed') });
    const pod = podsOf(c, 'fatal')[0]!;
    const j = c.api.get('Job', 'default', 'fatal');
    expect(j.status.conditions[0]).toMatchObject({
      type: 'FailureTarget',
      reason: 'PodFailurePolicy',
      message: `Container fatal for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`,
    });
    expect(podsOf(c, 'fatal').length).toBe(1);
  });

  it('suspend deletes active pods without counting failures; resume recreates them', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(job('sus', ['sleep', '3600'], { parallelism: 2, completions: 2 }));
    c.advance(10_000);
    expect(activeOf(c, 'sus').length).toBe(2);
    c.api.mutate('Job', 'default', 'sus', (j) => void (j.spec.suspend = true));
    drive(c, { until: () => podsOf(c, 'sus').length === 0 });
    let j = c.api.get('Job', 'default', 'sus');
    expect(j.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(j.status.failed).toBeUndefined();
    c.api.mutate('Job', 'default', 'sus', (x) => void (x.spec.suspend = false));
    c.settle();
    j = c.api.get('Job', 'default', 'sus');
    expect(activeOf(c, 'sus').length).toBe(2);
    expect(j.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' });
  });

  it('ttlSecondsAfterFinished deletes the finished job and its pods', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(job('ttl', ['sh', '-c', 'exit 0'], { ttlSecondsAfterFinished: 100 }));
    drive(c, { until: has(c, 'ttl', 'Complete') });
    c.advance(99_000);
    expect(c.api.tryGet('Job', 'default', 'ttl')).toBeDefined();
    drive(c, { until: () => !c.api.tryGet('Job', 'default', 'ttl'), timeoutMs: 60_000 });
    c.advance(5_000);
    expect(podsOf(c, 'ttl')).toEqual([]);
  });
});
