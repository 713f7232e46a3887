import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../../src/shell/session.ts';
import { createCluster } from '../../../src/sim/cluster.ts';
import { defaultBootSnapshot, usePrebuiltBoot } from '../../../src/worker/boot-snapshot.ts';

const SCRIPT = [
  'kubectl get nodes',
  'kubectl get pods -A -o wide',
  'kubectl create deployment web --image=nginx:1.27 --replicas=3',
  'kubectl scale deployment web --replicas=5 && sleep 30',
  'kubectl get pods -o wide --show-labels',
  'kubectl get events -A --sort-by=.metadata.creationTimestamp',
  'kubectl describe node node01',
  'kubectl get all -A -o yaml | sha256sum',
];

async function transcript(session: Session): Promise<string> {
  let out = '';
  for (const line of SCRIPT) {
    const code = await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += `[err]${s}`) });
    out += `[exit ${code}]\n`;
  }
  return out;
}

describe('the prebuilt default cluster', () => {
  it('restored from its JSON, runs a script exactly as a freshly booted cluster does', async () => {
    // Booted here first (the module's boot cache is empty in a fresh test file).
    const fresh = await transcript(createSession({}));
    const shipped = JSON.parse(JSON.stringify(defaultBootSnapshot()));
    usePrebuiltBoot(shipped);
    const cluster = createCluster();
    expect(JSON.stringify(cluster.snapshot())).toBe(JSON.stringify(shipped));
    const restored = await transcript(createSession({ clusters: [cluster] }));
    expect(restored).toBe(fresh);
    expect(fresh).toContain('node01');
    expect(cluster.failures).toEqual([]);
  });

  it('is what the default session boots to', () => {
    const session = createSession({});
    expect(JSON.stringify(session.current().snapshot())).toBe(JSON.stringify(defaultBootSnapshot()));
  });
});
