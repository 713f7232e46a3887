/**
 * The bash commands the shell offers are the same in Node and in the browser: the ones the worker
 * does not carry answer as a missing program does, and completion offers only what runs.
 */
import { describe, expect, it } from 'vitest';
import { BASH_TOOLS } from '../../src/shell/bash-tools.ts';
import { createSession } from '../../src/shell/session.ts';

describe('bash tools', () => {
  it('leaves out what the browser build lacks and keeps the everyday tools', () => {
    for (const name of ['grep', 'awk', 'sed', 'jq', 'base64', 'sort', 'head', 'xargs']) expect(BASH_TOOLS).toContain(name);
    for (const name of ['yq', 'tar', 'gzip', 'sqlite3']) expect(BASH_TOOLS).not.toContain(name);
  });

  it('a left-out command is "command not found" with status 127, and the line goes on', async () => {
    const session = createSession();
    let out = '';
    let err = '';
    const code = await session.run('echo a | gzip; echo "status $?"; yq --version', {
      stdout: (s) => void (out += s),
      stderr: (s) => void (err += s),
    });
    expect(out).toBe('status 127\n');
    expect(err).toBe('bash: gzip: command not found\nbash: yq: command not found\n');
    expect(code).toBe(127);
    expect((await session.complete('gz', 2)).candidates).toEqual([]);
    expect((await session.complete('gre', 3)).candidates).toEqual(['grep']);
  });
});
