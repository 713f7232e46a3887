/**
 * mysql: the entrypoint refuses to initialise without a root password option (and the container
 * exits 1, the classic CrashLoopBackOff); with one it initialises and serves on 3306.
 */
import type { ImageBehaviour } from '../behaviour.ts';

const VERSION = '9.5.0-1.el9';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + '+00:00';
}

function serverStamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}

export const mysql: ImageBehaviour = {
  name: 'mysql',
  repositories: ['library/mysql', 'bitnami/mysql'],
  hasTag: (t) => /^(latest|lts|innovation|oracle|debian|[589](\.\d{1,2}){0,2}(-oracle|-debian)?)$/.test(t),
  sizeBytes: 243_217_466,
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['mysqld'],
  shell: 'bash',
  stopMs: () => 1500,
  run(_argv, ctx) {
    const t = (ms: number) => stamp(ctx.startedAt + ms);
    const head = [
      { at: 100, log: `${t(100)} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${VERSION} started.` },
      { at: 200, log: `${t(200)} [Note] [Entrypoint]: Switching to dedicated user 'mysql'` },
      { at: 210, log: `${t(210)} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${VERSION} started.` },
    ];
    const env = ctx.env;
    if (!env.MYSQL_ROOT_PASSWORD && !env.MYSQL_ALLOW_EMPTY_PASSWORD && !env.MYSQL_RANDOM_ROOT_PASSWORD) {
      return {
        events: [
          ...head,
          { at: 300, log: `${t(300)} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified` },
          { at: 300, log: '    You need to specify one of the following as an environment variable:' },
          { at: 300, log: '    - MYSQL_ROOT_PASSWORD' },
          { at: 300, log: '    - MYSQL_ALLOW_EMPTY_PASSWORD' },
          { at: 300, log: '    - MYSQL_RANDOM_ROOT_PASSWORD' },
        ],
        exit: { at: 320, code: 1 },
      };
    }
    return {
      events: [
        ...head,
        { at: 300, log: `${t(300)} [Note] [Entrypoint]: Initializing database files` },
        { at: 9000, log: `${t(9000)} [Note] [Entrypoint]: Database files initialized` },
        { at: 12000, log: `${t(12000)} [Note] [Entrypoint]: MySQL init process done. Ready for start up.` },
        { at: 13000, log: `${serverStamp(ctx.startedAt + 13000)} 0 [System] [MY-015015] [Server] MySQL Server - start.` },
        { at: 14000, log: `${serverStamp(ctx.startedAt + 14000)} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.5.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.` },
      ],
    };
  },
  tcpPorts: [3306],
};
