/**
 * Storage transcripts through kubectl: what a learner types and sees. Generated names
 * (`pvc-<uid>`, `csi-<sha256>`) are masked with same-length placeholders so columns stay aligned.
 */
import { describe, expect, test } from 'vitest';
import { makeHarness, type Harness } from '../kubectl/harness.ts';

const UID = /pvc-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const VA = /csi-[0-9a-f]{64}/g;

function mask(text: string): string {
  return text.replace(UID, 'pvc-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx').replace(VA, `csi-${'x'.repeat(64)}`);
}

async function kubectl(h: Harness, line: string): Promise<string> {
  const r = await h.run(line);
  return mask(r.out + r.err);
}

const STATIC = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv
spec:
  capacity:
    storage: 2Gi
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pvc
spec:
  storageClassName: ""
  volumeName: task-pv
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

function pinnedPod(name: string, node: string, claim = 'data'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - name: data
      mountPath: /data
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: ${claim}
`;
}

describe('storage through kubectl', () => {
  test('pre-provisioned volume, Released after the claim goes, Available again once its claimRef is removed', async () => {
    const h = makeHarness();
    h.files.set('static.yaml', STATIC);
    expect(await kubectl(h, 'apply -f static.yaml')).toBe('persistentvolume/task-pv created\npersistentvolumeclaim/task-pvc created\n');
    expect(await kubectl(h, 'get pv,pvc')).toBe(
      `NAME                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM              STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
persistentvolume/task-pv   2Gi        RWO            Retain           Bound    default/task-pvc                  <unset>                          0s

NAME                             STATUS   VOLUME    CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
persistentvolumeclaim/task-pvc   Bound    task-pv   2Gi        RWO                           <unset>                 0s
`,
    );
    await kubectl(h, 'delete pvc task-pvc');
    expect(await kubectl(h, 'get pv')).toBe(
      `NAME      CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS     CLAIM              STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
task-pv   2Gi        RWO            Retain           Released   default/task-pvc                  <unset>                          0s
`,
    );
    expect(await kubectl(h, `patch pv task-pv --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`)).toBe('persistentvolume/task-pv patched\n');
    expect(await kubectl(h, 'get pv')).toBe(
      `NAME      CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
task-pv   2Gi        RWO            Retain           Available                          <unset>                          0s
`,
    );
    expect(h.cluster.failures).toEqual([]);
  });

  test('dynamic provisioning, a Multi-Attach refusal, and Delete', async () => {
    const h = makeHarness();
    h.files.set('data.yaml', CLAIM);
    h.files.set('a.yaml', pinnedPod('a', 'node01'));
    h.files.set('b.yaml', pinnedPod('b', 'node02'));
    await kubectl(h, 'apply -f data.yaml');
    expect(await kubectl(h, 'get pvc')).toBe(
      `NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
data   Pending                                      standard       <unset>                 0s
`,
    );
    h.cluster.advance(5000);
    expect(await kubectl(h, 'get pvc')).toBe(
      `NAME   STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
data   Bound    pvc-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx   1Gi        RWO            standard       <unset>                 5s
`,
    );
    expect(await kubectl(h, 'get events --field-selector involvedObject.kind=PersistentVolumeClaim')).toBe(
      `LAST SEEN   TYPE     REASON                  OBJECT                       MESSAGE
5s          Normal   ExternalProvisioning    persistentvolumeclaim/data   Waiting for a volume to be created either by the external provisioner 'kubelab.dev/network' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
5s          Normal   Provisioning            persistentvolumeclaim/data   External provisioner is provisioning volume for claim "default/data"
4s          Normal   ProvisioningSucceeded   persistentvolumeclaim/data   Successfully provisioned volume pvc-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx
`,
    );
    await kubectl(h, 'apply -f a.yaml');
    h.cluster.advance(30_000);
    await kubectl(h, 'apply -f b.yaml');
    h.cluster.advance(60_000);
    expect(await kubectl(h, 'get pods')).toBe(
      `NAME   READY   STATUS              RESTARTS   AGE
a      1/1     Running             0          90s
b      0/1     ContainerCreating   0          60s
`,
    );
    expect(await kubectl(h, 'get events --field-selector involvedObject.name=b,reason=FailedAttachVolume')).toBe(
      `LAST SEEN   TYPE      REASON               OBJECT   MESSAGE
60s         Warning   FailedAttachVolume   pod/b    Multi-Attach error for volume "pvc-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" Volume is already used by pod(s) a
`,
    );
    expect(await kubectl(h, 'get volumeattachments')).toBe(
      `NAME                                                                   ATTACHER              PV                                         NODE     ATTACHED   AGE
csi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx   kubelab.dev/network   pvc-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx   node01   true       90s
`,
    );
    await kubectl(h, 'delete pod a b');
    await kubectl(h, 'delete pvc data');
    h.cluster.advance(10_000);
    expect(h.cluster.api.list('PersistentVolume')).toEqual([]);
    expect(h.cluster.api.list('VolumeAttachment')).toEqual([]);
    expect(h.cluster.failures).toEqual([]);
  });

  test('WaitForFirstConsumer: Pending until a pod is scheduled, then provisioned on its node', async () => {
    const h = makeHarness();
    h.files.set('lp.yaml', `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
`);
    h.files.set('claim.yaml', CLAIM.replace('spec:\n', 'spec:\n  storageClassName: local-path\n'));
    h.files.set('pod.yaml', pinnedPod('app', 'node03').replace('  nodeName: node03\n', ''));
    await kubectl(h, 'apply -f lp.yaml');
    await kubectl(h, 'apply -f claim.yaml');
    h.cluster.advance(20_000);
    expect(await kubectl(h, 'get pvc')).toBe(
      `NAME   STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
data   Pending                                      local-path     <unset>                 20s
`,
    );
    expect(await kubectl(h, 'get events --field-selector involvedObject.kind=PersistentVolumeClaim')).toBe(
      `LAST SEEN   TYPE     REASON                 OBJECT                       MESSAGE
5s          Normal   WaitForFirstConsumer   persistentvolumeclaim/data   waiting for first consumer to be created before binding
`,
    );
    // Re-recorded at each 15 s resync of the pending claim.
    expect(h.cluster.api.list('Event').find((e) => e.reason === 'WaitForFirstConsumer')?.count).toBe(2);
    await kubectl(h, 'apply -f pod.yaml');
    h.cluster.advance(30_000);
    const pod = h.cluster.api.get('Pod', 'default', 'app');
    const claim = h.cluster.api.get('PersistentVolumeClaim', 'default', 'data');
    expect(claim.status.phase).toBe('Bound');
    expect(claim.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe(pod.spec.nodeName);
    const pv = h.cluster.api.get('PersistentVolume', undefined, claim.spec.volumeName);
    expect(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([pod.spec.nodeName]);
    expect(pv.spec.hostPath.path).toBe(`/opt/local-path-provisioner/${pv.metadata.name}_default_data`);
    expect(pod.status.phase).toBe('Running');
    expect(h.cluster.failures).toEqual([]);
  });
});
