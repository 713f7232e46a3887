import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/shell/session.ts';

/** Tokens from which shell "syntax soup" is made: valid and broken bash, kubectl and our commands. */
const SHELL_TOKENS = [
  'echo', 'kubectl', 'k', 'cluster', 'sleep', 'vim', 'cat', 'grep', 'wc', 'cd', 'export', 'alias', 'unset',
  'history', 'get', 'pods', 'nodes', 'ns', '-n', 'default', '-o', 'yaml', 'name', '-w', '-A', 'nodes', 'node',
  'down', 'up', 'node01', 'advance', '5m', '1', 'X=1', '$X', '"$X"', "'a b'", '"', "'", '|', '||', '&&', ';',
  '&', '>', '>>', '2>&1', '<', '/tmp/x', '/dev/tty', '$(', ')', '`', '{', '}', '(', ')', 'for', 'i', 'in',
  'do', 'done', 'while', 'true', 'false', 'if', 'then', 'else', 'fi', 'case', 'esac', 'f()', '<<EOF', 'EOF',
  '\n', '*', '~', '$?', '${X:-y}', '$((1+2))', '#', '\\', '!', 'break', 'return', 'local', 'declare', 'set',
  '-e', '-x', 'shopt', 'expand_aliases', 'read', 'printf', '%s\\n', 'seq', '3', 'xargs', 'head', '-1',
];

const KUBECTL_TOKENS = [
  'get', 'describe', 'delete', 'create', 'apply', 'run', 'scale', 'label', 'annotate', 'patch', 'rollout',
  'status', 'logs', 'exec', 'wait', 'config', 'use-context', 'version', 'api-resources', 'events', 'cordon',
  'pods', 'po', 'deploy', 'sts', 'ds', 'jobs', 'cronjobs', 'pvc', 'pv', 'nodes', 'ns', 'svc', 'nope',
  'web', 'pod/web', 'deployment', '--image=nginx', '--replicas=2', '-n', 'kube-system', '-A', '-o', 'wide',
  'json', 'yaml', 'name', 'jsonpath={.items[*].metadata.name}', '-l', 'app=web', '--all', '--force',
  '--grace-period=0', '--timeout=10s', '--for=condition=Ready', '-f', '-', '--dry-run=client', '-w',
  '--show-labels', '--', 'sh', '-c', 'echo hi', '=', '--', '---', '-', '--bogus', '', ' ',
];

async function runLine(session: Session, line: string): Promise<{ out: string; err: string; exit: number }> {
  let out = '';
  let err = '';
  const exit = await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { out, err, exit };
}

function withDeadline<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer after ${ms} ms`)), ms))]);
}

const soup = fc.array(fc.constantFrom(...SHELL_TOKENS), { minLength: 1, maxLength: 12 }).map((t) => t.join(' '));
const kubectlLine = fc
  .array(fc.oneof(fc.constantFrom(...KUBECTL_TOKENS), fc.string({ maxLength: 6 })), { minLength: 0, maxLength: 7 })
  .map((t) => `kubectl ${t.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ')}`);

describe('the session under random input', () => {
  it('never crashes or hangs, and keeps working afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(soup, kubectlLine), { minLength: 1, maxLength: 4 }), async (lines) => {
        const session = createSession({ seed: 3, maxLineMs: 4000 });
        for (const line of lines) {
          const r = await withDeadline(runLine(session, line), 15_000);
          expect(Number.isInteger(r.exit)).toBe(true);
          expect(r.exit).toBeGreaterThanOrEqual(0);
          expect(r.exit).toBeLessThan(256);
        }
        // Whatever happened, the shell still answers (unless the learner changed what echo means).
        const after = await withDeadline(runLine(session, 'unset -f echo builtin 2>/dev/null; unalias -a; builtin echo ok'), 15_000);
        expect(after.out).toBe('ok\n');
      }),
      { numRuns: 40 },
    );
  }, 600_000);

  it('gives the same transcript for the same seed and lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(soup, kubectlLine), { minLength: 1, maxLength: 4 }), async (lines) => {
        const transcript = async () => {
          const session = createSession({ seed: 11, maxLineMs: 4000 });
          const out = [];
          for (const line of lines) out.push(await runLine(session, line));
          out.push({ clock: session.current().clock.now() });
          return JSON.stringify(out);
        };
        expect(await transcript()).toBe(await transcript());
      }),
      { numRuns: 20 },
    );
  }, 600_000);
});
