import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

const JOB = `apiVersion: v1
kind: Pod
metadata:
  name: counter
spec:
  restartPolicy: Never
  containers:
  - name: count
    image: busybox
    command: ["sh", "-c", "for i in 1 2 3; do echo line $i; sleep 1; done"]
`;

describe('kubectl logs / exec', () => {
  test('logs of a finished pod, tail, waiting container', async () => {
    const h = makeHarness();
    h.files.set('counter.yaml', JOB);
    await h.run('apply -f counter.yaml');
    const early = await h.run('logs counter');
    expect(early.code).toBe(1);
    expect(early.err).toBe('Error from server (BadRequest): container "count" in pod "counter" is waiting to start: ContainerCreating\n');
    h.cluster.advance(60_000);
    expect(await h.run('logs counter')).toEqual({ out: 'line 1\nline 2\nline 3\n', err: '', code: 0 });
    expect((await h.run('logs counter --tail=1')).out).toBe('line 3\n');
    expect((await h.run('logs pod/counter -c nope')).err).toBe('Error from server (BadRequest): container nope is not valid for pod counter\n');
    expect((await h.run('logs')).err).toContain("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n");
    expect((await h.run('logs ghost')).err).toBe('Error from server (NotFound): pods "ghost" not found\n');
    expect(h.cluster.failures).toEqual([]);
  });

  test('logs -f follows until the container ends', async () => {
    const h = makeHarness();
    h.files.set('counter.yaml', JOB);
    await h.run('apply -f counter.yaml');
    await h.cluster.advanceUntil(() => h.cluster.api.get('Pod', 'default', 'counter').status?.phase === 'Running', 60_000);
    const r = await h.run('logs -f counter');
    expect(r.out).toBe('line 1\nline 2\nline 3\n');
  });

  test('exec runs commands and reports exit codes', async () => {
    const h = makeHarness();
    await h.run('run box --image=busybox --command -- sleep 3600');
    h.cluster.advance(60_000);
    expect(await h.run('exec box -- echo hi')).toEqual({ out: 'hi\n', err: '', code: 0 });
    expect(await h.run(['exec', 'box', '--', 'sh', '-c', 'exit 3'])).toEqual({ out: '', err: 'command terminated with exit code 3\n', code: 3 });
    expect((await h.run('exec box echo hi')).err).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    );
    expect((await h.run('exec box')).err).toBe("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples\n");
  });

  test('the default container is announced when the pod has several', async () => {
    const h = makeHarness();
    h.files.set('two.yaml', `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  restartPolicy: Never
  initContainers:
  - name: setup
    image: busybox
    command: ["sh", "-c", "echo init"]
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo main"]
  - name: side
    image: busybox
    command: ["sh", "-c", "echo side"]
`);
    await h.run('apply -f two.yaml');
    h.cluster.advance(60_000);
    expect(await h.run('logs two')).toEqual({ out: 'main\n', err: 'Defaulted container "main" out of: main, side, setup (init)\n', code: 0 });
    expect(await h.run('logs two -c side')).toEqual({ out: 'side\n', err: '', code: 0 });
    expect((await h.run('logs two --all-containers')).out).toBe('init\nmain\nside\n');
  });
});
