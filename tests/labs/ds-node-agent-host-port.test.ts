import { describe, expect, it } from 'vitest';
import { replay } from '../../src/labs/check.ts';
import { labController, loadLabBundle, solutionOf } from '../../src/cli/lab-session.ts';

describe('ds-node-agent: the agent answers on port 8080 of each GPU node', () => {
  it('after the reference solution, curl to each GPU node IP on 8080 reaches nginx; node02 refuses', async () => {
    const controller = await labController('ds-node-agent');
    const { results } = await replay(controller, solutionOf(loadLabBundle('ds-node-agent')));
    expect(Object.values(results).every((r) => r.passed)).toBe(true);
    const session = controller.run.session;
    const run = async (line: string) => {
      let out = '';
      let err = '';
      const exit = await session.run(line, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
      return { out, err, exit };
    };
    const ipOf = async (node: string) =>
      (await run(`kubectl get node ${node} -o jsonpath='{.status.addresses[?(@.type=="InternalIP")].address}'`)).out;
    for (const node of ['node01', 'node03']) {
      const ip = await ipOf(node);
      const r = await run(`curl -s http://${ip}:8080/`);
      expect(r.exit).toBe(0);
      expect(r.out).toContain('<title>Welcome to nginx!</title>');
    }
    const ip2 = await ipOf('node02');
    expect(await run(`curl http://${ip2}:8080/`)).toEqual({
      out: '',
      err: `curl: (7) Failed to connect to ${ip2} port 8080 after 0 ms: Couldn't connect to server\n`,
      exit: 7,
    });
    controller.run.stop();
  });
});
