import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

async function withWeb() {
  const h = makeHarness();
  await h.run('create deployment web --image=nginx:1.25');
  await h.run('create configmap app-config --from-literal=log.level=debug --from-literal=mode=fast');
  await h.run('create secret generic db --from-literal=password=s3cret --from-literal=user=app');
  return h;
}

function envOf(h: ReturnType<typeof makeHarness>, name = 'web') {
  return h.cluster.api.get('Deployment', 'default', name).spec.template.spec.containers[0].env;
}

describe('kubectl set env', () => {
  test('sets, lists and removes variables, rolling the Deployment out', async () => {
    const h = await withWeb();
    await h.cluster.advance(30_000);
    expect((await h.run('set env deployment/web FOO=bar BAZ=1')).out).toBe('deployment.apps/web env updated\n');
    expect(envOf(h)).toEqual([
      { name: 'FOO', value: 'bar' },
      { name: 'BAZ', value: '1' },
    ]);
    await h.cluster.advance(30_000);
    expect(h.cluster.api.list('ReplicaSet', { namespace: 'default' })).toHaveLength(2);
    expect(h.cluster.api.get('Deployment', 'default', 'web').metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(await h.run('set env deployment/web --list')).toEqual({ out: '# Deployment web, container nginx\nFOO=bar\nBAZ=1\n', err: '', code: 0 });
    // Replacing keeps the variable's place; the same value again changes nothing and prints nothing.
    expect((await h.run('set env deploy web FOO=qux')).out).toBe('deployment.apps/web env updated\n');
    expect(envOf(h)[0]).toEqual({ name: 'FOO', value: 'qux' });
    expect(await h.run('set env deploy/web FOO=qux')).toEqual({ out: '', err: '', code: 0 });
    expect((await h.run('set env deployment/web FOO-')).out).toBe('deployment.apps/web env updated\n');
    expect(envOf(h)).toEqual([{ name: 'BAZ', value: '1' }]);
    // An empty value is no value (omitempty); --prefix renames KEY=VALUE arguments too.
    expect((await h.run('set env deployment/web EMPTY= --prefix=X_')).out).toBe('deployment.apps/web env updated\n');
    expect(envOf(h)).toEqual([{ name: 'BAZ', value: '1' }, { name: 'X_EMPTY' }]);
    expect((await h.run('set env deployment/web --list')).out).toBe('# Deployment web, container nginx\nBAZ=1\nX_EMPTY=\n');
    expect((await h.run('set env deployment/web X_EMPTY-')).out).toBe('deployment.apps/web env updated\n');
    expect((await h.run('set env deployment/web BAZ-')).out).toBe('deployment.apps/web env updated\n');
    expect(envOf(h)).toBeUndefined();
    expect(h.cluster.failures).toEqual([]);
  });

  test('--from a ConfigMap or Secret, --prefix, --keys, --list and --resolve', async () => {
    const h = await withWeb();
    // Keys that are not already variable names are converted, with a warning each.
    expect(await h.run('set env deployment/web --from=configmap/app-config --prefix=APP_')).toEqual({
      out: 'deployment.apps/web env updated\n',
      err: 'Warning: key log.level transferred to LOG_LEVEL\nWarning: key mode transferred to MODE\n',
      code: 0,
    });
    expect((await h.run('set env deployment/web --from=secret/db --keys=password')).out).toBe('deployment.apps/web env updated\n');
    expect(envOf(h)).toEqual([
      { name: 'APP_LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'log.level' } } },
      { name: 'APP_MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'mode' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ]);
    expect((await h.run('set env deployment/web --list')).out).toBe(
      '# Deployment web, container nginx\n# APP_LOG_LEVEL from configmap app-config, key log.level\n# APP_MODE from configmap app-config, key mode\n# PASSWORD from secret db, key password\n',
    );
    expect((await h.run('set env deployment/web --list --resolve')).out).toBe(
      '# Deployment web, container nginx\nAPP_LOG_LEVEL=debug\nAPP_MODE=fast\nPASSWORD=s3cret\n',
    );
    await h.run('delete secret db');
    expect(await h.run('set env deployment/web --list --resolve')).toEqual({
      out: '# Deployment web, container nginx\nAPP_LOG_LEVEL=debug\nAPP_MODE=fast\n# PASSWORD from secret db, key password\n',
      err: 'error retrieving reference for PASSWORD: secrets "db" not found\n',
      code: 0,
    });
    // --list shows the changes it would make without making them.
    expect((await h.run('set env deployment/web --list X=1 APP_MODE-')).out).toBe(
      '# Deployment web, container nginx\n# APP_LOG_LEVEL from configmap app-config, key log.level\n# PASSWORD from secret db, key password\nX=1\n',
    );
    expect(envOf(h)).toHaveLength(3);
    expect((await h.run('set env deployment/web --from=configmap/missing')).err).toBe('Error from server (NotFound): configmaps "missing" not found\n');
    expect((await h.run('set env deployment/web --from=deployment/web')).err).toBe('error: unsupported resource specified in --from\n');
  });

  test('--dry-run=client -o yaml prints the changed object and leaves it alone', async () => {
    const h = await withWeb();
    const r = await h.run('set env deployment/web GREETING=hello --dry-run=client -o yaml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(r.out).toContain('      containers:\n      - env:\n        - name: GREETING\n          value: hello\n        image: nginx:1.25\n');
    expect(envOf(h)).toBeUndefined();
    expect((await h.run('set env deployment/web GREETING=hello --dry-run=client')).out).toBe('deployment.apps/web env updated (dry run)\n');
    expect((await h.run('set env deployment/web GREETING=hello --dry-run=server')).out).toBe('deployment.apps/web env updated (server dry run)\n');
    expect(envOf(h)).toBeUndefined();
    expect((await h.run('set env deployment/web GREETING=hello -o name')).out).toBe('deployment.apps/web\n');
  });

  test('containers, selectors, --all, --overwrite and stdin', async () => {
    const h = await withWeb();
    await h.run('create deployment api --image=busybox --replicas=0');
    expect(await h.run('set env deployment/web -c app FOO=x')).toEqual({
      out: '',
      err: 'Warning: Deployment/web does not have any containers matching "app"\n',
      code: 0,
    });
    expect((await h.run('set env deployment/web -c ngi* FOO=x')).out).toBe('deployment.apps/web env updated\n');
    expect((await h.run('set env deployments --all STAGE=prod')).out).toBe('deployment.apps/api env updated\ndeployment.apps/web env updated\n');
    expect((await h.run('set env deployments -l app=api STAGE=dev')).out).toBe('deployment.apps/api env updated\n');
    expect(envOf(h, 'api')).toEqual([{ name: 'STAGE', value: 'dev' }]);
    expect((await h.run('set env deployment/web FOO=y --overwrite=false')).err).toBe(
      "error: deployments/web 'FOO' already has a value (x), and --overwrite is false\n",
    );
    expect((await h.run('set env deployment/web FOO=x NEW=1 --overwrite=false')).out).toBe('deployment.apps/web env updated\n');
    expect((await h.run('set env deployment/api -e -', 'A=1\n# comment\nB=2 # trailing\n\n')).out).toBe('deployment.apps/api env updated\n');
    expect(envOf(h, 'api')).toEqual([
      { name: 'STAGE', value: 'dev' },
      { name: 'A', value: '1' },
      { name: 'B', value: '2 ' },
    ]);
  });

  test("a pod's env cannot change: the API server refuses the patch", async () => {
    const h = makeHarness();
    await h.run('run p --image=nginx');
    const r = await h.run('set env pod/p FOO=bar');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: failed to patch env update to pod template: Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,/);
    expect(r.err).toContain('- \t\t\tEnv: nil,\n+ \t\t\tEnv: {{Name: "FOO", Value: "bar"}},\n');
    // Listing a pod's env works.
    expect((await h.run('set env pod/p --list')).out).toBe('# Pod p, container p\n');
  });

  test('errors for bad input, worded as upstream', async () => {
    const h = await withWeb();
    const err = async (line: string) => (await h.run(line)).err;
    expect(await err('set env FOO=a deployment/web')).toBe('error: all resources must be specified before environment changes: FOO=a deployment/web\n');
    expect(await err('set env FOO=x')).toBe('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
    expect(await err('set env deployment/web FOO=a FOO-')).toBe('error: can not both modify and remove the same environment variable in the same command\n');
    expect(await err('set env deployment/web my-var=1')).toBe(
      'error: environment variables must be of the form key=value and can only contain letters, numbers, and underscores\n',
    );
    expect(await err('set env deployment/web --keys=a')).toBe('error: when specifying --keys, a configmap or secret must be provided with --from\n');
    expect(await err('set env deployment/web --list -o yaml')).toBe('error: --list and --output may not be specified together\n');
    expect(await err('set env deployments --all -l app=web A=1')).toBe('error: cannot set --all and --selector at the same time\n');
    expect(await err('set env deployments A=1')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(await err('set env deployment/nope A=1')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(await err('set env configmap/app-config A=1')).toBe(
      'error: configmaps/app-config the object is not a pod or does not have a pod template: *v1.ConfigMap\n',
    );
    expect(await err('set env deployment/web A=1 -o wide')).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: json,name,yaml\n',
    );
    expect(envOf(h)).toBeUndefined();
  });

  test('StatefulSets and DaemonSets roll out a new revision too', async () => {
    const h = makeHarness();
    const template = 'template:\n    metadata:\n      labels:\n        app: APP\n    spec:\n      containers:\n      - name: main\n        image: nginx:1.25\n';
    h.files.set(
      'sts.yaml',
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 1\n  selector:\n    matchLabels:\n      app: db\n  ${template.replace('APP', 'db')}`,
    );
    h.files.set(
      'ds.yaml',
      `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels:\n      app: agent\n  ${template.replace('APP', 'agent')}`,
    );
    expect((await h.run('apply -f sts.yaml -f ds.yaml')).err).toBe('');
    await h.cluster.advance(60_000);
    const revisions = (owner: string) =>
      h.cluster.api.list('ControllerRevision', { namespace: 'default' }).filter((r) => r.metadata.ownerReferences?.[0]?.name === owner).length;
    expect([revisions('db'), revisions('agent')]).toEqual([1, 1]);
    expect((await h.run('set env sts/db ds/agent MODE=blue')).out).toBe('statefulset.apps/db env updated\ndaemonset.apps/agent env updated\n');
    expect((await h.run('set resources sts/db --limits=memory=256Mi')).out).toBe('statefulset.apps/db resource requirements updated\n');
    await h.cluster.advance(120_000);
    expect([revisions('db'), revisions('agent')]).toEqual([3, 2]);
    const sts = h.cluster.api.get('StatefulSet', 'default', 'db');
    expect(sts.status.currentRevision).toBe(sts.status.updateRevision);
    const pod = h.cluster.api.get('Pod', 'default', 'db-0');
    expect(pod.spec.containers[0].env).toEqual([{ name: 'MODE', value: 'blue' }]);
    expect(pod.spec.containers[0].resources).toEqual({ limits: { memory: '256Mi' }, requests: { memory: '256Mi' } });
    expect(h.cluster.failures).toEqual([]);
  });
});
