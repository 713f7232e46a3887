/**
 * Everything the simulated cluster stores must decode strictly: otherwise `kubectl edit`,
 * `kubectl replace` and `kubectl get -o yaml | kubectl apply -f -` would reject objects the
 * cluster itself wrote.
 */
import { describe, expect, test } from 'vitest';
import { decodeObject } from '../../src/sim/apiserver/schema/decode.ts';
import { makeHarness } from '../golden/kubectl/harness.ts';

const WORKLOADS = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  clusterIP: None
  selector: {app: web}
  ports: [{port: 80, name: http}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: web
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{containerPort: 80, name: http}]
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
        readinessProbe: {httpGet: {path: /, port: 80}}
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      tolerations: [{operator: Exists}]
      containers: [{name: agent, image: busybox, command: [sh, -c, 'sleep 3600']}]
---
apiVersion: batch/v1
kind: Job
metadata: {name: pi}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: pi, image: perl, command: [perl, -e, 'print 1']}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: tick}
spec:
  schedule: '* * * * *'
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: t, image: busybox, command: [date]}]
`;

describe('the schema covers what the cluster writes', () => {
  test('every stored object decodes strictly after workloads ran for a while', async () => {
    const h = makeHarness();
    h.files.set('w.yaml', WORKLOADS);
    expect((await h.run('apply -f w.yaml')).code).toBe(0);
    await h.run('create deployment api --image=nginx --replicas=2 --port=80');
    await h.run('expose deploy api --port=80');
    h.cluster.advance(5 * 60_000);
    const problems: string[] = [];
    for (const obj of h.cluster.api.all()) {
      try {
        decodeObject(structuredClone(obj), 'Strict');
      } catch (e) {
        problems.push(`${obj.kind}/${obj.metadata.name}: ${(e as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
    const kinds = new Set(h.cluster.api.all().map((o) => o.kind));
    for (const k of ['Pod', 'Node', 'Event', 'PersistentVolumeClaim', 'PersistentVolume', 'ControllerRevision', 'ReplicaSet', 'EndpointSlice']) expect(kinds).toContain(k);
  });
});
