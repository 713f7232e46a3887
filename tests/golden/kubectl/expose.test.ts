import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

describe('kubectl expose', () => {
  test('a deployment, with ports from the flag or the containers', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx --port=80');
    expect((await h.run('expose deploy web --port=8080 --target-port=80 --dry-run=client -o yaml')).out).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: web
  name: web
spec:
  ports:
  - port: 8080
    protocol: TCP
    targetPort: 80
  selector:
    app: web
status:
  loadBalancer: {}
`);
    expect(await h.run('expose deployment web --type=NodePort')).toEqual({ out: 'service/web exposed\n', err: '', code: 0 });
    const svc = h.cluster.api.get('Service', 'default', 'web');
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
    expect(svc.spec.type).toBe('NodePort');
    await h.run('create deployment bare --image=nginx');
    expect((await h.run('expose deploy bare')).err).toBe(
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n",
    );
  });
});
