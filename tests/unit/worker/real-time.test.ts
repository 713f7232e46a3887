import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/sim/cluster.ts';
import { RealTimeDriver } from '../../../src/worker/real-time.ts';

function setup() {
  let wall = 0;
  const ticks: number[] = [];
  const driver = new RealTimeDriver({ now: () => wall, onTick: () => ticks.push(wall) });
  const cluster = createCluster({ seed: 1 });
  driver.attach(cluster);
  const t0 = cluster.clock.now();
  return {
    driver,
    cluster,
    t0,
    ticks,
    wallPasses(ms: number) {
      wall += ms;
      driver.tick();
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('RealTimeDriver', () => {
  it('moves the cluster clock with wall time times the speed, and not when paused', () => {
    const s = setup();
    s.wallPasses(1000);
    expect(s.cluster.clock.now() - s.t0).toBe(1000);
    s.driver.setSpeed(10);
    s.wallPasses(500);
    expect(s.cluster.clock.now() - s.t0).toBe(6000);
    s.driver.setSpeed(0);
    s.wallPasses(60_000);
    expect(s.cluster.clock.now() - s.t0).toBe(6000);
    expect(s.ticks.length).toBe(2);
  });

  it('ends a sleep exactly at its deadline, on the tick that passes it', async () => {
    const s = setup();
    let done = false;
    const p = s.driver.sleep(s.cluster, 2500).then(() => (done = true));
    s.wallPasses(1000);
    s.wallPasses(1000);
    await flush();
    expect(done).toBe(false);
    s.wallPasses(1000);
    await p;
    // The clock stopped at the deadline for the waiter, then ran on to the tick's end.
    expect(s.cluster.clock.now() - s.t0).toBe(3000);
    expect(done).toBe(true);
  });

  it('resolves a wait true as soon as its condition holds, false at the timeout, false on abort', async () => {
    const s = setup();
    const target = s.t0 + 1500;
    const met = s.driver.waitUntil(s.cluster, () => s.cluster.clock.now() >= target, 10_000);
    const timeout = s.driver.waitUntil(s.cluster, () => false, 2000);
    const abort = new AbortController();
    const aborted = s.driver.waitUntil(s.cluster, () => false, 60_000, abort.signal);
    s.wallPasses(3000);
    expect(await met).toBe(true);
    expect(await timeout).toBe(false);
    abort.abort();
    expect(await aborted).toBe(false);
  });

  it('resolves at once when the condition already holds', async () => {
    const s = setup();
    expect(await s.driver.waitUntil(s.cluster, () => true, 0)).toBe(true);
  });

  it('skips until only background timers are left', () => {
    const s = setup();
    expect(s.driver.skipUntilQuiet(s.cluster)).toBe(true);
    expect(s.cluster.clock.busy()).toBe(false);
  });
});
