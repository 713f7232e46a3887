/**
 * The network tools a container image may ship, with their real output and error texts:
 * curl (nginx and generic images), BusyBox wget and nslookup (busybox, alpine), getent (glibc
 * images), dig (dnsutils/netshoot-style generic images).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../apiserver/types.ts';
import type { CommandResult, ExternalCommand } from './shell/interpreter.ts';
import { connect, DNS_SERVER, httpGet, parseUrl, resolveName, resolveSrv, searchNames, resolveFqdn, type NetHost } from './network.ts';

/** Which tools each behaviour's image has. */
const TOOLS: Record<string, string[]> = {
  busybox: ['wget', 'nslookup'],
  alpine: ['wget', 'nslookup'],
  nginx: ['curl', 'getent'],
  ubuntu: ['getent'],
  debian: ['getent'],
  perl: ['curl', 'getent'],
  redis: ['getent'],
  mysql: [],
  postgres: ['getent'],
  mongo: ['getent'],
  generic: ['curl', 'wget', 'nslookup', 'dig', 'getent'],
  distroless: [],
  stress: ['wget', 'nslookup'],
};

export function hasTool(behaviour: string, tool: string): boolean {
  return (TOOLS[behaviour] ?? []).includes(tool);
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function statusLine(code: number): string {
  return `HTTP/1.1 ${code} ${STATUS_TEXT[code] ?? ''}`.trimEnd();
}

/** BusyBox before 1.29 had the old nslookup (the one the StatefulSet tutorial pins with busybox:1.28). */
export function isOldBusyboxNslookup(image: string): boolean {
  const tag = /:([^/@]+)$/.exec(image)?.[1];
  return tag !== undefined && /^1\.(1\d|2[0-8])(\.\d+)?(-\w+)?$/.test(tag);
}

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', code: 0 });
const fail = (stderr: string, code: number, stdout = ''): CommandResult => ({ stdout, stderr, code });

export function networkTools(host: NetHost, pod: Stored<K8s<Pod>>, behaviour: string, image = ''): ExternalCommand {
  const ns = pod.metadata.namespace ?? 'default';
  const clientIP = pod.status?.podIP ?? '';
  return (argv) => {
    const [cmd, ...args] = argv as [string, ...string[]];
    if (!hasTool(behaviour, cmd)) return undefined;
    switch (cmd) {
      case 'curl':
        return curl(host, pod, ns, clientIP, args);
      case 'wget':
        return wget(host, pod, ns, clientIP, args);
      case 'nslookup':
        return isOldBusyboxNslookup(image) ? oldNslookup(host, ns, args) : nslookup(host, ns, args);
      case 'getent':
        return getent(host, ns, args);
      case 'dig':
        return dig(host, ns, args);
    }
    return undefined;
  };
}

function fetch(host: NetHost, pod: Stored<K8s<Pod>>, ns: string, clientIP: string, url: string, agent: string) {
  const u = parseUrl(url);
  if (!u) return { error: 'bad-url' as const };
  const answer = resolveName(host.api, u.host, ns);
  if (!answer) return { error: 'resolve' as const, host: u.host };
  const ip = answer.ips[0]!;
  const target = connect(host, pod, ip, u.port);
  if ('refused' in target) return { error: 'refused' as const, ip, port: u.port, host: u.host };
  if ('timeout' in target) return { error: 'timeout' as const, ip, port: u.port, host: u.host };
  const res = httpGet(host, target.pod, target.port, u.path, clientIP, agent);
  if (!res) return { error: 'empty' as const, ip, port: u.port, host: u.host };
  return { res, ip, port: u.port, host: u.host };
}

function curl(host: NetHost, pod: Stored<K8s<Pod>>, ns: string, clientIP: string, args: string[]): CommandResult {
  const url = args.filter((a, i) => !a.startsWith('-') && !['-o', '-H', '-X', '-m', '--max-time', '-w'].includes(args[i - 1] ?? ''))[0];
  if (!url) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
  const silent = args.some((a) => /^-\w*s/.test(a));
  const showErr = args.some((a) => /^-\w*S/.test(a));
  const failFlag = args.some((a) => /^-\w*f/.test(a));
  const head = args.includes('-I') || args.includes('--head');
  const r = fetch(host, pod, ns, clientIP, url, 'curl/8.14.1');
  const err = (code: number, msg: string) => fail(!silent || showErr ? `curl: (${code}) ${msg}\n` : '', code);
  if ('error' in r) {
    switch (r.error) {
      case 'bad-url':
        return err(3, 'URL rejected: Malformed input to a URL function');
      case 'resolve':
        return err(6, `Could not resolve host: ${r.host}`);
      case 'refused':
        return err(7, `Failed to connect to ${r.host} port ${r.port} after 0 ms: Could not connect to server`);
      case 'timeout':
        return err(28, `Failed to connect to ${r.host} port ${r.port} after 134999 ms: Timeout was reached`);
      case 'empty':
        return err(52, 'Empty reply from server');
    }
  }
  if (failFlag && r.res.status >= 400) return err(22, `The requested URL returned error: ${r.res.status}`);
  if (head) return ok(`${statusLine(r.res.status)}\r\nServer: nginx/1.29.3\r\nContent-Type: text/html\r\nContent-Length: ${r.res.body.length}\r\n\r\n`);
  return ok(r.res.body);
}

function wget(host: NetHost, pod: Stored<K8s<Pod>>, ns: string, clientIP: string, args: string[]): CommandResult {
  const quiet = args.some((a) => /^-\w*q/.test(a));
  const oIdx = args.findIndex((a) => a === '-O' || /^-\w*O$/.test(a));
  const toStdout = args.some((a) => /^-\w*O-$/.test(a)) || (oIdx !== -1 && args[oIdx + 1] === '-');
  const spider = args.includes('--spider');
  const url = args.filter((a, i) => !a.startsWith('-') && !(oIdx !== -1 && i === oIdx + 1) && !['-T', '--timeout'].includes(args[i - 1] ?? ''))[0];
  if (!url) return fail('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n', 1);
  const r = fetch(host, pod, ns, clientIP, url, 'Wget');
  if ('error' in r) {
    switch (r.error) {
      case 'bad-url':
      case 'resolve':
        return fail(`wget: bad address '${'host' in r ? r.host : url}'\n`, 1);
      case 'refused':
        return fail(`${quiet ? '' : `Connecting to ${r.host}${r.host === r.ip ? '' : ` (${r.ip}:${r.port})`}\n`}wget: can't connect to remote host (${r.ip}): Connection refused\n`, 1);
      case 'timeout':
        return fail(`${quiet ? '' : `Connecting to ${r.host} (${r.ip}:${r.port})\n`}wget: download timed out\n`, 1);
      case 'empty':
        return fail('wget: error getting response\n', 1);
    }
  }
  const connecting = quiet ? '' : `Connecting to ${r.host}${/^\d/.test(r.host) ? ':' + r.port : ` (${r.ip}:${r.port})`}\n`;
  if (r.res.status >= 400) return fail(`${connecting}wget: server returned error: ${statusLine(r.res.status)}\n`, 1);
  if (spider) return { stdout: '', stderr: quiet ? '' : `${connecting}remote file exists\n`, code: 0 };
  if (toStdout) {
    const progress = quiet ? '' : `${connecting}writing to stdout\n-                    100% |********************************|   ${r.res.body.length}  0:00:00 ETA\nwritten to stdout\n`;
    return { stdout: r.res.body, stderr: progress, code: 0 };
  }
  return { stdout: '', stderr: quiet ? '' : `${connecting}saving to 'index.html'\nindex.html           100% |********************************|   ${r.res.body.length}  0:00:00 ETA\n'index.html' saved\n`, code: 0 };
}

function nslookup(host: NetHost, ns: string, args: string[]): CommandResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return fail('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', 1);
  const header = `Server:\t\t${DNS_SERVER}\nAddress:\t${DNS_SERVER}:53\n\n`;
  const type = args.find((a) => a.startsWith('-type=') || a.startsWith('-query='))?.split('=')[1]?.toUpperCase();
  if (type === 'SRV') {
    const srv = resolveSrv(host.api, name);
    if (!srv?.length) return fail('', 1, `${header}** server can't find ${name}: NXDOMAIN\n\n`);
    return ok(`${header}${srv.map((s) => `${name}\tservice = 0 ${Math.floor(100 / srv.length)} ${s.port} ${s.target}`).join('\n')}\n\n`);
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
    const rev = name.split('.').reverse().join('.') + '.in-addr.arpa';
    const ptr = ptrName(host, name);
    if (!ptr) return fail('', 1, `${header}** server can't find ${rev}: NXDOMAIN\n\n`);
    return ok(`${header}${rev}\tname = ${ptr}\n\n`);
  }
  const tried: string[] = [];
  for (const candidate of searchNames(name, ns)) {
    const ips = resolveFqdn(host.api, candidate);
    if (ips) return ok(`${header}${ips.map((ip) => `Name:\t${candidate}\nAddress: ${ip}\n`).join('')}\n`);
    tried.push(candidate);
  }
  return fail('', 1, `${header}${tried.map((t) => `** server can't find ${t}: NXDOMAIN\n\n`).join('')}`);
}

/** BusyBox 1.28's nslookup: `Address 1: <ip> <name>` lines, reverse names included. */
function oldNslookup(host: NetHost, ns: string, args: string[]): CommandResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return fail('BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n', 1);
  const header = `Server:    ${DNS_SERVER}\nAddress 1: ${DNS_SERVER} kube-dns.kube-system.svc.cluster.local\n\n`;
  const answer = resolveName(host.api, name, ns);
  if (!answer) return fail(`nslookup: can't resolve '${name}'\n`, 1, header);
  const lines = answer.ips.map((ip, i) => {
    const ptr = headlessPtr(host, ip, answer.name) ?? ptrName(host, ip);
    return `Address ${i + 1}: ${ip}${ptr ? ` ${ptr}` : ''}`;
  });
  return ok(`${header}Name:      ${name}\n${lines.join('\n')}\n`);
}

