/** redis: the server's start-up banner lines, then it serves on 6379 until stopped. */
import type { ImageBehaviour } from '../behaviour.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
}

export const redis: ImageBehaviour = {
  name: 'redis',
  repositories: ['library/redis', 'bitnami/redis'],
  hasTag: (t) => /^(latest|alpine|bookworm|[5-8](\.\d{1,2}){0,2}(-alpine|-bookworm)?)$/.test(t),
  sizeBytes: 52_347_981,
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['redis-server'],
  shell: 'bash',
  stopMs: () => 150,
  run(_argv, ctx) {
    const at = (ms: number) => stamp(ctx.startedAt + ms);
    const lines: [number, string][] = [
      [20, `1:C ${at(20)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`],
      [20, `1:C ${at(20)} * Redis version=8.2.3, bits=64, commit=00000000, modified=1, pid=1, just started`],
      [20, `1:C ${at(20)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`],
      [21, `1:M ${at(21)} * monotonic clock: POSIX clock_gettime`],
      [21, `1:M ${at(21)} * Running mode=standalone, port=6379.`],
      [22, `1:M ${at(22)} * Server initialized`],
      [22, `1:M ${at(22)} * Ready to accept connections tcp`],
    ];
    return { events: lines.map(([t, log]) => ({ at: t, log })) };
  },
  tcpPorts: [6379],
};
