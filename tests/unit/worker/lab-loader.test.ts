import { describe, expect, it } from 'vitest';
import { bundledLabIds, loadLab } from '../../../src/worker/lab-loader.ts';
import { startLabSession } from '../../../src/labs/lab-session.ts';

describe('lab-loader', () => {
  it('bundles every lab folder with a lab.yaml', () => {
    expect(bundledLabIds()).toContain('sts-canary-partition');
  });

  it('loads a lab, its files (not the wrong answers) and its grader, and starts it', async () => {
    const { bundle, grader, solution } = await loadLab('sts-canary-partition');
    expect(bundle.lab.id).toBe('sts-canary-partition');
    expect(Object.keys(bundle.files)).toContain('lab.yaml');
    expect(Object.keys(bundle.files).some((f) => f.includes('wrong'))).toBe(false);
    expect(solution).not.toBe('');
    expect(Object.keys(grader.tasks).length).toBeGreaterThan(0);
    const controller = await startLabSession(bundle, { grader, solution });
    let out = '';
    const code = await controller.run.session.run('lab', { stdout: (s) => (out += s), stderr: (s) => (out += s) });
    expect(code).toBe(0);
    expect(out).toContain(bundle.lab.title);
  });

  it('names the bundled labs when asked for one that does not exist', async () => {
    await expect(loadLab('no-such-lab')).rejects.toThrow(/unknown lab "no-such-lab"; labs: .*sts-canary-partition/);
  });
});
