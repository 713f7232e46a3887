import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';
import { toRFC3339 } from '../../src/sim/clock.ts';
import { drive, makeReady } from './invariants/drive.ts';

function pi(extra: Record<string, unknown> = {}, restartPolicy = 'Never') {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default' },
    spec: {
      template: { spec: { containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }], restartPolicy } },
      ...extra,
    },
  };
}

const jobPods = (c: Cluster) => c.api.list('Pod').filter((p) => p.metadata.labels?.['job-name'] === 'pi');
const active = (c: Cluster) => jobPods(c).filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase));

function finish(c: Cluster, pod: Stored, phase: 'Succeeded' | 'Failed', exitCode = phase === 'Succeeded' ? 0 : 1) {
  makeReady(c, pod);
  c.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name!, (p) => {
    p.status.phase = phase;
    p.status.conditions = p.status.conditions.map((x: { type: string }) => (x.type === 'Ready' ? { ...x, status: 'False', lastTransitionTime: toRFC3339(c.clock.now()) } : x));
    p.status.containerStatuses = [{ name: 'pi', ready: false, restartCount: 0, image: 'perl:5.34.0', imageID: '', state: { terminated: { exitCode, reason: phase === 'Succeeded' ? 'Completed' : 'Error', finishedAt: toRFC3339(c.clock.now()) } } }];
  }, { subresource: 'status' });
  c.settle();
}

describe('Job controller', () => {
  it('generates the selector and labels from the uid and defaults the spec', () => {
    const c = createCluster({ seed: 5 });
    const job = c.api.create(pi());
    const uid = job.metadata.uid;
    expect(job.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(job.spec.template.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': uid,
      'job-name': 'pi',
    });
    expect(job.spec).toMatchObject({ backoffLimit: 6, completions: 1, parallelism: 1, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
  });

  it('rejects restartPolicy Always with the upstream text', () => {
    const c = createCluster({ seed: 5 });
    expect(() => c.api.create(pi({}, 'Always'))).toThrow('Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"');
  });

  it('runs completions 4 with parallelism 2, never more than 2 active, then completes', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi({ completions: 4, parallelism: 2 }));
    let most = 0;
    const unwatch = c.api.watch(() => void (most = Math.max(most, active(c).length)));
    c.settle();
    expect(active(c).length).toBe(2);
    const pod = active(c)[0]!;
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    for (let i = 0; i < 4; i++) {
      c.advance(5000);
      finish(c, active(c)[0]!, 'Succeeded');
    }
    unwatch();
    expect(most).toBe(2);
    const job = c.api.get('Job', 'default', 'pi');
    expect(job.status.succeeded).toBe(4);
    expect(job.status.conditions.map((x: { type: string; reason: string }) => `${x.type}/${x.reason}`)).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    expect(job.status.completionTime).toBeDefined();
    expect(job.status.uncountedTerminatedPods).toEqual({});
    expect(job.status.ready).toBe(0);
    expect(jobPods(c).every((p) => !p.metadata.finalizers)).toBe(true);
    const evs = c.api.list('Event').filter((e) => e.involvedObject.kind === 'Job').map((e) => e.reason);
    expect(evs.filter((r) => r === 'SuccessfulCreate').length).toBe(4);
    expect(evs).toContain('Completed');
    expect(c.failures).toEqual([]);
  });

  it('backs off 10s, 20s, 40s between failures and fails past backoffLimit', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi({ backoffLimit: 2 }));
    c.settle();
    const created: number[] = [];
    const unwatch = c.api.watch((ev) => {
      if (ev.type === 'ADDED' && ev.object.kind === 'Pod') created.push(c.clock.now());
    });
    for (let i = 0; i < 3; i++) {
      const t = c.clock.now();
      finish(c, active(c)[0]!, 'Failed');
      if (i < 2) {
        expect(active(c).length).toBe(0);
        c.advanceUntil(() => active(c).length > 0, 600_000);
        expect(c.clock.now() - t).toBe(10_000 * 2 ** i);
      }
    }
    unwatch();
    expect(created.length).toBe(2);
    const job = c.api.get('Job', 'default', 'pi');
    expect(job.status.failed).toBe(3);
    expect(job.status.conditions.map((x: { type: string; reason: string; message: string }) => `${x.type}/${x.reason}/${x.message}`)).toEqual([
      'FailureTarget/BackoffLimitExceeded/Job has reached the specified backoff limit',
      'Failed/BackoffLimitExceeded/Job has reached the specified backoff limit',
    ]);
    expect(c.api.list('Event').some((e) => e.reason === 'BackoffLimitExceeded' && e.type === 'Warning')).toBe(true);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi({ activeDeadlineSeconds: 30 }));
    drive(c);
    c.advance(31_000);
    const job = c.api.get('Job', 'default', 'pi');
    expect(job.status.conditions.map((x: { type: string; reason: string }) => `${x.type}/${x.reason}`)).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
    expect(active(c)).toEqual([]);
  });

  it('Indexed jobs name pods by index and track completedIndexes', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi({ completions: 3, parallelism: 3, completionMode: 'Indexed' }));
    c.settle();
    const pods = active(c);
    expect(pods.map((p) => p.metadata.annotations['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2']);
    const p1 = pods.find((p) => p.metadata.labels['batch.kubernetes.io/job-completion-index'] === '1')!;
    expect(p1.metadata.name).toMatch(/^pi-1-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p1.spec.hostname).toBe('pi-1');
    expect(p1.spec.containers[0].env).toContainEqual({ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } });
    finish(c, p1, 'Succeeded');
    expect(c.api.get('Job', 'default', 'pi').status.completedIndexes).toBe('1');
    const p0 = active(c).find((p) => p.metadata.labels['batch.kubernetes.io/job-completion-index'] === '0')!;
    finish(c, p0, 'Succeeded');
    expect(c.api.get('Job', 'default', 'pi').status.completedIndexes).toBe('0-1');
  });

  it('podFailurePolicy FailJob on an exit code fails at once; Ignore does not count', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }, { action: 'Ignore', onExitCodes: { operator: 'In', values: [7] } }] } }));
    c.settle();
    finish(c, active(c)[0]!, 'Failed', 7);
    expect(c.api.get('Job', 'default', 'pi').status.failed).toBeUndefined();
    c.advanceUntil(() => active(c).length > 0, 60_000);
    const pod = active(c)[0]!;
    finish(c, pod, 'Failed', 42);
    const job = c.api.get('Job', 'default', 'pi');
    expect(job.status.conditions[0]).toMatchObject({
      type: 'FailureTarget',
      reason: 'PodFailurePolicy',
      message: `Container pi for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0`,
    });
    expect(job.status.conditions[1].type).toBe('Failed');
  });

  it('suspend deletes active pods; resume recreates them', () => {
    const c = createCluster({ seed: 5 });
    c.api.create(pi({ parallelism: 2, completions: 2 }));
    c.settle();
    expect(active(c).length).toBe(2);
    c.api.mutate('Job', 'default', 'pi', (j) => void (j.spec.suspend = true));
    c.settle();
    expect(active(c).length).toBe(0);
    let job = c.api.get('Job', 'default', 'pi');
    expect(job.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(job.status.failed).toBeUndefined();
    c.api.mutate('Job', 'default', 'pi', (j) => void (j.spec.suspend = false));
    c.settle();
    job = c.api.get('Job', 'default', 'pi');
    expect(active(c).length).toBe(2);
    expect(job.status.conditions[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed' });
  });
});
