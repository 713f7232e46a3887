/**
 * Volume data end to end through `kubelab run`: files written with `kubectl exec` land on the
 * claim's volume and a new pod on another node reads them; an emptyDir does not outlive its pod.
 */
import { describe, expect, test } from 'vitest';
import { main, type CliIO } from '../../../src/cli/main.ts';

async function run(script: string): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), readStdin: async () => script };
  const code = await main(['run', '-'], io);
  return { out, err, code };
}

function pod(name: string, node: string, volume: string): string {
  return `cat <<'Y' | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeName: ${node}
  containers:
  - name: c
    image: busybox
    command: ["sleep", "3600"]
    volumeMounts:
    - name: data
      mountPath: /data
    - name: scratch
      mountPath: /scratch
  volumes:
  - name: data
    ${volume}
  - name: scratch
    emptyDir: {}
Y
kubectl wait --for=condition=Ready pod/${name} --timeout=2m
`;
}

describe('volume data through kubelab run', () => {
  test('a claim keeps files across pods and nodes; emptyDir does not', async () => {
    const claim = 'persistentVolumeClaim: {claimName: data}';
    const r = await run(
      `cat <<'Y' | kubectl apply -f -
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
Y
${pod('writer', 'node01', claim)}kubectl exec writer -- sh -c 'echo hello > /data/greeting.txt; echo temp > /scratch/t.txt'
kubectl delete pod writer --now
${pod('reader', 'node02', claim)}kubectl exec reader -- cat /data/greeting.txt
kubectl exec reader -- cat /scratch/t.txt
`,
    );
    expect(r.out).toBe(
      'persistentvolumeclaim/data created\npod/writer created\npod/writer condition met\npod "writer" deleted from default namespace\npod/reader created\npod/reader condition met\nhello\n',
    );
    expect(r.err).toBe("cat: can't open '/scratch/t.txt': No such file or directory\ncommand terminated with exit code 1\n");
  });
});
