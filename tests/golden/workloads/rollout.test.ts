import { describe, expect, test } from 'vitest';
import { makeHarness } from '../kubectl/harness.ts';

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx-deployment
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
`;

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
  selector:
    matchLabels:
      name: fluentd
  template:
    metadata:
      labels:
        name: fluentd
    spec:
      containers:
      - name: fluentd
        image: fluentd:v1
`;

/** Lines printed, with consecutive duplicates collapsed (how often a line repeats depends on status writes). */
function lines(out: string): string[] {
  return out.split('\n').filter((l, i, a) => l !== '' && l !== a[i - 1]);
}

describe('kubectl rollout', () => {
  test('status of a StatefulSet waits pod by pod; the defaulted partition 0 makes it a partitioned roll out', async () => {
    const h = makeHarness(21);
    h.files.set('web.yaml', WEB);
    await h.run('apply -f web.yaml');
    const r = await h.run('rollout status sts/web');
    expect(r.code).toBe(0);
    expect(lines(r.out)).toEqual([
      'Waiting for 3 pods to be ready...',
      'Waiting for 2 pods to be ready...',
      'Waiting for 1 pods to be ready...',
      'partitioned roll out complete: 3 new pods have been updated...',
    ]);
    expect(await h.run('rollout status statefulset web --watch=false')).toEqual({ out: 'partitioned roll out complete: 3 new pods have been updated...\n', err: '', code: 0 });
  });

  test('status after scaling 3 -> 1 -> 3 waits for the terminating pod to be replaced and all 3 to be Ready', async () => {
    const h = makeHarness(21);
    h.files.set('web.yaml', WEB);
    await h.run('apply -f web.yaml');
    await h.run('rollout status sts/web');
    await h.run('scale sts web --replicas=1');
    await h.run('scale sts web --replicas=3');
    // web-2 is still terminating and counted Ready (as upstream's computeReplicaStatus counts it),
    // but not updated: only 2 of 3 pods are at the update revision.
    expect(await h.run('rollout status sts/web --watch=false')).toEqual({
      out: 'Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...\n',
      err: '',
      code: 0,
    });
    const r = await h.run('rollout status sts/web');
    expect(r.code).toBe(0);
    expect(lines(r.out).at(-1)).toBe('partitioned roll out complete: 3 new pods have been updated...');
    const set = h.cluster.api.get('StatefulSet', 'default', 'web');
    expect(set.status).toMatchObject({ replicas: 3, readyReplicas: 3, updatedReplicas: 3 });
    const pods = h.cluster.api.list('Pod', { namespace: 'default' }).filter((p) => p.metadata.labels?.app === 'nginx');
    expect(pods.map((p) => [p.metadata.name, p.metadata.deletionTimestamp === undefined])).toEqual([
      ['web-0', true],
      ['web-1', true],
      ['web-2', true],
    ]);
    expect(h.cluster.failures).toEqual([]);
  });

  test('partitioned StatefulSet roll out, history, undo', async () => {
    const h = makeHarness(21);
    h.files.set('web.yaml', WEB);
    await h.run('apply -f web.yaml');
    await h.run('rollout status sts/web');
    await h.run(['patch', 'statefulset', 'web', '-p', '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}']);
    await h.run(['patch', 'statefulset', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"registry.k8s.io/nginx-slim:0.21"}]']);
    const r = await h.run('rollout status sts/web');
    expect(lines(r.out).at(-1)).toBe('partitioned roll out complete: 1 new pods have been updated...');
    expect(await h.run('rollout history statefulset/web')).toEqual({
      out: 'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
      err: '',
      code: 0,
    });
    const one = await h.run('rollout history sts/web --revision=1');
    expect(one.out.split('\n').slice(0, 3)).toEqual(['statefulset.apps/web with revision #1', 'Pod Template:', '  Labels:  app=nginx']);
    expect(one.out).toMatch(/\n    Image:\s+registry\.k8s\.io\/nginx-slim:0\.24\n/);
    expect(await h.run('rollout history sts/web --revision=9')).toEqual({ out: '', err: 'error: unable to find the specified revision\n', code: 1 });
    expect(await h.run('rollout undo sts/web')).toEqual({ out: 'statefulset.apps/web rolled back\n', err: '', code: 0 });
    expect(h.cluster.api.get('StatefulSet', 'default', 'web').spec.template.spec.containers[0].image).toBe('registry.k8s.io/nginx-slim:0.24');
    h.cluster.advance(60_000);
    expect((await h.run('rollout history sts/web')).out).toBe('statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(await h.run('rollout undo sts/web --to-revision=3')).toEqual({ out: 'statefulset.apps/web skipped rollback (current template already matches revision 3)\n', err: '', code: 0 });
  });

  test('OnDelete has no rollout status', async () => {
    const h = makeHarness(21);
    h.files.set('web.yaml', WEB.replace('  replicas: 3\n', '  replicas: 3\n  updateStrategy:\n    type: OnDelete\n'));
    await h.run('apply -f web.yaml');
    expect(await h.run('rollout status sts/web')).toEqual({ out: '', err: 'error: rollout status is only available for RollingUpdate strategy type\n', code: 1 });
  });

  test('Deployment status, history with change-cause, pause/resume, restart, undo', async () => {
    const h = makeHarness(21);
    h.files.set('d.yaml', DEPLOY);
    await h.run('apply -f d.yaml');
    const s = await h.run('rollout status deployment/nginx-deployment');
    expect(lines(s.out).at(-1)).toBe('deployment "nginx-deployment" successfully rolled out');
    expect(lines(s.out)[0]).toMatch(/^Waiting for deployment "nginx-deployment" rollout to finish: \d+ (of|out of) 3 /);
    await h.run('set image deployment/nginx-deployment nginx=nginx:1.16.1');
    await h.run('annotate deployment/nginx-deployment kubernetes.io/change-cause="image updated to 1.16.1"');
    await h.run('rollout status deployment/nginx-deployment');
    expect((await h.run('rollout history deployment/nginx-deployment')).out).toBe(
      'deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image updated to 1.16.1\n\n',
    );
    const two = await h.run('rollout history deployment/nginx-deployment --revision=2');
    const hash = h.cluster.api.list('ReplicaSet', { namespace: 'default' }).find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2')!.metadata.labels!['pod-template-hash'];
    expect(two.out.split('\n').slice(0, 5)).toEqual([
      'deployment.apps/nginx-deployment with revision #2',
      'Pod Template:',
      '  Labels:       app=nginx',
      `                pod-template-hash=${hash}`,
      '  Annotations:  kubernetes.io/change-cause: image updated to 1.16.1',
    ]);
    expect(await h.run('rollout pause deployment/nginx-deployment')).toEqual({ out: 'deployment.apps/nginx-deployment paused\n', err: '', code: 0 });
    expect(await h.run('rollout pause deployment/nginx-deployment')).toEqual({ out: '', err: 'error: deployments.apps "nginx-deployment" is already paused\n', code: 1 });
    expect(await h.run('rollout restart deployment/nginx-deployment')).toEqual({
      out: '',
      err: 'error: deployments.apps "nginx-deployment" can\'t restart paused deployment (run rollout resume first)\n',
      code: 1,
    });
    expect((await h.run('rollout undo deployment/nginx-deployment')).err).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect(await h.run('rollout resume deployment/nginx-deployment')).toEqual({ out: 'deployment.apps/nginx-deployment resumed\n', err: '', code: 0 });
    expect((await h.run('rollout resume deployment/nginx-deployment')).err).toBe('error: deployments.apps "nginx-deployment" is not paused\n');
    expect(await h.run('rollout undo deployment/nginx-deployment')).toEqual({ out: 'deployment.apps/nginx-deployment rolled back\n', err: '', code: 0 });
    await h.run('rollout status deployment/nginx-deployment');
    const d = h.cluster.api.get('Deployment', 'default', 'nginx-deployment');
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.14.2');
    expect(d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('3');
    expect((await h.run('rollout history deployment/nginx-deployment')).out).toBe(
      'deployment.apps/nginx-deployment \nREVISION  CHANGE-CAUSE\n2         image updated to 1.16.1\n3         <none>\n\n',
    );
    expect(await h.run('rollout restart deployment/nginx-deployment')).toEqual({ out: 'deployment.apps/nginx-deployment restarted\n', err: '', code: 0 });
    const t = h.cluster.api.get('Deployment', 'default', 'nginx-deployment').spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'];
    expect(t).toMatch(/^2026-01-05T\d\d:\d\d:\d\dZ$/);
    expect((await h.run('rollout status deployment/nginx-deployment')).code).toBe(0);
    expect(await h.run('rollout undo deployment/nginx-deployment --to-revision=7')).toEqual({ out: '', err: 'error: unable to find specified revision 7 in history\n', code: 1 });
  });

  test('Deployment that never becomes available exceeds its progress deadline', async () => {
    const h = makeHarness(21);
    h.files.set('d.yaml', DEPLOY.replace('  replicas: 3\n', '  replicas: 3\n  progressDeadlineSeconds: 30\n').replace('nginx:1.14.2', 'nginx:no-such-tag'));
    await h.run('apply -f d.yaml');
    const r = await h.run('rollout status deploy nginx-deployment');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: deployment "nginx-deployment" exceeded its progress deadline\n');
    expect(await h.run('rollout status deploy nginx-deployment --timeout=5s --watch=false')).toMatchObject({ code: 1 });
  });

  test('--timeout ends the watch', async () => {
    const h = makeHarness(21);
    h.files.set('d.yaml', DEPLOY.replace('nginx:1.14.2', 'nginx:no-such-tag'));
    await h.run('apply -f d.yaml');
    const r = await h.run('rollout status deploy/nginx-deployment --timeout=20s');
    expect(r.err).toBe('error: timed out waiting for the condition\n');
    expect(r.code).toBe(1);
  });

  test('DaemonSet status and unsupported verbs', async () => {
    const h = makeHarness(21);
    h.files.set('ds.yaml', DS);
    await h.run('apply -f ds.yaml');
    const r = await h.run('rollout status ds/fluentd');
    expect(lines(r.out).at(-1)).toBe('daemon set "fluentd" successfully rolled out');
    expect(await h.run('rollout pause ds/fluentd')).toEqual({ out: '', err: 'error: daemonsets.apps "fluentd" pausing is not supported\n', code: 1 });
    expect(await h.run('rollout restart ds/fluentd')).toEqual({ out: 'daemonset.apps/fluentd restarted\n', err: '', code: 0 });
    const r2 = await h.run('rollout status ds/fluentd');
    expect(lines(r2.out)[0]).toBe('Waiting for daemon set "fluentd" rollout to finish: 1 out of 3 new pods have been updated...');
    expect(lines(r2.out).at(-1)).toBe('daemon set "fluentd" successfully rolled out');
    expect(await h.run('rollout history ds/fluentd')).toEqual({ out: 'daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n', err: '', code: 0 });
    expect(await h.run('rollout status')).toEqual({ out: '', err: 'error: required resource not specified\n', code: 1 });
  });
});
