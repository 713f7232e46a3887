/**
 * `curl` and `wget` from the learner's shell. They reach the simulated cluster as a node would
 * (ClusterIPs, pod IPs, node IPs and localhost on NodePorts; see host-network.ts) and never the
 * internet. HTTP is served by the simulated images (nginx, httpd, …). Error texts follow curl 8
 * and GNU wget.
 */
import { defineCommand, type Command } from 'just-bash';
import { toRFC3339 } from '../../sim/clock.ts';
import { parseUrl } from '../../sim/images/network.ts';
import { connectFromHost, httpGetFromHost } from '../host-network.ts';
import type { ShellServices } from '../services.ts';

/** How long a connection to an address nobody answers takes to fail (Linux SYN retries). */
const SYN_TIMEOUT_MS = 130_000;

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

interface Result {
  stdout: string;
  stderr: string;
  exitCode: number;
}

type Fetched =
  | { ok: true; status: number; body: string }
  | { ok: false; kind: 'unresolved' | 'refused' | 'timeout' | 'malformed'; host: string; port: number; afterMs: number };

async function fetchFromHost(s: ShellServices, url: string, timeoutMs: number | undefined, signal?: AbortSignal): Promise<Fetched> {
  const cluster = s.current();
  const u = parseUrl(url);
  if (!u) return { ok: false, kind: 'malformed', host: url, port: 0, afterMs: 0 };
  const target = connectFromHost(cluster, u.host, u.port);
  if ('unresolved' in target) return { ok: false, kind: 'unresolved', host: u.host, port: u.port, afterMs: 0 };
  if ('refused' in target) return { ok: false, kind: 'refused', host: u.host, port: u.port, afterMs: 0 };
  if ('timeout' in target) {
    const wait = Math.min(timeoutMs ?? SYN_TIMEOUT_MS, SYN_TIMEOUT_MS);
    await s.time.sleep(cluster, wait, signal);
    return { ok: false, kind: 'timeout', host: u.host, port: u.port, afterMs: wait };
  }
  const res = httpGetFromHost(cluster, target.pod, target.port, u.path, 'curl/8.5.0');
  if (!res) return { ok: false, kind: 'refused', host: u.host, port: u.port, afterMs: 0 };
  return { ok: true, status: res.status, body: res.body };
}

const encoder = new TextEncoder();

/** UTF-8 length of a body (the shell also runs in a browser worker: no Buffer). */
function byteLength(text: string): number {
  return encoder.encode(text).length;
}

function seconds(v: string | undefined): number | undefined {
  if (v === undefined || !/^\d+(\.\d+)?$/.test(v)) return undefined;
  return Math.round(Number(v) * 1000);
}

