import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { LabSchema } from '../../src/labs/schema.ts';
import { expectedFailure } from '../../src/labs/check.ts';
import { newProgress, recordResults, score, currentTask } from '../../src/labs/progress.ts';
import { Timeline } from '../../src/labs/timeline.ts';

const LABS = join(import.meta.dirname, '../../labs');
const ids = readdirSync(LABS).filter((d) => existsSync(join(LABS, d, 'lab.yaml')));

describe('lab folders', () => {
  it('has at least sixteen labs', () => {
    expect(ids.length).toBeGreaterThanOrEqual(16);
  });

  it.each(ids)('%s validates, has a grader, a solution and named near misses', (id) => {
    const lab = LabSchema.parse(load(readFileSync(join(LABS, id, 'lab.yaml'), 'utf8')));
    expect(lab.id).toBe(id);
    expect(existsSync(join(LABS, '../graders', `${id}.ts`))).toBe(true);
    expect(existsSync(join(LABS, id, 'solution.sh'))).toBe(true);
    const wrong = readdirSync(join(LABS, id, 'wrong')).filter((f) => f.endsWith('.sh'));
    expect(wrong.length).toBeGreaterThanOrEqual(2);
    for (const w of wrong) {
      const named = expectedFailure(readFileSync(join(LABS, id, 'wrong', w), 'utf8'));
      expect(named, `${id}/wrong/${w} names a check`).toBeDefined();
      expect(lab.tasks.map((t) => t.id)).toContain(named!.task);
    }
  });
});

describe('lab schema', () => {
  const base = {
    id: 'x',
    title: 'X',
    chapter: '03-statefulsets',
    summary: 's',
    difficulty: 'beginner',
    minutes: 5,
    tasks: [{ id: 't', title: 'T', text: 'do it', points: 10 }],
  };

  it('fills defaults', () => {
    const lab = LabSchema.parse(base);
    expect(lab.cluster.seed).toBe(1);
    expect(lab.tasks[0]!.hints).toEqual([]);
  });

  it('rejects unknown fields and malformed steps', () => {
    expect(() => LabSchema.parse({ ...base, extra: 1 })).toThrow(/Unrecognized key/);
    expect(() => LabSchema.parse({ ...base, cluster: { setup: [{ wait: { object: 'quiz', for: 'ready' } }] } })).toThrow(/TYPE\/NAME/);
    expect(() => LabSchema.parse({ ...base, cluster: { setup: [{ advance: 'soon' }] } })).toThrow(/duration/);
  });
});

describe('near-miss headers', () => {
  it('reads "# fails: task/check name"', () => {
    expect(expectedFailure('# fails: canary/partition is 2\nkubectl get pods\n')).toEqual({ task: 'canary', check: 'partition is 2' });
    expect(expectedFailure('\n#fails:  finish/claim data-quiz-0 kept  \n')).toEqual({ task: 'finish', check: 'claim data-quiz-0 kept' });
    expect(expectedFailure('kubectl get pods\n# fails: a/b')).toBeUndefined();
  });
});

describe('progress and score', () => {
  const lab = LabSchema.parse({
    id: 'x',
    title: 'X',
    chapter: 'c',
    summary: 's',
    difficulty: 'beginner',
    minutes: 5,
    tasks: [
      { id: 'a', title: 'A', text: 't', points: 60, hints: [{ text: 'h', cost: 10 }] },
      { id: 'b', title: 'B', text: 't', points: 40 },
    ],
  });

  it('scores passed tasks fully, others by share of passing checks, less hint costs', () => {
    const p = newProgress(lab, 0);
    expect(currentTask(lab, p)).toBe('a');
    recordResults(p, [{ task: 'a', passed: true, checks: [{ name: 'x', passed: true, message: '' }] }]);
    recordResults(p, [{ task: 'b', passed: false, checks: [{ name: 'y', passed: true, message: '' }, { name: 'z', passed: false, message: '' }] }]);
    expect(currentTask(lab, p)).toBe('b');
    expect(score(lab, p)).toEqual({ earned: 80, total: 100 });
    p.hints.a = 1;
    expect(score(lab, p)).toEqual({ earned: 70, total: 100 });
  });

  it('keeps a pass after a later failing check', () => {
    const p = newProgress(lab, 0);
    recordResults(p, [{ task: 'a', passed: true, checks: [{ name: 'x', passed: true, message: '' }] }]);
    recordResults(p, [{ task: 'a', passed: false, checks: [{ name: 'x', passed: false, message: '' }] }]);
    expect(p.passedOnce).toEqual(['a']);
    expect(score(lab, p).earned).toBe(60);
  });
});

describe('timeline moments', () => {
  it('visits each instant once, after all of its changes', () => {
    const t = new Timeline(() => 0);
    const obs = (time: number, uid: string, ready: boolean, deleted = false) => ({
      time, namespace: 'default', name: 'p-' + uid, uid, ready, deleted, terminating: false, images: [], phase: 'Running',
    });
    t.load([obs(0, '1', true), obs(0, '2', true), obs(5, '1', false), obs(5, '3', true), obs(9, '1', false, true)]);
    const seen: [number, number][] = [];
    t.forEachMoment(() => true, (pods, time) => seen.push([time, pods.filter((p) => p.ready && !p.deleted).length]));
    expect(seen).toEqual([[0, 2], [5, 2], [9, 2]]);
  });
});
