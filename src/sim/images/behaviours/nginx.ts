/**
 * nginx: the docker-entrypoint start-up lines, then serves /usr/share/nginx/html on port 80 with
 * the stock "Welcome to nginx!" page. Exits within a moment of SIGTERM (the image's STOPSIGNAL is
 * SIGQUIT, a graceful shutdown).
 */
import type { ImageBehaviour, ProcessContext } from '../behaviour.ts';
import { nginxTimestamp } from '../time-format.ts';

export const NGINX_VERSION = '1.29.3';

export const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NOT_FOUND = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${NGINX_VERSION}</center>
</body>
</html>
`;

const FORBIDDEN = `<html>
<head><title>403 Forbidden</title></head>
<body>
<center><h1>403 Forbidden</h1></center>
<hr><center>nginx/${NGINX_VERSION}</center>
</body>
</html>
`;

const ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

export const HTML_ROOT = '/usr/share/nginx/html';

export const nginx: ImageBehaviour = {
  name: 'nginx',
  // registry.k8s.io/nginx-slim is the image of the StatefulSet tutorial (tags 0.8 … 0.27).
  repositories: ['library/nginx', 'nginxinc/nginx-unprivileged', 'registry.k8s.io/nginx-slim', 'k8s.gcr.io/nginx-slim'],
  hasTag: (tag) =>
    /^(latest|stable|mainline|alpine|alpine-slim|perl|bookworm|trixie|stable-alpine|mainline-alpine)$/.test(tag) ||
    /^1\.(1[4-9]|2\d)(\.\d{1,2})?(-(alpine|perl|bookworm|alpine-slim|trixie))?$/.test(tag) ||
    /^0\.([89]|1\d|2[0-7])$/.test(tag),
  sizeBytes: 59_774_427,
  entrypoint: ['/docker-entrypoint.sh'],
  cmd: ['nginx', '-g', 'daemon off;'],
  shell: 'bash',
  stopMs: () => 300,
  run(_argv, ctx) {
    const stamp = nginxTimestamp(ctx.startedAt + 40);
    const events = ENTRYPOINT_LINES.map((log, i) => ({ at: 10 + i * 3, log }));
    const notices = [
      'using the "epoll" event method',
      `nginx/${NGINX_VERSION}`,
      'built by gcc 14.2.0 (Debian 14.2.0-19) ',
      'OS: Linux 6.8.0-79-generic',
      'getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      'start worker processes',
      'start worker process 29',
      'start worker process 30',
    ];
    for (const n of notices) events.push({ at: 40, log: `${stamp} [notice] 1#1: ${n}` });
    return { events };
  },
  http: {
    ports: [80],
    handle(path: string, ctx: ProcessContext) {
      const clean = path.split('?')[0] || '/';
      const isDir = clean.endsWith('/');
      const body = ctx.readFile(isDir ? `${HTML_ROOT}${clean}index.html` : `${HTML_ROOT}${clean}`);
      if (body !== undefined) return { status: 200, body };
      // A directory without an index (an empty volume mounted over the html root) is forbidden.
      if (isDir && ctx.listDir(`${HTML_ROOT}${clean}`.replace(/\/$/, '')) !== undefined) return { status: 403, body: FORBIDDEN };
      return { status: 404, body: NOT_FOUND };
    },
  },
  tcpPorts: [80],
};
