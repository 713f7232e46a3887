/** mongo: mongod's structured start-up log lines, then it listens on 27017. */
import type { ImageBehaviour } from '../behaviour.ts';

function line(ms: number, c: string, id: number, ctxName: string, msg: string, attr?: Record<string, unknown>): string {
  const date = new Date(ms).toISOString().replace('Z', '+00:00');
  return JSON.stringify({ t: { $date: date }, s: 'I', c, id, ctx: ctxName, msg, ...(attr ? { attr } : {}) });
}

export const mongo: ImageBehaviour = {
  name: 'mongo',
  repositories: ['library/mongo', 'bitnami/mongodb'],
  hasTag: (t) => /^(latest|[4-8](\.\d{1,2}){0,2}(-noble|-jammy)?)$/.test(t),
  sizeBytes: 282_134_591,
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mongod'],
  shell: 'bash',
  stopMs: () => 800,
  run(_argv, ctx) {
    const s = ctx.startedAt;
    return {
      events: [
        { at: 300, log: line(s + 300, 'CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\'') },
        { at: 320, log: line(s + 320, 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid: 1, port: 27017, dbPath: '/data/db', architecture: '64-bit', host: ctx.hostname }) },
        { at: 900, log: line(s + 900, 'NETWORK', 23015, 'listener', 'Listening on', { address: '0.0.0.0' }) },
        { at: 900, log: line(s + 900, 'NETWORK', 23016, 'listener', 'Waiting for connections', { port: 27017, ssl: 'off' }) },
      ],
    };
  },
  tcpPorts: [27017],
};
