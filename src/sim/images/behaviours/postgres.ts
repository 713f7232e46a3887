/**
 * postgres: without POSTGRES_PASSWORD (or trust auth) the entrypoint prints its error and exits 1;
 * otherwise it initialises the cluster and accepts connections on 5432.
 */
import type { ImageBehaviour } from '../behaviour.ts';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

export const postgres: ImageBehaviour = {
  name: 'postgres',
  repositories: ['library/postgres', 'bitnami/postgresql'],
  hasTag: (t) => /^(latest|alpine|bookworm|trixie|1[0-8](\.\d{1,2})?(-alpine|-bookworm|-trixie)?)$/.test(t),
  sizeBytes: 158_263_122,
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['postgres'],
  shell: 'bash',
  stopMs: () => 500,
  run(_argv, ctx) {
    if (!ctx.env.POSTGRES_PASSWORD && ctx.env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
      const lines = [
        'Error: Database is uninitialized and superuser password is not specified.',
        '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
        '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
        '',
        '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
        '       connections without a password. This is *not* recommended.',
        '',
        '       See PostgreSQL documentation about "trust":',
        '       https://www.postgresql.org/docs/current/auth-trust.html',
      ];
      return { events: lines.map((log) => ({ at: 80, log })), exit: { at: 100, code: 1 } };
    }
    const t = (ms: number) => stamp(ctx.startedAt + ms);
    return {
      events: [
        { at: 100, log: 'The files belonging to this database system will be owned by user "postgres".' },
        { at: 100, log: 'This user must also own the server process.' },
        { at: 2500, log: 'PostgreSQL init process complete; ready for start up.' },
        { at: 2600, log: `${t(2600)} [1] LOG:  starting PostgreSQL 18.1 (Debian 18.1-1.pgdg13+2) on x86_64-pc-linux-gnu, compiled by gcc (Debian 14.2.0-19) 14.2.0, 64-bit` },
        { at: 2610, log: `${t(2610)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432` },
        { at: 2620, log: `${t(2620)} [1] LOG:  database system is ready to accept connections` },
      ],
    };
  },
  tcpPorts: [5432],
};
