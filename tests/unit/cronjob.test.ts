import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../src/sim/cluster.ts';
import { EPOCH_MS } from '../../src/sim/clock.ts';
import type { Stored } from '../../src/sim/apiserver/types.ts';
import { toRFC3339 } from '../../src/sim/clock.ts';

function hello(extra: Record<string, unknown> = {}, schedule = '*/15 * * * *') {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule,
      jobTemplate: { spec: { template: { spec: { containers: [{ name: 'hello', image: 'busybox:1.28', command: ['date'] }], restartPolicy: 'OnFailure' } } } },
      ...extra,
    },
  };
}

const jobs = (c: Cluster) => c.api.list('Job').map((j) => j.metadata.name);

/** Completes every job's pods at once (stand-in for the containers finishing). */
function completeJobs(c: Cluster) {
  for (const p of c.api.list('Pod')) {
    if (!p.metadata.labels?.['job-name'] || p.status?.phase === 'Succeeded' || p.metadata.deletionTimestamp) continue;
    c.api.mutate('Pod', p.metadata.namespace, p.metadata.name!, (x) => {
      x.status = { ...x.status, phase: 'Succeeded', containerStatuses: [{ name: 'hello', ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: toRFC3339(c.clock.now()) } } }] };
    }, { subresource: 'status' });
  }
  c.settle();
}

