import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/cluster.ts';
import { crashContainer, execInContainer, readLogs } from '../../src/sim/images/exec.ts';
import { piDigits } from '../../src/sim/images/behaviours/perl.ts';
import { resolveImage } from '../../src/sim/images/registry.ts';
import type { Pod } from 'kubernetes-types/core/v1';
import type { K8s, Stored } from '../../src/sim/apiserver/types.ts';

/** A pod as tests read it: typed for the exec API, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TestPod = Stored<K8s<Pod>> & { status: any; spec: any };

type C = ReturnType<typeof createCluster>;

function run(c: C, name: string, containers: unknown[], extra: Record<string, unknown> = {}) {
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { containers, ...extra } });
  c.advance(8_000);
  return () => c.api.get('Pod', 'default', name) as TestPod;
}

describe('images: logs', () => {
  it('a looping busybox script fills the log in virtual time', () => {
    const c = createCluster({ seed: 5 });
    const pod = run(c, 'ticker', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 5; done'] }]);
    expect(pod().status.phase).toBe('Running');
    c.advance(20_000);
    const logs = readLogs(c, pod(), undefined);
    expect(logs.split('\n').filter(Boolean).slice(0, 3)).toEqual(['tick 0', 'tick 1', 'tick 2']);
    expect(readLogs(c, pod(), 'c', { tail: 1 })).toMatch(/^tick \d+\n$/);
    expect(readLogs(c, pod(), 'c', { timestamps: true }).split('\n')[0]).toMatch(/^2026-01-05T\d\d:\d\d:\d\d\.\d{9}Z tick 0$/);
    expect(c.failures).toEqual([]);
  });

  it('nginx prints its entrypoint lines and an access log line per request', () => {
    const c = createCluster({ seed: 5 });
    const web = run(c, 'web', [{ name: 'nginx', image: 'nginx:1.27' }]);
    const client = run(c, 'client', [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }]);
    expect(readLogs(c, web(), undefined)).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up');
    const res = execInContainer(c, client(), undefined, ['wget', '-qO-', `http://${web().status.podIP}`]);
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(readLogs(c, web(), undefined, { tail: 1 })).toMatch(new RegExp(`^${client().status.podIP!.replace(/\./g, '\\.')} - - \\[05/Jan/2026:\\d\\d:\\d\\d:\\d\\d \\+0000\\] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"\\n$`));
  });

  it('a command that exits moves the pod to Completed / CrashLoopBackOff with back-off', () => {
    const c = createCluster({ seed: 5 });
    const pod = run(c, 'once', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo hello; exit 3'] }]);
    c.advance(60_000);
    const cs = pod().status.containerStatuses[0];
    expect(cs.restartCount).toBeGreaterThanOrEqual(2);
    expect(cs.lastState.terminated.exitCode).toBe(3);
    expect(cs.lastState.terminated.reason).toBe('Error');
    const backoffs = c.api.list('Event').filter((e) => e.reason === 'BackOff' && e.involvedObject.name === 'once');
    expect(backoffs[0]?.message).toBe(`Back-off restarting failed container c in pod once_default(${pod().metadata.uid})`);
    expect(readLogs(c, pod(), undefined, { previous: true })).toBe('hello\n');
  });

  it('restartPolicy Never ends in Succeeded or Failed', () => {
    const c = createCluster({ seed: 5 });
    const ok = run(c, 'ok', [{ name: 'c', image: 'busybox', command: ['true'] }], { restartPolicy: 'Never' });
    const bad = run(c, 'bad', [{ name: 'c', image: 'alpine', command: ['sh', '-c', 'exit 1'] }], { restartPolicy: 'Never' });
    c.advance(5_000);
    expect(ok().status.phase).toBe('Succeeded');
    expect(bad().status.phase).toBe('Failed');
    expect(bad().status.containerStatuses[0].state.terminated.exitCode).toBe(1);
  });
});

describe('images: exec', () => {
  it('reads and writes files, knows its hostname, reports real errors', () => {
    const c = createCluster({ seed: 9 });
    const pod = run(c, 'box', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }]);
    expect(execInContainer(c, pod(), undefined, ['hostname']).stdout).toBe('box\n');
    expect(execInContainer(c, pod(), undefined, ['sh', '-c', 'echo hi > /tmp/x; cat /tmp/x']).stdout).toBe('hi\n');
    expect(execInContainer(c, pod(), undefined, ['cat', '/tmp/x']).stdout).toBe('hi\n');
    const missing = execInContainer(c, pod(), undefined, ['cat', '/nope']);
    expect(missing).toEqual({ stdout: '', stderr: "cat: can't open '/nope': No such file or directory\n", exitCode: 1 });
    const bash = execInContainer(c, pod(), undefined, ['bash']);
    expect(bash.exitCode).toBe(1);
    expect(bash.stderr).toMatch(/OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/);
    expect(execInContainer(c, pod(), 'zz', ['ls']).stderr).toBe('Error from server (BadRequest): container zz is not valid for pod box\n');
  });

  it('shares emptyDir volumes between containers', () => {
    const c = createCluster({ seed: 9 });
    const pod = run(
      c,
      'shared',
      [
        { name: 'writer', image: 'busybox', command: ['sh', '-c', 'while true; do date >> /data/out.txt; sleep 10; done'], volumeMounts: [{ name: 'd', mountPath: '/data' }] },
        { name: 'reader', image: 'busybox', command: ['sleep', 'infinity'], volumeMounts: [{ name: 'd', mountPath: '/data' }] },
      ],
      { volumes: [{ name: 'd', emptyDir: {} }] },
    );
    c.advance(25_000);
    const out = execInContainer(c, pod(), 'reader', ['cat', '/data/out.txt']);
    const proc = Object.values(c.runtime.state.containers).find((p) => p.podUid === pod().metadata.uid && p.container === 'writer')!;
    // One line at start and one every 10 s since.
    expect(out.stdout.split('\n').filter(Boolean).length).toBe(Math.floor((c.clock.now() - proc.startedAt) / 10_000) + 1);
    expect(out.stdout.split('\n')[0]).toMatch(/^Mon Jan  5 \d\d:\d\d:\d\d UTC 2026$/);
  });

  it('resolves services and reaches them through their cluster IP', () => {
    const c = createCluster({ seed: 11 });
    const web = run(c, 'web', [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }]);
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } });
    const client = run(c, 'client', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }]);
    const svc = c.api.get('Service', 'default', 'web');
    const ns = execInContainer(c, client(), undefined, ['nslookup', 'web']);
    expect(ns.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: ${svc.spec.clusterIP}\n\n`);
    expect(execInContainer(c, client(), undefined, ['wget', '-qO-', 'web']).stdout).toContain('Welcome to nginx!');
    const bad = execInContainer(c, client(), undefined, ['wget', '-qO-', 'nosuch']);
    expect(bad).toEqual({ stdout: '', stderr: "wget: bad address 'nosuch'\n", exitCode: 1 });
    expect(execInContainer(c, web(), undefined, ['curl', '-s', 'localhost']).stdout).toContain('Welcome to nginx!');
  });

  it('a crash fault restarts the container', () => {
    const c = createCluster({ seed: 9 });
    const pod = run(c, 'box', [{ name: 'c', image: 'nginx' }]);
    crashContainer(c, pod(), 'c', 137);
    c.advance(3_000);
    const cs = pod().status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated.exitCode).toBe(137);
    expect(cs.state.running).toBeTruthy();
    expect(c.failures).toEqual([]);
  });
});

describe('images: registry and perl', () => {
  it('tells typos and missing tags from real images', () => {
    expect(resolveImage('ngnix')).toMatchObject({ ok: false, reason: 'ErrImagePull' });
    expect(resolveImage('nginx:1.999')).toMatchObject({ ok: false, message: 'failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found' });
    expect(resolveImage('nginx:1.27.3')).toMatchObject({ ok: true });
    expect(resolveImage('ghcr.io/acme/app:v1')).toMatchObject({ ok: true });
    expect(resolveImage('Nginx')).toMatchObject({ ok: false, reason: 'InvalidImageName' });
  });

  it('computes pi', () => {
    expect(piDigits(20)).toBe('3.1415926535897932385');
  });
});

describe('images: environment', () => {
  it('has service link variables for services in the namespace', () => {
    const c = createCluster({ seed: 13 });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'my-db', namespace: 'default' }, spec: { selector: { app: 'db' }, ports: [{ name: 'sql', port: 5432 }] } });
    c.settle();
    const pod = run(c, 'box', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], env: [{ name: 'GREETING', value: 'hi' }] }]);
    const ip = c.api.get('Service', 'default', 'my-db').spec.clusterIP;
    const env = execInContainer(c, pod(), undefined, ['env']).stdout.split('\n');
    expect(env).toContain(`MY_DB_SERVICE_HOST=${ip}`);
    expect(env).toContain('MY_DB_SERVICE_PORT_SQL=5432');
    expect(env).toContain(`MY_DB_PORT_5432_TCP=tcp://${ip}:5432`);
    expect(env).toContain('GREETING=hi');
    expect(env).toContain('HOSTNAME=box');
  });
});

describe('images: jobs and headless DNS', () => {
  it('the perl pi pod computes for about ten seconds, prints 2000 digits and succeeds', () => {
    const c = createCluster({ seed: 3 });
    const pod = run(c, 'pi', [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }], { restartPolicy: 'Never' });
    expect(pod().status.phase).toBe('Running');
    c.advance(15_000);
    expect(pod().status.phase).toBe('Succeeded');
    const out = readLogs(c, pod(), undefined);
    expect(out.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(out.trim().length).toBe(2001);
  });

  it('answers per-pod records and SRV records of a headless service', () => {
    const c = createCluster({ seed: 3 });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] } });
    for (const i of [0, 1]) {
      c.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'web' } },
        spec: { hostname: `web-${i}`, subdomain: 'nginx', containers: [{ name: 'nginx', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] },
      });
    }
    const client = run(c, 'client', [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }]);
    const ip0 = c.api.get('Pod', 'default', 'web-0').status.podIP;
    const a = execInContainer(c, client(), undefined, ['nslookup', 'web-0.nginx']);
    expect(a.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb-0.nginx.default.svc.cluster.local\nAddress: ${ip0}\n\n`);
    const all = execInContainer(c, client(), undefined, ['nslookup', 'nginx']);
    expect(all.stdout.match(/^Address: /gm)?.length).toBe(2);
    const srv = execInContainer(c, client(), undefined, ['nslookup', '-type=SRV', '_http._tcp.nginx.default.svc.cluster.local']);
    expect(srv.stdout).toContain('web-0.nginx.default.svc.cluster.local');
    expect(execInContainer(c, client(), undefined, ['wget', '-qO-', 'web-1.nginx']).stdout).toContain('Welcome to nginx!');
    const missing = execInContainer(c, client(), undefined, ['nslookup', 'nope']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN");
  });
});

describe('images: the StatefulSet tutorial flow', () => {
  it('nginx-slim serves what was written into its volume; busybox:1.28 has the old nslookup', () => {
    const c = createCluster({ seed: 8 });
    c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ name: 'web', port: 80 }] } });
    for (const i of [0, 1]) {
      c.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `web-${i}`, namespace: 'default', labels: { app: 'nginx' } },
        spec: {
          hostname: `web-${i}`,
          subdomain: 'nginx',
          containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21', volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }] }],
          volumes: [{ name: 'www', emptyDir: {} }],
        },
      });
    }
    const dns = run(c, 'dns-test', [{ name: 'dns-test', image: 'busybox:1.28', command: ['sleep', '3600'] }]);
    const web0 = () => c.api.get('Pod', 'default', 'web-0') as TestPod;
    const empty = execInContainer(c, dns(), undefined, ['wget', '-qO-', 'web-0.nginx']);
    expect(empty).toEqual({ stdout: '', stderr: 'wget: server returned error: HTTP/1.1 403 Forbidden\n', exitCode: 1 });
    expect(execInContainer(c, web0(), undefined, ['sh', '-c', 'echo "$(hostname)" > /usr/share/nginx/html/index.html']).exitCode).toBe(0);
    expect(execInContainer(c, dns(), undefined, ['wget', '-qO-', 'web-0.nginx']).stdout).toBe('web-0\n');
    const ns = execInContainer(c, dns(), undefined, ['nslookup', 'web-0.nginx']);
    expect(ns.stdout).toBe(
      `Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-0.nginx\nAddress 1: ${web0().status.podIP} web-0.nginx.default.svc.cluster.local\n`,
    );
    const none = execInContainer(c, dns(), undefined, ['nslookup', 'web-9.nginx']);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toBe("nslookup: can't resolve 'web-9.nginx'\n");
  });
});

describe('images: shells', () => {
  it('pause has no shell; other unknown images have bash', () => {
    const c = createCluster({ seed: 8 });
    const pause = run(c, 'pause', [{ name: 'p', image: 'registry.k8s.io/pause:3.10' }]);
    const app = run(c, 'app', [{ name: 'a', image: 'ghcr.io/acme/shop:1.4' }]);
    expect(execInContainer(c, pause(), undefined, ['sh', '-c', 'true']).stderr).toContain('exec: "sh": executable file not found in $PATH');
    expect(execInContainer(c, app(), undefined, ['bash', '-c', 'echo $HOSTNAME']).stdout).toBe('app\n');
    expect(readLogs(c, app(), undefined)).toBe('starting /app/server\n');
  });
});

describe('images: long runs', () => {
  it('a one-second loop keeps logging for sixteen virtual hours (past the base step budget)', () => {
    const c = createCluster({ seed: 2 });
    const pod = run(c, 'clock', [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 1; done'] }]);
    c.advance(16 * 3600_000);
    const proc = Object.values(c.runtime.state.containers).find((p) => p.podUid === pod().metadata.uid)!;
    const lines = readLogs(c, pod(), undefined).split('\n').filter(Boolean).length;
    expect(lines).toBe(Math.floor((c.clock.now() - proc.startedAt) / 1000) + 1);
  });
});
