/**
 * `kubectl` and `k` in the learner's shell: runs src/kubectl with a host built from the session
 * (kubeconfig, time, files relative to the shell's cwd, the editor for `kubectl edit`). When the
 * command's stdout is the terminal (KUBELAB_TTY), output is written live so `get -w` streams.
 */
import { decodeBytesToUtf8, defineCommand, type Command } from 'just-bash';
import { runKubectl, type KubectlHost } from '../../kubectl/index.ts';
import type { ShellServices } from '../services.ts';
import { TTY_ENV, TTY_STDERR_ENV } from '../terminal-transform.ts';

export function kubectlHost(s: ShellServices, cwd: string): KubectlHost {
  const fs = s.fs;
  const resolve = (p: string) => fs.resolvePath(cwd, p);
  const host: KubectlHost = {
    kubeconfig: s.kubeconfig,
    time: s.time,
    cwd,
    async readFile(path) {
      try {
        const full = resolve(path);
        const st = await fs.stat(full);
        if (!st.isFile) return undefined;
        return await fs.readFile(full);
      } catch {
        return undefined;
      }
    },
    async readDir(path) {
      try {
        const full = resolve(path);
        const st = await fs.stat(full);
        if (!st.isDirectory) return undefined;
        return (await fs.readdir(full)).sort();
      } catch {
        return undefined;
      }
    },
    async writeFile(path, content) {
      await fs.writeFile(resolve(path), content);
    },
  };
  const editor = s.editor;
  if (editor) host.edit = (fileName, content) => editor(fileName, content, 'edit');
  return host;
}

export function kubectlCommand(name: string, s: ShellServices): Command {
  return defineCommand(name, async (args, ctx) => {
    const tty = ctx.env.get(TTY_ENV) === '1';
    const ttyErr = tty && ctx.env.get(TTY_STDERR_ENV) === '1';
    let stdout = '';
    let stderr = '';
    s.stopIfInterrupted();
    if (ctx.signal?.aborted) return { stdout: '', stderr: '', exitCode: 130 };
    const terminal = s.terminal();
    const run = (signal: AbortSignal | undefined) =>
      runKubectl(args, kubectlHost(s, ctx.cwd), {
        stdin: decodeBytesToUtf8(ctx.stdin),
        out: (t) => {
          if (tty) terminal.stdout(t);
          else stdout += t;
        },
        err: (t) => {
          if (ttyErr) terminal.stderr(t);
          else stderr += t;
        },
        signal,
      });
    // Output kept for a pipe: Ctrl-C ends a watch here and lets the pipe have what it printed.
    const code = tty ? await run(ctx.signal) : await s.untilInterrupt(ctx.signal, run);
    return { stdout, stderr, exitCode: code };
  });
}
