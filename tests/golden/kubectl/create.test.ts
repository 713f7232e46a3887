import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

describe('kubectl create generators', () => {
  test('deployment: no creationTimestamp since v1.34 (#130989), in the dry run or the stored object', async () => {
    const h = makeHarness();
    const dry = await h.run('create deployment web --image=nginx:1.27 --dry-run=client -o yaml');
    expect(dry).toEqual({
      out: `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx:1.27
        name: nginx
        resources: {}
status: {}
`,
      err: '',
      code: 0,
    });
    h.files.set('web.yaml', dry.out.replace('    metadata:\n', '    metadata:\n      creationTimestamp: null\n'));
    expect((await h.run('create -f web.yaml')).out).toBe('deployment.apps/web created\n');
    const got = (await h.run('get deploy web -o yaml')).out;
    expect(got.match(/creationTimestamp: .*/g)).toEqual([expect.stringMatching(/^creationTimestamp: "\d{4}-/)]);
    expect(got).toContain('  template:\n    metadata:\n      labels:\n        app: web\n');
  });

  test('cronjob and job --from', async () => {
    const h = makeHarness();
    expect((await h.run("create cronjob tick --image=busybox --schedule=*/5 * * * * --dry-run=client -o yaml -- date".replace('*/5 * * * *', "'*/5 * * * *'"))).out).toBe(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: tick
spec:
  jobTemplate:
    metadata:
      name: tick
    spec:
      template:
        metadata: {}
        spec:
          containers:
          - command:
            - date
            image: busybox
            name: tick
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/5 * * * *'
status: {}
`);
    expect((await h.run(["create", "cronjob", "tick", "--image=busybox", "--schedule=*/5 * * * *"])).out).toBe('cronjob.batch/tick created\n');
    expect((await h.run('create job manual --from=cronjob/tick')).out).toBe('job.batch/manual created\n');
    const job = h.cluster.api.get('Job', 'default', 'manual');
    expect(job.metadata.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'tick', controller: true });
    expect((await h.run('create job x')).err).toBe('error: either --image or --from must be specified\n');
    expect((await h.run('create cronjob y --image=busybox')).err).toBe('error: required flag(s) "schedule" not set\n');
    expect((await h.run('create job pi --image=perl --dry-run=client -o yaml -- perl -e 1')).out).toContain(
      '      containers:\n      - command:\n        - perl\n        - -e\n        - "1"\n        image: perl\n        name: pi\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
    );
  });

  test('configmap from files and literals, secret, namespace, serviceaccount, priorityclass', async () => {
    const h = makeHarness();
    h.files.set('conf/app.properties', 'mode=fast\n');
    h.files.set('conf/extra.txt', 'hello\n');
    expect((await h.run('create configmap app --from-file=conf --from-literal=k=v --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
data:
  app.properties: |
    mode=fast
  extra.txt: |
    hello
  k: v
kind: ConfigMap
metadata:
  name: app
`);
    expect((await h.run('create configmap dup --from-literal=a=1 --from-literal=a=2')).err).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "dup"\n',
    );
    expect((await h.run('create secret generic dup --from-literal=a=1 --from-literal=a=2')).err).toBe(
      'error: cannot add key a, another key by that name already exists\n',
    );
    expect((await h.run('create configmap bad --from-literal=novalue')).err).toBe('error: invalid literal source novalue, expected key=value\n');
    expect((await h.run('create secret generic db --from-literal=password=s3cret')).out).toBe('secret/db created\n');
    expect(h.cluster.api.get('Secret', 'default', 'db').data).toEqual({ password: 'czNjcmV0' });
    expect((await h.run('create namespace team-a')).out).toBe('namespace/team-a created\n');
    expect((await h.run('create sa builder -n team-a')).out).toBe('serviceaccount/builder created\n');
    expect(h.cluster.api.tryGet('ServiceAccount', 'team-a', 'builder')).toBeDefined();
    expect((await h.run('create priorityclass high --value=1000 --description=important')).out).toBe('priorityclass.scheduling.k8s.io/high created\n');
    expect((await h.run('create deployment')).err).toBe('error: exactly one NAME is required, got 0\n');
    expect((await h.run('create deployment web')).err).toBe('error: required flag(s) "image" not set\n');
  });

  test('a headless service', async () => {
    const h = makeHarness();
    expect((await h.run('create service clusterip db --clusterip=None --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: db
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  type: ClusterIP
status:
  loadBalancer: {}
`);
    expect((await h.run('create service clusterip web')).err).toBe('error: at least one tcp port specifier must be provided\n');
  });

  test('create -f: earlier objects are created, each failure reported', async () => {
    const h = makeHarness();
    await h.run('create cm b');
    h.files.set('three.yaml', ['a', 'b', 'c'].map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${n}\n`).join('---\n'));
    expect(await h.run('create -f three.yaml')).toEqual({
      out: 'configmap/a created\nconfigmap/c created\n',
      err: 'Error from server (AlreadyExists): error when creating "three.yaml": configmaps "b" already exists\n',
      code: 1,
    });
  });
});

describe('kubectl replace / set image', () => {
  test('replace and replace --force', async () => {
    const h = makeHarness();
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: r\ndata:\n  a: "1"\n');
    expect((await h.run('replace -f cm.yaml')).err).toBe('Error from server (NotFound): error when replacing "cm.yaml": configmaps "r" not found\n');
    await h.run('create -f cm.yaml');
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: r\ndata:\n  a: "2"\n');
    expect((await h.run('replace -f cm.yaml')).out).toBe('configmap/r replaced\n');
    expect(h.cluster.api.get('ConfigMap', 'default', 'r').data).toEqual({ a: '2' });
    const uid = h.cluster.api.get('ConfigMap', 'default', 'r').metadata.uid;
    expect((await h.run('replace --force -f cm.yaml')).out).toBe('configmap "r" deleted from default namespace\nconfigmap/r replaced\n');
    expect(h.cluster.api.get('ConfigMap', 'default', 'r').metadata.uid).not.toBe(uid);
  });

  test('set image', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx:1.25 --replicas=0');
    expect((await h.run('set image deploy/web nginx=nginx:1.27')).out).toBe('deployment.apps/web image updated\n');
    expect(h.cluster.api.get('Deployment', 'default', 'web').spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect((await h.run('set image deploy/web app=nginx')).err).toBe('error: unable to find container named "app"\n');
  });
});
