import { describe, expect, it } from 'vitest';
import { createSession, replaySession, type Session, type SessionOptions } from '../../src/shell/session.ts';
import { virtualTime, type TimeDriver } from '../../src/shell/time.ts';

interface Transcript {
  out: string;
  err: string;
  exit: number;
}

async function run(session: Session, line: string, signal?: AbortSignal): Promise<Transcript> {
  let out = '';
  let err = '';
  const exit = await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (err += s), signal });
  return { out, err, exit };
}

function fresh(opts: SessionOptions = {}): Session {
  return createSession({ seed: 7, ...opts });
}

describe('shell state between lines', () => {
  it('keeps variables, exports, arrays, aliases, functions, cwd and $?', async () => {
    const s = fresh();
    await run(s, 'X=5; export Y=6; declare -a A=(a b c); alias kg="kubectl get"; greet() { echo "hi $1"; }; mkdir -p /tmp/w; cd /tmp/w');
    expect((await run(s, 'echo $X $Y ${A[1]} ${#A[@]}')).out).toBe('5 6 b 3\n');
    expect((await run(s, 'greet you')).out).toBe('hi you\n');
    expect((await run(s, 'pwd')).out).toBe('/tmp/w\n');
    expect((await run(s, 'declare -p X Y')).out).toBe('declare -- X="5"\ndeclare -x Y="6"\n');
    expect((await run(s, 'kg ns default -o name')).out).toBe('namespace/default\n');
    expect(s.prompt()).toBe('controlplane:/tmp/w$ ');
    await run(s, 'false');
    expect((await run(s, 'echo $?')).out).toBe('1\n');
    await run(s, 'cd -');
    expect(s.prompt()).toBe('controlplane:~$ ');
  });

  it('starts with alias k=kubectl, a home of /root and accepts `complete -F __start_kubectl k`', async () => {
    const s = fresh();
    expect((await run(s, 'alias')).out).toBe("alias k='kubectl'\n");
    expect((await run(s, 'complete -F __start_kubectl k; echo $HOME; pwd')).out).toBe('/root\n/root\n');
    expect((await run(s, 'k get ns default -o name')).out).toBe('namespace/default\n');
  });

  it('forgets a function after unset -f and keeps the newest definition', async () => {
    const s = fresh();
    await run(s, 'f() { echo one; }');
    await run(s, 'f() { echo two; }');
    expect((await run(s, 'f')).out).toBe('two\n');
    await run(s, 'unset -f f');
    const r = await run(s, 'f');
    expect(r.exit).toBe(127);
  });

  it('keeps functions defined by a sourced file', async () => {
    const s = fresh();
    await run(s, "echo 'g() { echo from-file; }' > lib.sh; mkdir -p d; echo 'h() { echo in-d; }' > d/l.sh");
    await run(s, 'source lib.sh; cd d && . ./l.sh');
    expect((await run(s, 'g; h')).out).toBe('from-file\nin-d\n');
  });

  it('leaves the state alone after a syntax error', async () => {
    const s = fresh();
    await run(s, 'V=1');
    const r = await run(s, 'echo "unterminated');
    expect(r.exit).toBe(2);
    expect(r.err).toContain('unexpected EOF');
    expect((await run(s, 'echo $V')).out).toBe('1\n');
  });

  it('records history', async () => {
    const s = fresh();
    await run(s, 'echo a');
    await run(s, 'echo b');
    expect((await run(s, 'history')).out).toBe('    1  echo a\n    2  echo b\n    3  history\n');
    expect(s.history()).toEqual(['echo a', 'echo b', 'history']);
  });
});

