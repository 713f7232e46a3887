import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

describe('kubectl cordon / uncordon / taint', () => {
  test('cordon and uncordon', async () => {
    const h = makeHarness();
    expect(await h.run('cordon node01')).toEqual({ out: 'node/node01 cordoned\n', err: '', code: 0 });
    expect((await h.run('cordon node01')).out).toBe('node/node01 already cordoned\n');
    expect(h.cluster.api.get('Node', undefined, 'node01').spec.unschedulable).toBe(true);
    expect((await h.run('uncordon node01')).out).toBe('node/node01 uncordoned\n');
    expect((await h.run('uncordon node01')).out).toBe('node/node01 already uncordoned\n');
    expect((await h.run('cordon nodeX')).err).toBe('Error from server (NotFound): nodes "nodeX" not found\n');
  });

  test('taint add, overwrite rule, remove', async () => {
    const h = makeHarness();
    expect(await h.run('taint nodes node01 dedicated=db:NoSchedule')).toEqual({ out: 'node/node01 tainted\n', err: '', code: 0 });
    expect(h.cluster.api.get('Node', undefined, 'node01').spec.taints).toContainEqual({ key: 'dedicated', value: 'db', effect: 'NoSchedule' });
    expect((await h.run('taint nodes node01 dedicated=web:NoSchedule')).err).toBe(
      'error: node node01 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    );
    expect((await h.run('taint node node01 dedicated:NoSchedule-')).out).toBe('node/node01 untainted\n');
    expect((await h.run('taint node node01 dedicated:NoSchedule-')).err).toBe('error: taint "dedicated:NoSchedule" not found\n');
    expect((await h.run('taint node node01 a=b:Sometimes')).err).toBe("error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
  });
});

describe('kubectl config', () => {
  test('contexts and namespace switching', async () => {
    const h = makeHarness();
    expect((await h.run('config current-context')).out).toBe('kubernetes-admin@kubernetes\n');
    expect((await h.run('config get-contexts')).out).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
        '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    );
    await h.run('create ns team');
    expect((await h.run('config set-context --current --namespace=team')).out).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect((await h.run('create cm here')).out).toBe('configmap/here created\n');
    expect(h.cluster.api.tryGet('ConfigMap', 'team', 'here')).toBeDefined();
    expect((await h.run('config use-context nope')).err).toBe('error: no context exists with the name: "nope"\n');
    const view = (await h.run('config view')).out;
    expect(view).toContain('    namespace: team\n');
    expect(view).toContain('current-context: kubernetes-admin@kubernetes\n');
  });
});

describe('kubectl run', () => {
  test('dry-run pod YAML matches kubectl', async () => {
    const h = makeHarness();
    expect((await h.run('run nginx --image=nginx --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    expect((await h.run('run bb --image=busybox --restart=Never --env=A=1 --port=8080 --dry-run=client -o yaml --command -- sleep 3600')).out)
      .toContain('  - command:\n    - sleep\n    - "3600"\n    env:\n    - name: A\n      value: "1"\n    image: busybox\n    name: bb\n    ports:\n    - containerPort: 8080\n');
  });

  test('creates a pod and reports errors', async () => {
    const h = makeHarness();
    expect(await h.run('run web --image=nginx:1.27 --labels=app=web,tier=front')).toEqual({ out: 'pod/web created\n', err: '', code: 0 });
    expect(h.cluster.api.get('Pod', 'default', 'web').metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect((await h.run('run web --image=nginx')).err).toBe('Error from server (AlreadyExists): pods "web" already exists\n');
    expect((await h.run('run x')).err).toBe('error: --image is required\n');
    expect((await h.run('run --image=nginx')).err).toBe('error: NAME is required for run\n');
    expect((await h.run('run x --image=NGINX')).err).toBe('error: Invalid image name "NGINX": invalid reference format\n');
  });
});

describe('kubectl run --rm', () => {
  test('-i feeds stdin to the container and deletes the pod afterwards', async () => {
    const h = makeHarness();
    const r = await h.run('run tmp --rm -i --image=busybox --restart=Never -- sh', 'echo hello from inside\n');
    expect(r.out).toBe('hello from inside\npod "tmp" deleted from default namespace\n');
    expect(r.err).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(r.code).toBe(0);
  });

  test('--attach shows the output of a command that finishes', async () => {
    const h = makeHarness();
    const r = await h.run(['run', 'once', '--rm', '--attach', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo done']);
    expect(r.out).toBe('done\npod "once" deleted from default namespace\n');
    expect((await h.run('run x --rm --image=busybox')).err).toBe('error: --rm should only be used for attached containers\n');
  });
});
