import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/shell/session.ts';

async function run(session: Session, line: string): Promise<{ out: string; err: string; exit: number }> {
  let out = '';
  let err = '';
  const exit = await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { out, err, exit };
}

const manifest = (name: string, image: string, command: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-cfg
data:
  app.conf: "level=info"
---
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}
    image: ${image}
    command: ["sh", "-c", ${JSON.stringify(command)}]
    volumeMounts:
    - { name: cfg, mountPath: /config }
    - { name: shared, mountPath: /ro, readOnly: true }
    - { name: shared, mountPath: /data }
    - { name: info, mountPath: /etc/podinfo }
  volumes:
  - name: cfg
    configMap: { name: ${name}-cfg }
  - name: shared
    emptyDir: {}
  - name: info
    downwardAPI:
      items:
      - { path: name, fieldRef: { fieldPath: metadata.name } }
`;

async function start(s: Session, name: string, image: string, command = 'sleep 3600'): Promise<void> {
  expect((await run(s, `kubectl apply -f - <<'EOF'\n${manifest(name, image, command)}EOF`)).exit).toBe(0);
  expect((await run(s, `kubectl wait --for=condition=Ready pod/${name} --timeout=120s`)).exit).toBe(0);
}

describe('read-only volumes refuse writes inside the container', () => {
  it('busybox: redirections, touch, tee, mkdir and rm fail with EROFS; the writable mount of the same volume works', async () => {
    const s = createSession({ seed: 8 });
    await start(s, 'bb', 'busybox:1.36');
    expect(await run(s, `kubectl exec bb -- sh -c 'echo hi > /config/x'`)).toEqual({
      out: '',
      err: "sh: can't create /config/x: Read-only file system\ncommand terminated with exit code 1\n",
      exit: 1,
    });
    expect(await run(s, `kubectl exec bb -- sh -c 'echo hi >> /config/app.conf'`)).toEqual({
      out: '',
      err: "sh: can't create /config/app.conf: Read-only file system\ncommand terminated with exit code 1\n",
      exit: 1,
    });
    expect(await run(s, 'kubectl exec bb -- touch /ro/y')).toEqual({
      out: '',
      err: 'touch: /ro/y: Read-only file system\ncommand terminated with exit code 1\n',
      exit: 1,
    });
    expect((await run(s, 'kubectl exec bb -- touch /etc/podinfo/z')).err).toBe('touch: /etc/podinfo/z: Read-only file system\ncommand terminated with exit code 1\n');
    expect((await run(s, 'kubectl exec bb -- rm /config/app.conf')).err).toBe("rm: can't remove '/config/app.conf': Read-only file system\ncommand terminated with exit code 1\n");
    expect((await run(s, 'kubectl exec bb -- mkdir /ro/sub')).err).toBe("mkdir: can't create directory '/ro/sub': Read-only file system\ncommand terminated with exit code 1\n");
    expect(await run(s, `kubectl exec bb -- sh -c 'echo hi | tee /ro/t; echo "rc=$?"'`)).toEqual({ out: 'hi\nrc=1\n', err: 'tee: /ro/t: Read-only file system\n', exit: 0 });
    // The files are untouched, and the same emptyDir is writable where it is mounted read-write.
    expect((await run(s, 'kubectl exec bb -- cat /config/app.conf')).out).toBe('level=info');
    expect((await run(s, `kubectl exec bb -- sh -c 'echo ok > /data/f'`)).exit).toBe(0);
    expect((await run(s, `kubectl exec bb -- sh -c 'cat /ro/f && ls /ro'`)).out).toBe('ok\nf\n');
    expect((await run(s, `kubectl exec bb -- sh -c 'touch /ro/f'`)).exit).toBe(1);
    expect((await run(s, `kubectl exec bb -- sh -c 'echo x > /tmp/f && cat /tmp/f'`)).out).toBe('x\n');
  });

  it('ubuntu: bash and coreutils word it their way', async () => {
    const s = createSession({ seed: 9 });
    await start(s, 'deb', 'ubuntu:24.04');
    expect(await run(s, `kubectl exec deb -- bash -c 'echo hi > /config/x'`)).toEqual({
      out: '',
      err: 'bash: line 1: /config/x: Read-only file system\ncommand terminated with exit code 1\n',
      exit: 1,
    });
    expect((await run(s, 'kubectl exec deb -- touch /ro/y')).err).toBe("touch: cannot touch '/ro/y': Read-only file system\ncommand terminated with exit code 1\n");
    expect((await run(s, 'kubectl exec deb -- rm /config/app.conf')).err).toBe("rm: cannot remove '/config/app.conf': Read-only file system\ncommand terminated with exit code 1\n");
  });

  it('a main process writing to a configMap volume logs the error and exits 1', async () => {
    const s = createSession({ seed: 10 });
    expect((await run(s, `kubectl apply -f - <<'EOF'\n${manifest('job', 'busybox:1.36', 'echo start; echo x > /config/out; echo after')}EOF`)).exit).toBe(0);
    await run(s, 'sleep 30');
    expect((await run(s, 'kubectl logs job')).out).toBe("start\nsh: can't create /config/out: Read-only file system\nafter\n");
    expect((await run(s, `kubectl get pod job -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'`)).out).toBe('0');
  });
});