describe('output', () => {
  it('reaches the terminal while a loop runs, in order', async () => {
    const seen: string[] = [];
    let out = '';
    const spy: TimeDriver = {
      waitUntil: virtualTime.waitUntil,
      async sleep(cluster, ms, signal) {
        seen.push(out);
        return virtualTime.sleep(cluster, ms, signal);
      },
    };
    const s = fresh({ time: spy });
    await s.run('for i in 1 2 3; do echo "n $i"; kubectl get ns default -o name; sleep 1; done', {
      stdout: (t) => (out += t),
      stderr: () => {},
    });
    expect(seen).toEqual([
      'n 1\nnamespace/default\n',
      'n 1\nnamespace/default\nn 2\nnamespace/default\n',
      'n 1\nnamespace/default\nn 2\nnamespace/default\nn 3\nnamespace/default\n',
    ]);
  });

  it('keeps pipes, redirections and 2>&1 working', async () => {
    const s = fresh();
    expect((await run(s, 'kubectl get ns -o name | sort | head -2')).out).toBe('namespace/default\nnamespace/kube-node-lease\n');
    expect((await run(s, 'kubectl get ns > ns.txt; wc -l < ns.txt')).out).toBe('5\n');
    const r = await run(s, 'kubectl get pod nope 2>&1 | tr a-z A-Z');
    expect(r.out).toBe('ERROR FROM SERVER (NOTFOUND): PODS "NOPE" NOT FOUND\n');
    expect(r.err).toBe('');
    const quiet = await run(s, 'kubectl get pod nope 2>/dev/null; echo "exit $?"');
    expect(quiet).toEqual({ out: 'exit 1\n', err: '', exit: 0 });
    expect((await run(s, 'echo hidden >/dev/null; echo to-err >&2')).err).toBe('to-err\n');
    expect((await run(s, 'x=$(kubectl get ns default -o name); echo "got $x"')).out).toBe('got namespace/default\n');
  });

  it('streams kubectl get -w at the terminal before the watch ends', async () => {
    let out = '';
    let atWait: string | undefined;
    const spy: TimeDriver = {
      async waitUntil(cluster, condition, timeoutMs, signal) {
        atWait ??= out;
        return virtualTime.waitUntil(cluster, condition, timeoutMs, signal);
      },
      sleep: virtualTime.sleep,
    };
    const s = fresh({ time: spy });
    await s.run('kubectl get ns -w', { stdout: (t) => (out += t), stderr: () => {} });
    expect(atWait).toMatch(/^NAME +STATUS +AGE\ndefault +Active/);
  });
});

describe('limits and Ctrl-C', () => {
  it('an abort ends `while true; do :; done` with exit 130', async () => {
    const s = fresh();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const started = Date.now();
    const r = await run(s, 'while true; do :; done', ac.signal);
    expect(r.exit).toBe(130);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.err).not.toContain('execution aborted');
    expect((await run(s, 'echo still here')).out).toBe('still here\n');
  });

  it('a runaway loop stops with a learner-facing message', async () => {
    const s = fresh();
    const r = await run(s, 'while true; do :; done');
    expect(r.exit).not.toBe(0);
    expect(r.err).toMatch(/^bash: stopped: /);
    expect(r.err).not.toContain('executionLimits');
  });

  it('endless recursion stops with a learner-facing message', async () => {
    const s = fresh();
    const r = await run(s, 'f() { f; }; f');
    expect(r.err).toBe('bash: stopped: f called itself more than 100 levels deep.\n');
  });
});

