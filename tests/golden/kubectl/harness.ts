/**
 * A kubectl test host over a fresh simulated cluster: in-memory files, virtual time, captured
 * stdout/stderr. `run('kubectl apply -f web.yaml')` returns what a terminal would show.
 */
import { createCluster, type Cluster } from '../../../src/sim/cluster.ts';
import { runKubectl, type KubectlHost } from '../../../src/kubectl/index.ts';
import { virtualTime } from '../../../src/shell/time.ts';

export interface Harness {
  cluster: Cluster;
  host: KubectlHost;
  files: Map<string, string>;
  run(line: string | string[], stdin?: string): Promise<{ out: string; err: string; code: number }>;
}

/** Splits a command line like a shell would for simple quoting ('…', "…"). */
export function splitArgs(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      has = true;
      continue;
    }
    if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    cur += ch;
  }
  if (has || cur) out.push(cur);
  return out;
}

export function makeHarness(seed = 1): Harness {
  const cluster = createCluster({ seed });
  const files = new Map<string, string>();
  const norm = (p: string) => (p.startsWith('/') ? p : `/root/${p}`).replace(/\/+$/, '');
  const host: KubectlHost = {
    kubeconfig: {
      current: 'kubernetes-admin@kubernetes',
      contexts: new Map([
        ['kubernetes-admin@kubernetes', { name: 'kubernetes-admin@kubernetes', cluster, namespace: '', clusterName: 'kubernetes', user: 'kubernetes-admin' }],
      ]),
    },
    time: virtualTime,
    cwd: '/root',
    async readFile(p) {
      return files.get(norm(p));
    },
    async readDir(p) {
      const dir = norm(p) + '/';
      const names = new Set<string>();
      for (const k of files.keys()) if (k.startsWith(dir)) names.add(k.slice(dir.length).split('/')[0]!);
      return names.size ? [...names] : undefined;
    },
    async writeFile(p, content) {
      files.set(norm(p), content);
    },
  };
  return {
    cluster,
    host,
    files: {
      get: (k: string) => files.get(norm(k)),
      set: (k: string, v: string) => files.set(norm(k), v),
    } as unknown as Map<string, string>,
    async run(line, stdin = '') {
      const argv = Array.isArray(line) ? line : splitArgs(line);
      if (argv[0] === 'kubectl') argv.shift();
      let out = '';
      let err = '';
      const code = await runKubectl(argv, host, { stdin, out: (t) => (out += t), err: (t) => (err += t) });
      return { out, err, code };
    },
  };
}
