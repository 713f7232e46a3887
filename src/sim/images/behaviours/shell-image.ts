/**
 * Images whose main process is a shell or a coreutils command: busybox, alpine (BusyBox ash),
 * ubuntu and debian (bash). The container's argv runs through the sh interpreter in virtual time,
 * so `sleep 3600`, `sh -c 'while true; do date; sleep 5; done'` or `echo hi; exit 3` behave as
 * they would. A shell or `sleep` as PID 1 ignores SIGTERM and is killed when the grace period ends.
 */
import type { ImageBehaviour, ProcessContext, ProgramEvent, ProgramRun } from '../behaviour.ts';
import { Shell, type ShellFs, type ShellRun } from '../shell/interpreter.ts';

/** A read-only view of the container's files for a replayed run (writes become events). */
export function processFs(ctx: ProcessContext): ShellFs {
  return {
    read: (p) => ctx.readFile(p),
    write: () => undefined,
    remove: () => false,
    list: (p) => ctx.listDir(p),
    isDir: (p) => ctx.listDir(p) !== undefined,
    isReadOnly: (p) => ctx.isReadOnly(p),
  };
}

/** Turns a shell run into log lines (one event per completed line) and file writes. */
export function toProgramRun(run: ShellRun): ProgramRun {
  const events: ProgramEvent[] = [];
  const partial: Record<number, { text: string; at: number }> = {};
  const all = [
    ...run.output.map((o) => ({ at: o.at, kind: 'out' as const, o })),
    ...run.writes.map((w) => ({ at: w.at, kind: 'write' as const, w })),
  ].sort((a, b) => a.at - b.at);
  for (const item of all) {
    if (item.kind === 'write') {
      events.push({ at: item.at, write: { path: item.w.path, content: item.w.content, append: item.w.append, ...(item.w.remove ? { remove: true } : {}) } });
      continue;
    }
    const buf = (partial[item.o.stream] ??= { text: '', at: item.at });
    if (!buf.text) buf.at = item.at;
    buf.text += item.o.text;
    const parts = buf.text.split('\n');
    buf.text = parts.pop()!;
    for (const line of parts) events.push({ at: item.at, log: line });
  }
  if (run.exit) {
    for (const b of Object.values(partial)) if (b.text) events.push({ at: run.exit.at, log: b.text });
  }
  if (run.stoppedAt !== undefined) return { events, stoppedAt: run.stoppedAt };
  return run.exit ? { events, exit: run.exit } : { events };
}

function shellImage(name: string, repositories: string[], flavour: 'busybox' | 'bash', cmd: string[], sizeBytes: number, tags: RegExp): ImageBehaviour {
  return {
    name,
    repositories,
    hasTag: (t) => tags.test(t),
    sizeBytes,
    entrypoint: [],
    cmd,
    shell: flavour,
    stopMs: () => undefined,
    run(argv, ctx, until) {
      const result = Shell.execute(
        // Looking days ahead for an exit gets a small budget; replaying up to now grows with time.
        { fs: processFs(ctx), env: ctx.env, startedAt: ctx.startedAt, until, flavour, interactive: ctx.interactive, maxSteps: ctx.lookahead ? 20_000 : 200_000 + Math.floor(until / 100) },
        { argv },
      );
      return toProgramRun(result);
    },
  };
}

export const busybox = shellImage('busybox', ['library/busybox'], 'busybox', ['sh'], 2_156_519, /^(latest|stable|musl|glibc|uclibc|1\.3[0-7](\.\d)?(-(musl|glibc|uclibc))?|1\.2\d(\.\d)?)$/);
export const alpine = shellImage('alpine', ['library/alpine'], 'busybox', ['/bin/sh'], 3_644_069, /^(latest|edge|3(\.\d{1,2}){0,2})$/);
export const ubuntu = shellImage('ubuntu', ['library/ubuntu'], 'bash', ['/bin/bash'], 29_724_688, /^(latest|rolling|noble|jammy|focal|(1[468]|2[0-6])\.(04|10))$/);
export const debian = shellImage('debian', ['library/debian'], 'bash', ['bash'], 48_494_272, /^(latest|stable|bookworm|bullseye|trixie|(1[0-3])(-slim)?|bookworm-slim|trixie-slim)$/);