describe('CronJob controller', () => {
  it('runs every 15 minutes over an hour with minute-stamped names, keeping 3 successful jobs', () => {
    const c = createCluster({ seed: 9 });
    c.api.create(hello());
    c.settle();
    expect(jobs(c)).toEqual([]);
    for (let i = 0; i < 5; i++) {
      c.advance(15 * 60_000);
      completeJobs(c);
    }
    const base = Math.floor(EPOCH_MS / 60_000);
    expect(jobs(c)).toEqual([`hello-${base + 30}`, `hello-${base + 45}`, `hello-${base + 60}`, `hello-${base + 75}`].slice(1));
    const cj = c.api.get('CronJob', 'default', 'hello');
    expect(cj.status.lastScheduleTime).toBe(toRFC3339(EPOCH_MS + 75 * 60_000));
    expect(cj.status.lastSuccessfulTime).toBeDefined();
    expect(cj.status.active).toBeUndefined();
    const job = c.api.get('Job', 'default', `hello-${base + 75}`);
    expect(job.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(toRFC3339(EPOCH_MS + 75 * 60_000));
    expect(job.metadata.ownerReferences![0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
    const reasons = c.api.list('Event').filter((e) => e.involvedObject.kind === 'CronJob').map((e) => `${e.reason}: ${e.message}`);
    expect(reasons).toContain(`SuccessfulCreate: Created job hello-${base + 75}`);
    expect(reasons).toContain(`SawCompletedJob: Saw completed job: hello-${base + 60}, condition: Complete`);
    expect(reasons).toContain(`SuccessfulDelete: Deleted job hello-${base + 30}`);
    expect(c.failures).toEqual([]);
  });

  it('@hourly fires each hour as a background timer', () => {
    const c = createCluster({ seed: 9 });
    c.api.create(hello({}, '@hourly'));
    expect(c.advanceUntilQuiet(60_000)).toBe(true);
    c.advance(3 * 3600_000);
    expect(jobs(c).length).toBe(3);
  });

  it('Forbid skips a run while one is active; Replace deletes the active one', () => {
    const c = createCluster({ seed: 9 });
    const long = hello({ concurrencyPolicy: 'Forbid' }, '*/1 * * * *');
    long.spec.jobTemplate.spec.template.spec.containers[0]!.command = ['sleep', '3600'];
    c.api.create(long);
    c.advance(61_000);
    c.advance(61_000);
    expect(jobs(c).length).toBe(1);
    expect(c.api.list('Event').some((e) => e.reason === 'JobAlreadyActive')).toBe(true);
    c.api.mutate('CronJob', 'default', 'hello', (x) => void (x.spec.concurrencyPolicy = 'Replace'));
    c.advance(61_000);
    const names = c.api.list('Job').filter((j: Stored) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name);
    expect(names).toEqual([`hello-${Math.floor(c.clock.now() / 60_000)}`]);
  });

  it('suspend stops new jobs', () => {
    const c = createCluster({ seed: 9 });
    c.api.create(hello({ suspend: true }, '*/1 * * * *'));
    c.advance(5 * 60_000);
    expect(jobs(c)).toEqual([]);
  });

  it('validates schedules and time zones with the upstream texts', () => {
    const c = createCluster({ seed: 9 });
    expect(() => c.api.create(hello({}, 'CRON_TZ=UTC 0 * * * *'))).toThrow('spec.schedule: Invalid value: "CRON_TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    expect(() => c.api.create(hello({}, '*/5 * * *'))).toThrow('spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]');
    expect(() => c.api.create(hello({}, '61 * * * *'))).toThrow('end of range (61) above maximum (59): 61');
    expect(() => c.api.create(hello({ timeZone: 'Mars/Olympus' }))).toThrow('spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus');
    expect(() => c.api.create({ ...hello(), spec: { ...hello().spec, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a', image: 'b' }], restartPolicy: 'Always' } } } } } })).toThrow(
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });

  it('reports robfig\'s error and any TZ in the schedule, as validateScheduleFormat does', () => {
    const c = createCluster({ seed: 9 });
    let message = '';
    try {
      c.api.create(hello({}, 'TZ=Mars/Olympus 0 * * * *'));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('spec.schedule: Invalid value: "TZ=Mars/Olympus 0 * * * *": provided bad location Mars/Olympus: unknown time zone Mars/Olympus');
    expect(message).toContain('spec.schedule: Invalid value: "TZ=Mars/Olympus 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    expect(() => c.api.create(hello({}, '0 TZ * * *'))).toThrow('failed to parse int from TZ: strconv.Atoi: parsing "TZ": invalid syntax');
    expect(() => c.api.create(hello({}, '0 0 * * 7'))).toThrow('end of range (7) above maximum (6): 7');
  });

  it('validates timeZone as validateTimeZone does', () => {
    const c = createCluster({ seed: 9 });
    const fails = (timeZone: string) => {
      try {
        c.api.create(hello({ timeZone }));
      } catch (e) {
        return (e as Error).message;
      }
      c.api.delete('CronJob', 'default', 'hello');
      return 'created';
    };
    expect(fails('')).toContain('spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string');
    expect(fails(' Continent/Zone')).toContain('spec.timeZone: Invalid value: " Continent/Zone": unknown time zone  Continent/Zone');
    expect(fails('Local')).toContain('spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
    expect(fails('Local')).not.toContain('unknown time zone');
    expect(fails('local')).toContain('spec.timeZone: Invalid value: "local": unknown time zone local');
    expect(fails('europe/berlin')).toContain('spec.timeZone: Invalid value: "europe/berlin": unknown time zone europe/berlin');
    expect(fails('Europe/Berlin')).toBe('created');
    expect(fails('Etc/GMT+5')).toBe('created');
  });

  it('a schedule that never fires gets InvalidSchedule and no wake-up', () => {
    const c = createCluster({ seed: 9 });
    c.api.create(hello({}, '0 0 31 2 *'));
    expect(c.advanceUntilQuiet(60_000)).toBe(true);
    const events = c.api.list('Event').filter((e) => e.involvedObject.kind === 'CronJob').map((e) => `${e.type} ${e.reason}: ${e.message}`);
    expect(events).toEqual(['Warning InvalidSchedule: invalid schedule: 0 0 31 2 * : time difference between two schedules is less than 1 second']);
    c.advance(3600_000);
    expect(jobs(c)).toEqual([]);
    expect(c.failures).toEqual([]);
  });

  it('honours timeZone for the schedule', () => {
    const c = createCluster({ seed: 9 });
    // 09:00 UTC is 10:00 in Berlin in January; "0 11 * * *" Berlin fires at 10:00 UTC.
    c.api.create(hello({ timeZone: 'Europe/Berlin' }, '0 11 * * *'));
    c.advance(60 * 60_000 + 1000);
    const j = c.api.list('Job')[0]!;
    expect(j.metadata.annotations!['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-05T11:00:00+01:00');
  });

  it('warns about too many missed start times unless startingDeadlineSeconds bounds the search', () => {
    const c = createCluster({ seed: 9 });
    c.api.create(hello({ suspend: true }, '*/1 * * * *'));
    c.api.create({ ...hello({ suspend: true, startingDeadlineSeconds: 200 }, '*/1 * * * *'), metadata: { name: 'bounded', namespace: 'default' } });
    c.advance(3 * 3600_000);
    c.api.mutate('CronJob', 'default', 'hello', (x) => void (x.spec.suspend = false));
    c.api.mutate('CronJob', 'default', 'bounded', (x) => void (x.spec.suspend = false));
    c.settle();
    const warnings = c.api.list('Event').filter((e) => e.reason === 'TooManyMissedTimes');
    expect(warnings.map((e) => `${e.involvedObject.name}: ${e.message}`)).toEqual([
      'hello: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    ]);
    const now = Math.floor(c.clock.now() / 60_000);
    expect(jobs(c).sort()).toEqual([`bounded-${now}`, `hello-${now}`]);
  });

  it('skips a run whose start is past startingDeadlineSeconds', () => {
    const c = createCluster({ seed: 9 });
    c.api.create(hello({ startingDeadlineSeconds: 10 }, '0 * * * *'));
    c.settle();
    // The controller is woken late (as after a controller-manager restart): the 10:00 run is 50 s late.
    c.clock.set(Date.UTC(2026, 0, 5, 10, 0, 50));
    c.enqueue('cronjob', 'default/hello');
    c.settle();
    expect(jobs(c)).toEqual([]);
    expect(c.api.list('Event').some((e) => e.reason === 'MissSchedule' || e.reason === 'SuccessfulCreate')).toBe(false);
  });

  it('notes a job made from it by hand without adopting it into status.active', () => {
    const c = createCluster({ seed: 9 });
    const cj = c.api.create(hello({}, '0 0 1 1 *'));
    c.api.create({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'manual-run',
        namespace: 'default',
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid!, controller: true }],
      },
      spec: structuredClone(cj.spec.jobTemplate.spec),
    });
    c.settle();
    expect(c.api.get('CronJob', 'default', 'hello').status?.active).toBeUndefined();
    expect(c.api.list('Event').filter((e) => e.reason === 'UnexpectedJob').map((e) => e.message)).toEqual([
      'Saw a job that the controller did not create or forgot: manual-run',
    ]);
  });
});
