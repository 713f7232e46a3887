import { describe, expect, it } from 'vitest';
import { createSession, type Session } from '../../src/shell/session.ts';

async function run(session: Session, line: string): Promise<{ out: string; err: string; exit: number }> {
  let out = '';
  let err = '';
  const exit = await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { out, err, exit };
}

describe('curl and wget from the shell reach the cluster as a node would', () => {
  it('serves nginx on the ClusterIP, pod IPs and NodePorts; refuses DNS names and the internet', async () => {
    const s = createSession({ seed: 4 });
    await run(s, 'kubectl create deployment web --image=nginx --replicas=2');
    await run(s, 'kubectl expose deployment web --port=80 --type=NodePort');
    expect((await run(s, 'kubectl wait --for=condition=Available deploy/web --timeout=120s')).exit).toBe(0);
    await run(s, "IP=$(kubectl get svc web -o jsonpath='{.spec.clusterIP}'); NP=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')");
    expect((await run(s, 'curl -s $IP')).out).toContain('<title>Welcome to nginx!</title>');
    expect((await run(s, 'curl -s localhost:$NP | grep -c "Welcome to nginx"')).out).toBe('2\n');
    expect((await run(s, 'curl -s node02:$NP -o page.html; grep -c "Welcome to nginx" page.html')).out).toBe('2\n');
    const podIP = (await run(s, "kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}'")).out;
    expect((await run(s, `curl -sI ${podIP}`)).out).toBe('HTTP/1.1 200 OK\r\nContent-Length: 615\r\n\r\n');
    expect(await run(s, 'curl web.default.svc.cluster.local')).toEqual({ out: '', err: 'curl: (6) Could not resolve host: web.default.svc.cluster.local\n', exit: 6 });
    expect((await run(s, 'curl -s https://example.com; echo $?')).out).toBe('6\n');
    expect((await run(s, 'curl $IP:8080')).exit).toBe(28);
    expect((await run(s, 'curl localhost:31999')).err).toBe("curl: (7) Failed to connect to localhost port 31999 after 0 ms: Couldn't connect to server\n");
    expect((await run(s, 'curl -sSf $IP/nope')).err).toBe('curl: (22) The requested URL returned error: 404\n');
    expect((await run(s, 'wget -qO- $IP | grep -c nginx')).out).toBe('6\n');
    const wget = await run(s, 'wget -q $IP/nope');
    expect(wget).toEqual({ out: '', err: '', exit: 8 });
    expect((await run(s, 'curl')).exit).toBe(2);
  });

  it('a connection nobody answers takes cluster time', async () => {
    const s = createSession({ seed: 4 });
    const t0 = s.current().clock.now();
    const r = await run(s, 'curl -m 5 10.96.200.200');
    expect(r).toEqual({ out: '', err: 'curl: (28) Failed to connect to 10.96.200.200 port 80 after 5000 ms: Timeout was reached\n', exit: 28 });
    expect(s.current().clock.now() - t0).toBe(5000);
  });
});

describe('node addresses answer on hostPorts and for hostNetwork pods', () => {
  const nodeIP = async (s: Session, node: string) =>
    (await run(s, `kubectl get node ${node} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'`)).out;
  const applyPod = async (s: Session, name: string, spec: string, ports: string) => {
    const manifest = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  ${spec}\n  containers:\n  - name: ${name}\n    image: nginx:1.27\n    ${ports}\n`;
    expect((await run(s, `kubectl apply -f - <<'EOF'\n${manifest}EOF`)).exit).toBe(0);
  };

  it('a hostPort reaches the pod from the shell and from other pods; other nodes refuse', async () => {
    const s = createSession({ seed: 5 });
    await applyPod(s, 'agent', 'nodeName: node01', 'ports: [{containerPort: 80, hostPort: 8080}]');
    await run(s, 'kubectl run client --image=busybox:1.36 -- sleep 3600');
    expect((await run(s, 'kubectl wait --for=condition=Ready pod/agent pod/client --timeout=120s')).exit).toBe(0);
    const ip1 = await nodeIP(s, 'node01');
    const ip2 = await nodeIP(s, 'node02');
    expect((await run(s, `curl -s http://${ip1}:8080/`)).out).toContain('<title>Welcome to nginx!</title>');
    expect((await run(s, 'curl -s node01:8080 | grep -c "Welcome to nginx"')).out).toBe('2\n');
    expect(await run(s, `curl http://${ip2}:8080/`)).toEqual({
      out: '',
      err: `curl: (7) Failed to connect to ${ip2} port 8080 after 0 ms: Couldn't connect to server\n`,
      exit: 7,
    });
    expect(await run(s, `curl ${ip1}:80`)).toEqual({
      out: '',
      err: `curl: (7) Failed to connect to ${ip1} port 80 after 0 ms: Couldn't connect to server\n`,
      exit: 7,
    });
    expect((await run(s, `kubectl exec client -- wget -qO- http://${ip1}:8080 | grep -c nginx`)).out).toBe('6\n');
    expect(await run(s, `kubectl exec client -- wget -qO- http://${ip2}:8080`)).toEqual({
      out: '',
      err: `wget: can't connect to remote host (${ip2}): Connection refused\ncommand terminated with exit code 1\n`,
      exit: 1,
    });
    // The pod's own log shows the requests.
    expect((await run(s, 'kubectl logs agent | grep -c "GET / HTTP/1.1" ')).out).toBe('3\n');
  });

  it('a hostNetwork pod answers on its node address at its containerPort', async () => {
    const s = createSession({ seed: 6 });
    await applyPod(s, 'web', 'nodeName: node03\n  hostNetwork: true', 'ports: [{containerPort: 80}]');
    expect((await run(s, 'kubectl wait --for=condition=Ready pod/web --timeout=120s')).exit).toBe(0);
    const ip3 = await nodeIP(s, 'node03');
    expect((await run(s, `kubectl get pod web -o jsonpath='{.status.podIP}'`)).out).toBe(ip3);
    expect((await run(s, `curl -s ${ip3} | grep -c "Welcome to nginx"`)).out).toBe('2\n');
    expect((await run(s, 'curl -sI node03:80')).out).toBe('HTTP/1.1 200 OK\r\nContent-Length: 615\r\n\r\n');
    expect((await run(s, 'curl -s node02:80; echo $?')).out).toBe('7\n');
  });
});