describe('sleep, cluster and editors', () => {
  it('sleep moves the cluster clock; bad operands are refused like coreutils', async () => {
    const s = fresh();
    const t0 = s.current().clock.now();
    await run(s, 'sleep 90; sleep 1m 0.5s');
    expect(s.current().clock.now() - t0).toBe(150_500);
    expect((await run(s, 'sleep')).err).toBe("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    expect((await run(s, 'sleep 5x')).err).toBe("sleep: invalid time interval ‘5x’\nTry 'sleep --help' for more information.\n");
  });

  it('cluster nodes, node down/up, advance, time, explain and reset', async () => {
    const s = fresh();
    expect((await run(s, 'cluster nodes')).out).toBe(
      'NAME           READY   KUBELET   ROLES\n' +
        'controlplane   yes     running   control-plane\n' +
        'node01         yes     running   -\n' +
        'node02         yes     running   -\n' +
        'node03         yes     running   -\n',
    );
    expect((await run(s, 'cluster node down node01')).exit).toBe(0);
    await run(s, 'cluster advance 2m');
    expect((await run(s, 'kubectl get node node01 --no-headers')).out).toMatch(/^node01 +NotReady/);
    expect((await run(s, 'cluster node down node01')).err).toBe('cluster: the kubelet on node01 is already stopped\n');
    expect((await run(s, 'cluster node up node01')).exit).toBe(0);
    await run(s, 'cluster advance 30s');
    expect((await run(s, 'kubectl get node node01 --no-headers')).out).toMatch(/^node01 +Ready/);
    expect((await run(s, 'cluster node up nodeX')).err).toContain('no node named "nodeX"');
    expect((await run(s, 'cluster time')).out).toMatch(/^2026-01-05T09:\d\d:\d\dZ \(2m30s since the cluster was created\)\n$/);
    expect((await run(s, 'cluster advance soon')).exit).toBe(1);
    expect((await run(s, 'cluster explain')).exit).toBe(0);
    expect((await run(s, 'cluster explain nonsense')).err).toContain('usage: cluster explain');
    await run(s, 'kubectl create ns extra');
    await run(s, 'cluster reset');
    expect((await run(s, 'kubectl get ns extra')).exit).toBe(1);
    expect((await run(s, 'cluster help')).out).toContain('cluster node down NODE');
    expect((await run(s, 'cluster bogus')).err).toBe('cluster: unknown subcommand "bogus"; see cluster help\n');
  });

  it('vim reads stdin headless, and says what to do without it', async () => {
    const s = fresh();
    await run(s, "vim pod.yaml <<'EOF'\nkind: Pod\nEOF");
    expect((await run(s, 'cat ~/pod.yaml')).out).toBe('kind: Pod\n');
    const r = await run(s, 'vim other.yaml');
    expect(r.exit).toBe(1);
    expect(r.err).toContain('no editor is attached');
  });

  it('vim, nano and kubectl edit use the editor option, and saves are logged', async () => {
    const opened: string[] = [];
    const s = fresh({
      editor: async (file, content, mode) => {
        opened.push(`${mode}:${file}:${content}`);
        return mode === 'nano' ? null : `saved by ${mode}\n`;
      },
    });
    await run(s, 'echo old > a.txt; vim a.txt; nano b.txt');
    expect(opened).toEqual(['vim:/root/a.txt:old\n', 'nano:/root/b.txt:']);
    expect((await run(s, 'cat a.txt; ls b.txt')).out).toBe('saved by vim\n');
    const edits = s.log().filter((e) => e.type === 'edit');
    expect(edits.map((e) => e.type === 'edit' && e.content)).toEqual(['saved by vim\n', null]);
  });
});

describe('persistence', () => {
  it('snapshot → JSON → restore gives the same shell, files and cluster', async () => {
    const a = fresh({ files: { 'notes/readme.txt': 'hello\n' } });
    await run(a, 'N=42; alias kp="kubectl get pods"; f() { echo "f$1"; }; mkdir -p work; cd work; echo data > d.txt');
    await run(a, 'kubectl create deployment web --image=nginx --replicas=2; sleep 30');
    const json = JSON.parse(JSON.stringify(a.snapshot()));
    const b = fresh();
    b.restore(json);
    for (const line of ['echo $N; f 1; pwd; cat d.txt ~/notes/readme.txt', 'kp -o name | wc -l', 'history 1', 'kubectl get deploy web']) {
      expect(await run(b, line)).toEqual(await run(a, line));
    }
    expect(b.prompt()).toBe('controlplane:~/work$ ');
  });

  it('replaying the log on the same seed rebuilds the same state', async () => {
    const a = fresh({ editor: async () => 'from the editor\n' });
    await run(a, 'kubectl create deployment web --image=nginx');
    await run(a, 'sleep 20; vim e.txt');
    a.current().advance(5000);
    await run(a, 'kubectl scale deployment web --replicas=3; X=1');
    const b = await replaySession(a.log(), { seed: 7 });
    expect(b.current().clock.now()).toBe(a.current().clock.now());
    for (const line of ['kubectl get pods -o wide', 'cat e.txt; echo $X', 'kubectl get events']) {
      expect(await run(b, line)).toEqual(await run(a, line));
    }
  });

  it('the same seed and commands give byte-identical output', async () => {
    const script = [
      'kubectl create deployment web --image=nginx --replicas=3',
      'kubectl wait --for=condition=Available deploy/web --timeout=120s',
      'kubectl get pods -o wide',
      'cluster node down node02; sleep 6m',
      'kubectl get pods -o wide; kubectl get nodes',
    ];
    const transcript = async () => {
      const s = fresh();
      const out: Transcript[] = [];
      for (const line of script) out.push(await run(s, line));
      return JSON.stringify(out);
    };
    expect(await transcript()).toBe(await transcript());
  });
});

describe('completion', () => {
  const complete = async (s: Session, line: string) => (await s.complete(line, line.length)).candidates;

  it('completes commands, verbs, types, names, flags, namespaces and files', async () => {
    const s = fresh({ files: { 'web.yaml': 'kind: Pod\n', 'dir/x.yaml': '' } });
    await run(s, 'kubectl create deployment web --image=nginx; kubectl create ns team-a');
    expect(await complete(s, 'kube')).toContain('kubectl');
    expect(await complete(s, 'kubectl ge')).toEqual(['get']);
    expect(await complete(s, 'k des')).toEqual(['describe']);
    expect(await complete(s, 'kubectl get statef')).toEqual(['statefulsets']);
    expect(await complete(s, 'kubectl get sts')).toEqual(['sts']);
    expect(await complete(s, 'kubectl get deploy ')).toEqual(['web']);
    expect(await complete(s, 'kubectl get deploy/w')).toEqual(['deploy/web']);
    expect(await complete(s, 'kubectl get pods -n kube-sys')).toEqual(['kube-system']);
    expect(await complete(s, 'kubectl get pods -n team')).toEqual(['team-a']);
    const flags = await complete(s, 'kubectl get pods --sho');
    expect(flags).toContain('--show-labels');
    expect(flags.every((f) => f.startsWith('--sho'))).toBe(true);
    expect(await complete(s, 'kubectl apply -f w')).toEqual(['web.yaml']);
    expect(await complete(s, 'kubectl apply -f d')).toEqual(['dir/']);
    expect(await complete(s, 'cat dir/')).toEqual(['dir/x.yaml']);
    expect(await complete(s, 'cluster node down node0')).toEqual(['node01', 'node02', 'node03']);
    expect(await complete(s, 'kubectl -n kube-system get ds can')).toEqual(['canal']);
    expect(await complete(s, 'k logs -n kube-system etcd')).toEqual(['etcd-controlplane']);
    const c = await s.complete('kubectl get deploy w | head', 'kubectl get deploy w'.length);
    expect(c).toEqual({ replaceFrom: 'kubectl get deploy '.length, candidates: ['web'] });
  });
});

describe('several clusters', () => {
  it('one context per cluster; use-context switches the cluster, and snapshots keep the choice', async () => {
    const { createCluster } = await import('../../src/sim/cluster.ts');
    const make = () => [createCluster({ seed: 1 }), createCluster({ seed: 2, name: 'exam@k8s-b' })];
    const a = createSession({ clusters: make() });
    expect((await run(a, 'kubectl config get-contexts -o name')).out).toBe('exam@k8s-b\nkubernetes-admin@kubernetes\n');
    await run(a, 'kubectl create ns only-in-a');
    await run(a, 'kubectl config use-context exam@k8s-b');
    expect(a.current()).toBe(a.clusters[1]);
    expect((await run(a, 'kubectl get ns only-in-a')).exit).toBe(1);
    await run(a, 'kubectl config set-context --current --namespace=kube-system; sleep 10');
    const b = createSession({ clusters: make() });
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    expect(b.current()).toBe(b.clusters[1]);
    expect((await run(b, 'kubectl config get-contexts')).out).toBe((await run(a, 'kubectl config get-contexts')).out);
    expect((await run(b, 'kubectl get ns only-in-a -o name --context kubernetes-admin@kubernetes')).out).toBe('namespace/only-in-a\n');
    expect(b.clusters.map((c) => c.clock.now())).toEqual(a.clusters.map((c) => c.clock.now()));
    const before = b.clusters.map((c) => c.clock.now());
    await run(b, 'sleep 30');
    expect(b.clusters.map((c, i) => c.clock.now() - before[i]!)).toEqual([30_000, 30_000]);
  });
});

describe('real time', () => {
  it('kubectl get -w runs until Ctrl-C, then the shell answers again', async () => {
    const { RealTimeDriver } = await import('../../src/worker/real-time.ts');
    const time = new RealTimeDriver({ tickMs: 10 });
    const s = createSession({ time });
    for (const c of s.clusters) time.attach(c);
    time.start();
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 300);
      const started = Date.now();
      const r = await run(s, 'kubectl get ns -w', ac.signal);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(r.exit).toBe(130);
      expect(r.out).toMatch(/^NAME +STATUS +AGE\n/);
      expect((await run(s, 'echo back')).out).toBe('back\n');
    } finally {
      time.stop();
    }
  });

  it('Ctrl-C on `kubectl get -w | grep` ends the watch and grep prints what it matched; a loop stops at its next turn', async () => {
    const { RealTimeDriver } = await import('../../src/worker/real-time.ts');
    const time = new RealTimeDriver({ tickMs: 10 });
    const s = createSession({ time });
    for (const c of s.clusters) time.attach(c);
    time.start();
    try {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 300);
      const r = await run(s, 'kubectl get ns -w | grep kube- | sort; kubectl get nodes', ac.signal);
      const age = r.out.match(/Active +(\S+)/)![1]!;
      // What grep and sort printed, then the end of the line: the next kubectl does not run.
      expect(r.out).toBe(['kube-node-lease', 'kube-public    ', 'kube-system    '].map((n) => `${n}   Active   ${age}\n`).join('') + '^C\n');
      expect(r.exit).toBe(130);
      const loop = new AbortController();
      setTimeout(() => loop.abort(), 300);
      const started = Date.now();
      const l = await run(s, 'while true; do kubectl get ns -w | grep -c kube-; done', loop.signal);
      expect(l.out).toBe('3\n^C\n');
      expect(l.exit).toBe(130);
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await run(s, 'echo back')).out).toBe('back\n');
    } finally {
      time.stop();
    }
  });
});

