/**
 * Golden tests for the kubelet's stages, KWOK-style: each `<case>.input.yaml` holds a pod (and the
 * kubelet's record of it, the node's image cache, the current time); the runner fires the stage
 * that is due and compares the stage name, the events, whether the status is written, the kubelet's record and the pod's status with
 * `<case>.output.yaml`. Set UPDATE_GOLDEN=1 to write missing outputs.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { dump, load } from 'js-yaml';
import { Cluster } from '../../../src/sim/cluster.ts';
import { nodeObject } from '../../../src/sim/bootstrap.ts';
import { parseTime, toRFC3339 } from '../../../src/sim/clock.ts';
import { applyStage, dueStage, newRecord } from '../../../src/sim/kubelet/kubelet.ts';
import type { StageContext } from '../../../src/sim/kubelet/stages.ts';
import { kubeletState, type PodRecord } from '../../../src/sim/kubelet/state.ts';
import type { K8s, Stored } from '../../../src/sim/apiserver/types.ts';
import type { Node, Pod } from 'kubernetes-types/core/v1';

const dir = new URL('.', import.meta.url).pathname;

interface Case {
  now: string;
  imageCache?: string[];
  record?: Partial<PodRecord>;
  pod: K8s<Pod>;
}

function runCase(input: Case) {
  const cluster = new Cluster({ seed: 1 });
  const now = parseTime(input.now)!;
  const node = nodeObject({ name: 'node01' }, 1) as unknown as Stored<K8s<Node>>;
  const pod = input.pod as Stored<K8s<Pod>>;
  cluster.runtime.state.imageCache.node01 = [...(input.imageCache ?? [])];
  const record: PodRecord = { ...newRecord(pod, now), ...input.record };
  kubeletState(cluster.runtime).pods[pod.metadata.uid!] = record;
  const ctx: StageContext = {
    now,
    seed: 1,
    timings: cluster.timings,
    api: cluster.api,
    runtime: cluster.runtime,
    node,
    record,
    allocateIP: () => '10.244.1.7',
  };
  const due = dueStage(pod, ctx);
  if (!due) return { stage: null };
  ctx.now = Math.max(now, due.at);
  const { copy, result, changed } = applyStage(pod, due.stage, ctx);
  return {
    stage: due.stage.name,
    firesAt: toRFC3339(due.at),
    events: result.events.map((e) => `${e.type} ${e.reason} ${e.fieldPath ?? ''}: ${e.message}`),
    deleted: Boolean(result.deleted),
    written: changed,
    record: { ip: record.ip, pull: record.pull },
    status: result.deleted ? undefined : JSON.parse(JSON.stringify(copy.status)),
  };
}

const cases = readdirSync(dir).filter((f) => f.endsWith('.input.yaml')).sort();

describe('kubelet stages (golden)', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThan(5));
  for (const file of cases) {
    it(file.replace('.input.yaml', ''), () => {
      const input = load(readFileSync(join(dir, file), 'utf8')) as Case;
      const actual = runCase(input);
      const outPath = join(dir, file.replace('.input.yaml', '.output.yaml'));
      if (!existsSync(outPath) && process.env.UPDATE_GOLDEN) writeFileSync(outPath, dump(actual, { lineWidth: 200, noRefs: true }));
      expect(actual).toEqual(load(readFileSync(outPath, 'utf8')));
    });
  }
});