/** For a pod answering for a headless service, its name in that service's domain. */
function headlessPtr(host: NetHost, ip: string, fqdn: string): string | undefined {
  const pod = host.api.list('Pod').find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork);
  if (!pod) return undefined;
  const parts = fqdn.split('.');
  const svcDomain = parts.length >= 5 && parts[parts.length - 3] === 'svc' ? parts.slice(-5).join('.') : undefined;
  if (!svcDomain) return undefined;
  const hostname = pod.spec?.hostname && pod.spec?.subdomain && svcDomain.startsWith(`${pod.spec.subdomain}.`) ? pod.spec.hostname : ip.replace(/\./g, '-');
  return `${hostname}.${svcDomain}`;
}

function ptrName(host: NetHost, ip: string): string | undefined {
  const svc = host.api.list('Service').find((s) => s.spec?.clusterIP === ip);
  if (svc) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local`;
  const pod = host.api.list('Pod').find((p) => p.status?.podIP === ip && !p.spec?.hostNetwork);
  if (pod) return `${ip.replace(/\./g, '-')}.${pod.metadata.namespace}.pod.cluster.local`;
  return undefined;
}

function getent(host: NetHost, ns: string, args: string[]): CommandResult {
  if (args[0] !== 'hosts' && args[0] !== 'ahosts') return fail(`Unknown database: ${args[0] ?? ''}\n`, 1);
  const name = args[1];
  if (!name) return fail('', 2);
  const answer = resolveName(host.api, name, ns);
  if (!answer) return fail('', 2);
  return ok(answer.ips.map((ip) => `${ip.padEnd(15)} ${answer.name}`).join('\n') + '\n');
}

function dig(host: NetHost, ns: string, args: string[]): CommandResult {
  const short = args.includes('+short');
  const type = args.find((a) => /^(A|SRV|PTR)$/i.test(a))?.toUpperCase() ?? 'A';
  const name = args.find((a) => !a.startsWith('+') && !a.startsWith('@') && !/^(A|SRV|PTR)$/i.test(a) && a !== '-t');
  if (!name) return fail('', 1);
  const fqdn = name.endsWith('.') ? name.slice(0, -1) : name;
  void ns;
  if (type === 'SRV') {
    const srv = resolveSrv(host.api, fqdn) ?? [];
    if (short) return ok(srv.map((s) => `0 ${Math.floor(100 / Math.max(1, srv.length))} ${s.port} ${s.target}.`).join('\n') + (srv.length ? '\n' : ''));
    return ok(digFull(fqdn, 'SRV', srv.map((s) => `0 ${Math.floor(100 / Math.max(1, srv.length))} ${s.port} ${s.target}.`)));
  }
  // dig does not use the search path.
  const ips = resolveFqdn(host.api, fqdn) ?? [];
  if (short) return ok(ips.map((ip) => ip + '\n').join(''));
  return ok(digFull(fqdn, 'A', ips));
}

function digFull(name: string, type: string, answers: string[]): string {
  const status = answers.length ? 'NOERROR' : 'NXDOMAIN';
  let out = `\n; <<>> DiG 9.18.33 <<>> ${name}${type === 'A' ? '' : ' ' + type}\n;; global options: +cmd\n;; Got answer:\n;; ->>HEADER<<- opcode: QUERY, status: ${status}, id: 4242\n;; flags: qr aa rd; QUERY: 1, ANSWER: ${answers.length}, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n;; QUESTION SECTION:\n;${name}.\t\tIN\t${type}\n\n`;
  if (answers.length) out += `;; ANSWER SECTION:\n${answers.map((a) => `${name}.\t30\tIN\t${type}\t${a}`).join('\n')}\n\n`;
  out += `;; Query time: 0 msec\n;; SERVER: ${DNS_SERVER}#53(${DNS_SERVER}) (UDP)\n;; MSG SIZE  rcvd: 100\n\n`;
  return out;
}
