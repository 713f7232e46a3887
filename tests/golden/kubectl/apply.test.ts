import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: nginx
  serviceName: "nginx"
  replicas: 2
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
`;

describe('kubectl apply', () => {
  test('create, unchanged, configured, and a forbidden StatefulSet change', async () => {
    const h = makeHarness();
    h.files.set('web.yaml', WEB);
    expect(await h.run('apply -f web.yaml')).toEqual({ out: 'service/nginx created\nstatefulset.apps/web created\n', err: '', code: 0 });
    expect(await h.run('apply -f web.yaml')).toEqual({ out: 'service/nginx unchanged\nstatefulset.apps/web unchanged\n', err: '', code: 0 });
    h.files.set('web.yaml', WEB.replace('replicas: 2', 'replicas: 3'));
    expect((await h.run('apply -f web.yaml')).out).toBe('service/nginx unchanged\nstatefulset.apps/web configured\n');
    expect(h.cluster.api.get('StatefulSet', 'default', 'web').spec.replicas).toBe(3);
    h.files.set('web.yaml', WEB.replace('replicas: 2', 'replicas: 3').replace('serviceName: "nginx"', 'serviceName: "other"'));
    const r = await h.run('apply -f web.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toBe('service/nginx unchanged\n');
    expect(r.err).toMatch(/^The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than /);
    expect(h.cluster.api.get('StatefulSet', 'default', 'web').spec.serviceName).toBe('nginx');
  });

  test('fields removed from the manifest are removed; fields set by others stay', async () => {
    const h = makeHarness();
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {a: "1", b: "2"}\ndata:\n  x: "1"\n  y: "2"\n');
    await h.run('apply -f cm.yaml');
    await h.run('label cm cfg extra=yes');
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {a: "1"}\ndata:\n  x: "1"\n');
    expect((await h.run('apply -f cm.yaml')).out).toBe('configmap/cfg configured\n');
    const cm = h.cluster.api.get('ConfigMap', 'default', 'cfg');
    expect(cm.data).toEqual({ x: '1' });
    expect(cm.metadata.labels).toEqual({ a: '1', extra: 'yes' });
    expect(cm.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"v1","data":{"x":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"a":"1"},"name":"cfg","namespace":"default"}}\n',
    );
  });

  test('service ports merge by port: a port added by someone else survives', async () => {
    const h = makeHarness();
    h.files.set('svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n');
    await h.run('apply -f svc.yaml');
    expect((await h.run(['patch', 'svc', 'api', '-p', '{"spec":{"ports":[{"name":"metrics","port":9090}]}}'])).out).toBe('service/api patched\n');
    h.files.set('svc.yaml', h.files.get('svc.yaml')!.replace('targetPort: 8080', 'targetPort: 8081'));
    expect((await h.run('apply -f svc.yaml')).out).toBe('service/api configured\n');
    const ports = h.cluster.api.get('Service', 'default', 'api').spec.ports;
    expect(ports.map((p: { name: string; targetPort: number }) => `${p.name}:${p.targetPort}`)).toEqual(['http:8081', 'metrics:9090']);
  });

  test('warning when applying over an object made by create; dry runs change nothing', async () => {
    const h = makeHarness();
    await h.run('create cm plain --from-literal=a=b');
    h.files.set('plain.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: c\n');
    expect(await h.run('apply -f plain.yaml --dry-run=server')).toEqual({
      out: 'configmap/plain configured (server dry run)\n',
      err: 'Warning: resource configmaps/plain is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
      code: 0,
    });
    expect(h.cluster.api.get('ConfigMap', 'default', 'plain').data).toEqual({ a: 'b' });
    const r = await h.run('apply -f plain.yaml');
    expect(r.out).toBe('configmap/plain configured\n');
    expect(r.err).toContain('is missing the kubectl.kubernetes.io/last-applied-configuration annotation');
    expect(h.cluster.api.get('ConfigMap', 'default', 'plain').data).toEqual({ a: 'c' });
  });

  test('manifest errors: YAML syntax per document, unknown fields, wrong types, unknown kinds, stdin', async () => {
    const h = makeHarness();
    h.files.set('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n   labels: x\n');
    expect(await h.run('apply -f bad.yaml')).toEqual({
      out: '',
      err: 'error: error parsing bad.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context\n',
      code: 1,
    });
    expect(h.cluster.api.tryGet('ConfigMap', 'default', 'a')).toBeUndefined();
    h.files.set('cj.yaml', 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: hello\n');
    expect((await h.run('apply -f cj.yaml')).err).toBe(
      'error: resource mapping not found for name: "hello" namespace: "" from "cj.yaml": no matches for kind "CronJob" in version "batch/v1beta1"\nensure CRDs are installed first\n',
    );
    const stdin = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: "2"\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: nginx}]\n';
    expect((await h.run('apply -f -', stdin)).err).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n',
    );
    expect((await h.run('apply -f - --validate=false', stdin.replace('replicas: "2"', 'replicas: 2\n  bogus: 1'))).out).toBe('deployment.apps/d created\n');
    expect((await h.run('apply -f https://example.com/x.yaml')).err).toBe(
      'error: Get "https://example.com/x.yaml": dial tcp: lookup example.com on 10.96.0.10:53: no such host\n',
    );
    expect((await h.run('apply')).err).toBe('error: must specify one of -f and -k\n');
  });

  test('a strict decoding error on an existing object shows the patch, as apply does', async () => {
    const h = makeHarness();
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n');
    await h.run('apply -f cm.yaml');
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "2"\ndatta:\n  b: "3"\n');
    const r = await h.run('apply -f cm.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'Error from server (BadRequest): error when applying patch:\n' +
        '{"data":{"a":"2"},"datta":{"b":"3"},"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"a\\":\\"2\\"},\\"datta\\":{\\"b\\":\\"3\\"},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"annotations\\":{},\\"name\\":\\"cfg\\",\\"namespace\\":\\"default\\"}}\\n"}}}\n' +
        'to:\nResource: "v1, Resource=configmaps", GroupVersionKind: "v1, Kind=ConfigMap"\nName: "cfg", Namespace: "default"\n' +
        'for: "cm.yaml": error when patching "cm.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datta"\n',
    );
    expect(h.cluster.api.get('ConfigMap', 'default', 'cfg').data).toEqual({ a: '1' });
  });

  test('directories, -R, Lists and JSON', async () => {
    const h = makeHarness();
    h.files.set('m/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    h.files.set('m/notes.txt', 'not a manifest');
    h.files.set('m/sub/b.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}');
    h.files.set('list.yaml', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n');
    expect((await h.run('apply -f m')).out).toBe('configmap/a created\n');
    expect((await h.run('apply -f m -R')).out).toBe('configmap/a unchanged\nconfigmap/b created\n');
    expect((await h.run('apply -f list.yaml')).out).toBe('configmap/c created\n');
  });

  test('-o yaml prints the applied object', async () => {
    const h = makeHarness();
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n');
    const r = await h.run('apply -f cm.yaml -o yaml');
    expect(r.out).toContain('kind: ConfigMap\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n');
    expect(r.out).toContain('  uid: ');
  });
});
