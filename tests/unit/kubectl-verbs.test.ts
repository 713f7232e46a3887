/**
 * kubectl's verb list: each verb's module loads on first use, so `kubectl --help` and completion
 * work from the list's own names and summaries. They must be the modules' own.
 */
import { describe, expect, it } from 'vitest';
import { findVerb, loadAllVerbs, VERBS } from '../../src/kubectl/commands/index.ts';
import { createSession } from '../../src/shell/session.ts';

async function run(line: string): Promise<{ out: string; err: string; code: number }> {
  const session = createSession();
  let out = '';
  let err = '';
  const code = await session.run(line, { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { out, err, code };
}

describe('kubectl verbs loaded on first use', () => {
  it('each entry names and summarises the command its module exports', async () => {
    const commands = await loadAllVerbs();
    expect(commands.map((c) => [c.name, c.short])).toEqual(VERBS.map((v) => [v.name, v.short]));
    expect(new Set(VERBS.map((v) => v.name)).size).toBe(VERBS.length);
  });

  it('a verb is imported once, however often it is asked for', async () => {
    const get = findVerb('get')!;
    const [a, b] = await Promise.all([get.load(), get.load()]);
    expect(a).toBe(b);
    expect(a.run).toBeTypeOf('function');
    expect(findVerb('gett')).toBeUndefined();
  });

  it('kubectl --help lists every verb with its summary, once', async () => {
    const { out, code } = await run('kubectl --help');
    expect(code).toBe(0);
    const listed = out.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    // cmd.go filters `options` out of the root help (ActsAsRootCommand's filters).
    const shown = VERBS.map((v) => v.name).filter((n) => n !== 'options');
    expect([...listed].sort()).toEqual([...shown, 'kubectl'].sort());
    expect(out).toMatch(/^ {2}describe +Show details of a specific resource or group of resources$/m);
  });

  it('an unknown verb is refused as kubectl refuses it', async () => {
    const { err, code } = await run('kubectl gett pods');
    expect(code).toBe(1);
    expect(err).toBe('error: unknown command "gett" for "kubectl"\n');
  });

  it('completion loads a verb to offer its sub-commands and flags', async () => {
    const session = createSession();
    expect((await session.complete('kubectl rollout st', 18)).candidates).toEqual(['status']);
    expect((await session.complete('kubectl drain --ign', 19)).candidates).toContain('--ignore-daemonsets');
    expect((await session.complete('k desc', 6)).candidates).toEqual(['describe']);
  });
});
