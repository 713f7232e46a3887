import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

function resourcesOf(h: ReturnType<typeof makeHarness>, name = 'web', i = 0) {
  return h.cluster.api.get('Deployment', 'default', name).spec.template.spec.containers[i].resources;
}

describe('kubectl set resources', () => {
  test('limits and requests on a Deployment roll it out', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx:1.25');
    await h.cluster.advance(30_000);
    expect(await h.run('set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi')).toEqual({
      out: 'deployment.apps/web resource requirements updated\n',
      err: '',
      code: 0,
    });
    expect(resourcesOf(h)).toEqual({ limits: { cpu: '200m', memory: '512Mi' } });
    await h.cluster.advance(30_000);
    expect(h.cluster.api.list('ReplicaSet', { namespace: 'default' })).toHaveLength(2);
    // The template keeps only its limits; the pods made from it are defaulted (requests = limits).
    const pods = h.cluster.api.list('Pod', { namespace: 'default' }).filter((p) => p.spec.containers[0].resources.limits);
    expect(pods.length).toBeGreaterThan(0);
    for (const p of pods) expect(p.spec.containers[0].resources.requests).toEqual({ cpu: '200m', memory: '512Mi' });
    // Values go out in Quantity's canonical form; existing entries stay.
    expect((await h.run('set resources deploy/web --requests=cpu=0.1,memory=0.25Gi')).out).toBe('deployment.apps/web resource requirements updated\n');
    expect(resourcesOf(h)).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    // The same values again: nothing to patch, nothing printed.
    expect(await h.run('set resources deploy/web --requests=cpu=100m')).toEqual({ out: '', err: '', code: 0 });
    expect(h.cluster.failures).toEqual([]);
  });

  test('--dry-run=client -o yaml, -c wildcards, init containers, --all and -l', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx:1.25 --replicas=0');
    await h.run('create deployment api --image=busybox --replicas=0');
    const r = await h.run('set resources deployment web --limits=cpu=500m --dry-run=client -o yaml');
    expect(r.out).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(r.out).toContain('        name: nginx\n        resources:\n          limits:\n            cpu: 500m\n');
    expect(resourcesOf(h)).toEqual({});
    expect((await h.run('set resources deployment web --limits=cpu=500m --dry-run=client')).out).toBe(
      'deployment.apps/web resource requirements updated (dry run)\n',
    );
    expect((await h.run('set resources deployment web --limits=cpu=500m --dry-run=server')).out).toBe(
      'deployment.apps/web resource requirements updated (server dry run)\n',
    );
    expect(resourcesOf(h)).toEqual({});
    expect((await h.run('set resources deployments --all --requests=memory=64Mi')).out).toBe(
      'deployment.apps/api resource requirements updated\ndeployment.apps/web resource requirements updated\n',
    );
    expect((await h.run('set resources deployments -l app=api --limits=memory=128Mi -o name')).out).toBe('deployment.apps/api\n');
    expect(resourcesOf(h, 'api')).toEqual({ limits: { memory: '128Mi' }, requests: { memory: '64Mi' } });
    expect((await h.run('set resources deployment web -c ngi* --limits=memory=1Gi')).out).toBe('deployment.apps/web resource requirements updated\n');
    expect(resourcesOf(h)).toEqual({ limits: { memory: '1Gi' }, requests: { memory: '64Mi' } });
  });

  test('client-side errors, worded as upstream', async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx:1.25 --replicas=0');
    const err = async (line: string) => (await h.run(line)).err;
    expect(await err('set resources deployment web')).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
    expect(await err('set resources deployment web --limits=cpu')).toBe('error: Invalid argument syntax cpu, expected <resource>=<value>\n');
    expect(await err('set resources deployment web --limits=cpu=1=2')).toBe('error: Invalid argument syntax cpu=1=2, expected <resource>=<value>\n');
    const wrong = "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'\n";
    expect(await err('set resources deployment web --limits=cpu=abc')).toBe(wrong);
    expect(await err('set resources deployment web --limits=cpu=')).toBe(wrong);
    expect(await err('set resources deployment web --limits=memory=1.2.3')).toBe(wrong);
    expect(await err('set resources deployment web --limits=memory=1KK')).toBe("error: unable to parse quantity's suffix\n");
    expect(await err('set resources deployment web -c app --limits=cpu=1')).toBe('error: unable to find container named app\n');
    expect(await err('set resources deployments --all -l app=web --limits=cpu=1')).toBe('error: cannot set --all and --selector at the same time\n');
    expect(await err('set resources deployments --limits=cpu=1')).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(await err('set resources deployment/web -l app=web --limits=cpu=1')).toBe('error: name cannot be provided when a selector is specified\n');
    h.files.set('web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    expect(await err('set resources deployment/web -f web.yaml --limits=cpu=1')).toBe(
      'error: when paths, URLs, or stdin is provided as input, you may not specify a resource by arguments as well\n',
    );
    expect((await h.run('set resources -f web.yaml --limits=cpu=1')).out).toBe('deployment.apps/web resource requirements updated\n');
    expect(await err('set resources deployment/nope --limits=cpu=1')).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(await err('set resources --limits=cpu=1')).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(await err('set resources configmap/kube-root-ca.crt --limits=cpu=1')).toBe(
      'error: configmaps/kube-root-ca.crt the object is not a pod or does not have a pod template: *v1.ConfigMap\n',
    );
    expect(resourcesOf(h)).toEqual({ limits: { cpu: '1' } });
  });

  test("the API server's validation of the new values", async () => {
    const h = makeHarness();
    await h.run('create deployment web --image=nginx:1.25 --replicas=0');
    await h.run('set resources deployment web --limits=cpu=0.2');
    const prefix = 'error: failed to patch resources update to pod template Deployment.apps "web" is invalid: spec.template.spec.containers[0].resources.';
    expect(await h.run('set resources deployment web --requests=cpu=1')).toEqual({
      out: '',
      err: `${prefix}requests: Invalid value: "1": must be less than or equal to cpu limit of 200m\n`,
      code: 1,
    });
    expect((await h.run('set resources deployment web --requests=cpu=-1')).err).toBe(
      `${prefix}requests[cpu]: Invalid value: "-1": must be greater than or equal to 0\n`,
    );
    expect((await h.run('set resources deployment web --requests=cpus=1')).err).toBe(
      `${prefix}requests[cpus]: Invalid value: "cpus": must be a standard resource for containers\n`,
    );
    expect((await h.run('set resources deployment web --limits=hugepages-2Mi=4Mi --requests=hugepages-2Mi=2Mi')).err).toBe(
      `${prefix}requests: Invalid value: "2Mi": must be equal to hugepages-2Mi limit of 4Mi\n`,
    );
    expect(resourcesOf(h)).toEqual({ limits: { cpu: '200m' } });
  });

  test("a pod's resources cannot change by update", async () => {
    const h = makeHarness();
    await h.run('run p --image=nginx');
    const r = await h.run('set resources pod/p --limits=cpu=1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: failed to patch resources update to pod template Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than /);
    expect(h.cluster.api.get('Pod', 'default', 'p').spec.containers[0].resources).toEqual({});
  });

  test('--local changes what the file holds and never asks the server', async () => {
    const h = makeHarness();
    h.files.set(
      'web.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n',
    );
    const r = await h.run('set resources -f web.yaml --local --limits=cpu=200m,memory=512Mi -o yaml');
    expect(r.err).toBe('');
    expect(r.out).toContain('      containers:\n      - image: nginx\n        name: nginx\n        resources:\n          limits:\n            cpu: 200m\n            memory: 512Mi\n');
    expect(h.cluster.api.tryGet('Deployment', 'default', 'web')).toBeUndefined();
    expect((await h.run('set resources -f web.yaml --local --limits=cpu=1')).out).toBe('deployment.apps/web resource requirements updated\n');
    expect((await h.run('set resources -f web.yaml --local --limits=cpu=1 --dry-run=server')).err).toBe(
      'error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n',
    );
    expect((await h.run('set resources deployment/web --local --limits=cpu=1')).err).toBe(
      "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n",
    );
    const env = await h.run('set env -f web.yaml --local GREETING=hi -o yaml');
    expect(env.out).toContain('      - env:\n        - name: GREETING\n          value: hi\n        image: nginx\n');
    expect((await h.run('set env -f web.yaml --local GREETING=hi --dry-run=client')).out).toBe('deployment.apps/web env updated (dry run)\n');
    expect(h.cluster.api.tryGet('Deployment', 'default', 'web')).toBeUndefined();
  });
});