export function curlCommand(s: ShellServices): Command {
  return defineCommand('curl', async (args, ctx): Promise<Result> => {
    let silent = false;
    let showError = false;
    let fail = false;
    let head = false;
    let include = false;
    let output: string | undefined;
    let timeoutMs: number | undefined;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--silent') silent = true;
      else if (a === '--show-error') showError = true;
      else if (a === '--fail') fail = true;
      else if (a === '--head') head = true;
      else if (a === '--include') include = true;
      else if (a === '--output') output = args[++i];
      else if (a === '--max-time' || a === '--connect-timeout') timeoutMs = seconds(args[++i]);
      else if (a === '--location' || a === '--insecure' || a === '--verbose') continue;
      else if (a === '-X' || a === '--request' || a === '-H' || a === '--header' || a === '-d' || a === '--data' || a === '-A' || a === '--user-agent') i++;
      else if (/^-[a-zA-Z]+$/.test(a)) {
        for (const f of a.slice(1)) {
          if (f === 's') silent = true;
          else if (f === 'S') showError = true;
          else if (f === 'f') fail = true;
          else if (f === 'I') head = true;
          else if (f === 'i') include = true;
          else if (f === 'o') output = args[++i];
          else if (f === 'm') timeoutMs = seconds(args[++i]);
          else if (f === 'X' || f === 'H' || f === 'd' || f === 'A') i++;
          else if (f === 'L' || f === 'k' || f === 'v') continue;
          else return { stdout: '', stderr: `curl: option -${f}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 };
        }
      } else if (a.startsWith('-')) {
        return { stdout: '', stderr: `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 };
      } else urls.push(a);
    }
    if (urls.length === 0) {
      return { stdout: '', stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
    }
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    const error = (code: number, text: string) => {
      exitCode = code;
      if (!silent || showError) stderr += `curl: (${code}) ${text}\n`;
    };
    for (const url of urls) {
      const r = await fetchFromHost(s, url, timeoutMs, ctx.signal);
      if (!r.ok) {
        if (r.kind === 'malformed') error(3, 'URL rejected: Malformed input to a URL function');
        else if (r.kind === 'unresolved') error(6, `Could not resolve host: ${r.host}`);
        else if (r.kind === 'refused') error(7, `Failed to connect to ${r.host} port ${r.port} after 0 ms: Couldn't connect to server`);
        else error(28, `Failed to connect to ${r.host} port ${r.port} after ${r.afterMs} ms: ${timeoutMs !== undefined && timeoutMs < SYN_TIMEOUT_MS ? 'Timeout was reached' : "Couldn't connect to server"}`);
        continue;
      }
      if (fail && r.status >= 400) {
        error(22, `The requested URL returned error: ${r.status}`);
        continue;
      }
      const headers = `HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}`.trimEnd() + `\r\nContent-Length: ${byteLength(r.body)}\r\n\r\n`;
      const text = head ? headers : include ? headers + r.body : r.body;
      if (output !== undefined && output !== '-') await s.fs.writeFile(s.fs.resolvePath(ctx.cwd, output), text);
      else stdout += text;
    }
    return { stdout, stderr, exitCode };
  });
}

function wgetDate(ms: number): string {
  return toRFC3339(ms).replace('T', ' ').replace('Z', '');
}

export function wgetCommand(s: ShellServices): Command {
  return defineCommand('wget', async (args, ctx): Promise<Result> => {
    let quiet = false;
    let output: string | undefined;
    let timeoutMs: number | undefined;
    const urls: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-q' || a === '--quiet') quiet = true;
      else if (a === '-O' || a === '--output-document') output = args[++i];
      else if (a.startsWith('-O') && a.length > 2) output = a.slice(2);
      else if (a === '-qO') {
        quiet = true;
        output = args[++i];
      } else if (a.startsWith('-qO')) {
        quiet = true;
        output = a.slice(3);
      } else if (a === '-T' || a === '--timeout') timeoutMs = seconds(args[++i]);
      else if (a.startsWith('--timeout=')) timeoutMs = seconds(a.slice(10));
      else if (a.startsWith('-')) return { stdout: '', stderr: `wget: unrecognized option '${a}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`, exitCode: 2 };
      else urls.push(a);
    }
    if (urls.length === 0) return { stdout: '', stderr: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", exitCode: 1 };
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    const log = (t: string) => {
      if (!quiet) stderr += t;
    };
    for (const raw of urls) {
      const url = /^[a-z]+:\/\//.test(raw) ? raw : `http://${raw}`;
      const u = parseUrl(url);
      const cluster = s.current();
      log(`--${wgetDate(cluster.clock.now())}--  ${url}${u && u.path === '/' && !url.endsWith('/') ? '/' : ''}\n`);
      const r = await fetchFromHost(s, url, timeoutMs, ctx.signal);
      if (!r.ok) {
        if (r.kind === 'unresolved' || r.kind === 'malformed') {
          log(`Resolving ${r.host} (${r.host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${r.host}’\n`);
          exitCode = 4;
        } else {
          log(`Connecting to ${r.host}:${r.port}... failed: ${r.kind === 'refused' ? 'Connection refused' : 'Connection timed out'}.\n`);
          exitCode = 4;
        }
        continue;
      }
      log(`Connecting to ${u!.host}:${u!.port}... connected.\nHTTP request sent, awaiting response... ${r.status} ${REASONS[r.status] ?? ''}\n`);
      if (r.status >= 400) {
        log(`${wgetDate(cluster.clock.now())} ERROR ${r.status}: ${REASONS[r.status] ?? ''}.\n\n`);
        exitCode = 8;
        continue;
      }
      const size = byteLength(r.body);
      const name = output ?? (u!.path.replace(/[?#].*$/, '').split('/').pop() || 'index.html');
      log(`Length: ${size}\nSaving to: ‘${name === '-' ? 'STDOUT' : name}’\n\n`);
      if (name === '-') stdout += r.body;
      else await s.fs.writeFile(s.fs.resolvePath(ctx.cwd, name), r.body);
      log(`${wgetDate(cluster.clock.now())} - ‘${name === '-' ? 'written to stdout' : name}’ saved [${size}/${size}]\n\n`);
    }
    return { stdout, stderr, exitCode };
  });
}