describe('extra commands', () => {
  it('registers the commands given in the options', async () => {
    const { defineCommand } = await import('just-bash');
    const lab = defineCommand('lab', async (args) => ({ stdout: `lab ${args.join(' ')}\n`, stderr: '', exitCode: 0 }));
    const s = createSession({ commands: [lab] });
    expect((await run(s, 'lab check t1 | tr a-z A-Z')).out).toBe('LAB CHECK T1\n');
  });
});

describe('watch', () => {
  it('redraws the command every interval and stops headless once the cluster is quiet', async () => {
    const s = fresh();
    await run(s, 'kubectl create deployment web --image=nginx');
    const t0 = s.current().clock.now();
    const r = await run(s, 'watch -n 3 kubectl get deploy web --no-headers');
    const frames = r.out.split('\x1b[H\x1b[2J\x1b[3J').slice(1);
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames[0]).toMatch(/^Every 3\.0s: kubectl get deploy web --no-headers +controlplane: Mon Jan  5 \d\d:\d\d:\d\d 2026\n\nweb +0\/1/);
    expect(frames[frames.length - 1]).toMatch(/\nweb +1\/1 +1 +1 /);
    expect((s.current().clock.now() - t0) % 3000).toBe(0);
    expect((await run(s, 'watch')).exit).toBe(1);
    expect((await run(s, 'watch -n 0 date')).err).toBe("watch: failed to parse argument: '0'\n");
  });
});

describe('set -x', () => {
  it('traces only the learner commands, not the hidden state handling', async () => {
    const s = fresh();
    await run(s, 'set -x');
    const r = await run(s, 'echo hi');
    expect(r).toEqual({ out: 'hi\n', err: '+ echo hi\n', exit: 0 });
    await run(s, 'set +x');
    expect(await run(s, 'echo quiet')).toEqual({ out: 'quiet\n', err: '', exit: 0 });
  });
});
