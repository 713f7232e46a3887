/**
 * kubectl run NAME --image=IMAGE: creates one pod (labels `run=NAME`) with optional env, port,
 * labels, restart policy and command, patched by --overrides (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go and the pod
 * generator in pkg/generate/versioned/run.go). `--rm` with `-i` waits for the pod to finish, shows
 * its output and deletes it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { K8s, KubeObject } from '../../sim/apiserver/types.ts';
import { execInContainer, readLogs } from '../../sim/images/exec.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, int, str, strings } from '../flags.ts';
import { goJsonSyntaxError } from '../format/go-json-error.ts';
import { applyJsonPatch, JsonPatchError } from '../patch/json-patch.ts';
import { jsonMergePatch } from '../patch/json-merge.ts';
import { PatchError, strategicMergePatch } from '../patch/strategic.ts';
import { submitCreate, validationOf, VALIDATE_FLAG } from '../submit.ts';

/** `a=b,c=d` → labels, with kubectl's error for malformed pairs. */
function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid label spec: ${part}`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

/** A loose check of the image reference grammar (distribution/reference). */
function isValidImage(image: string): boolean {
  return /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$/.test(image);
}

export const run: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  long: "Create and run a particular image in a pod.",
  example: `# Start a nginx pod
kubectl run nginx --image=nginx

# Start a hazelcast pod and let the container expose port 5701
kubectl run hazelcast --image=hazelcast/hazelcast --port=5701

# Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"

# Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"

# Dry run; print the corresponding API objects without creating them
kubectl run nginx --image=nginx --dry-run=client

# Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'

# Start a busybox pod and keep it in the foreground, don't restart it if it exits
kubectl run -i -t busybox --image=busybox --restart=Never

# Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>

# Start the nginx pod using a different command and custom arguments
kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'image', type: 'string', help: 'The image for the container to run.' },
    { name: 'env', type: 'stringArray', help: 'Environment variables to set in the container.' },
    { name: 'port', type: 'string', help: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', help: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'restart', type: 'string', default: 'Always', help: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]." },
    { name: 'command', type: 'bool', help: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'stdin', short: 'i', type: 'bool', help: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', help: 'Allocate a TTY for the container in the pod.' },
    { name: 'rm', type: 'bool', help: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'attach', type: 'bool', help: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.' },
    { name: 'image-pull-policy', type: 'string', help: 'The image pull policy for the container.' },
    { name: 'annotations', type: 'stringArray', help: 'Annotations to apply to the pod.' },
    { name: 'serviceaccount', type: 'string', help: "Service account to set in the pod spec." },
    { name: 'quiet', short: 'q', type: 'bool', help: 'If true, suppress prompt messages.' },
    { name: 'overrides', type: 'string', help: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'override-type', type: 'string', default: 'merge', help: 'The method used to override the generated object: json, merge, or strategic.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    const name = p.args[0];
    if (!name) throw new KubectlError('NAME is required for run');
    const image = str(p, 'image');
    if (!image) throw new KubectlError('--image is required');
    if (!isValidImage(image)) throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
    checkOutputFormat(inv);
    const restart = str(p, 'restart') ?? 'Always';
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}`);
    const interactive = bool(p, 'stdin');
    const remove = bool(p, 'rm');
    const attach = bool(p, 'attach') || interactive;
    if (remove && !attach) throw new KubectlError('--rm should only be used for attached containers');
    const dryRun = dryRunOf(inv);
    if (remove && dryRun !== 'none') throw new KubectlError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");

    const extra = [...p.args.slice(1), ...p.rest];
    const container: Record<string, unknown> = { image, name, resources: {} };
    if (extra.length) container[bool(p, 'command') ? 'command' : 'args'] = extra;
    const env = strings(p, 'env').map((e) => {
      const eq = e.indexOf('=');
      if (eq <= 0) throw new KubectlError(`invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
    if (env.length) container.env = env;
    const port = str(p, 'port');
    if (port) {
      if (!/^\d+$/.test(port)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
      container.ports = [{ containerPort: Number(port) }];
    }
    const pull = str(p, 'image-pull-policy');
    if (pull) container.imagePullPolicy = pull;
    if (interactive) {
      container.stdin = true;
      if (remove || attach) container.stdinOnce = true;
    }
    if (bool(p, 'tty')) container.tty = true;
    const labels = str(p, 'labels') ? parseLabels(str(p, 'labels')!) : { run: name };
    const meta: Record<string, unknown> = { labels, name };
    const annotations = strings(p, 'annotations');
    if (annotations.length) {
      meta.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
    }
    if (inv.namespaceExplicit) meta.namespace = inv.namespace;
    const spec: Record<string, unknown> = { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart };
    const sa = str(p, 'serviceaccount');
    if (sa) spec.serviceAccountName = sa;
    const generated = { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec, status: {} } as unknown as KubeObject;
    const pod = applyOverrides(generated, str(p, 'overrides') ?? '', str(p, 'override-type') ?? 'merge');

    const toSend = structuredClone(pod);
    if (dryRun !== 'client') toSend.metadata.namespace = inv.namespace;
    const created = submitCreate(inv, toSend, dryRun, validationOf(inv)) as KubeObject;
    if (!attach) {
      reportChange(inv, created, 'created', dryRun);
      return 0;
    }
    return attachAndMaybeRemove(inv, created, remove, int(p, 'v'));
  },
};

/**
 * --overrides (cmd/util/override_options.go Overrider.Apply and helpers.go Merge, StrategicMerge,
 * JSONPatch): the generated pod, as JSON, patched by the override; RFC 7396 merge by default.
 * Malformed overrides fail as the patch libraries word it: json-patch's `Invalid JSON Patch` for
 * merge, strategicpatch's `invalid JSON document` for strategic, encoding/json's syntax error
 * for json.
 */
export function applyOverrides(pod: KubeObject, overrides: string, type: string): KubeObject {
  if (overrides === '') return pod;
  if (type !== 'json' && type !== 'merge' && type !== 'strategic') throw new KubectlError(`invalid override type: ${type}`);
  let doc: unknown;
  try {
    doc = JSON.parse(overrides);
  } catch {
    if (type === 'json') throw new KubectlError(goJsonSyntaxError(overrides) ?? 'unexpected end of JSON input');
    doc = undefined;
  }
  const isObject = typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  let patched: unknown;
  try {
    if (type === 'json') patched = applyJsonPatch(pod, doc);
    else if (!isObject) throw new KubectlError(type === 'merge' ? 'Invalid JSON Patch' : 'invalid JSON document');
    else if (type === 'merge') patched = jsonMergePatch(structuredClone(pod), doc);
    else patched = strategicMergePatch(pod as never, doc as never, 'Pod');
  } catch (e) {
    if (e instanceof JsonPatchError || e instanceof PatchError) throw new KubectlError(e.message);
    throw e;
  }
  const out = patched as KubeObject;
  if (typeof out !== 'object' || out === null || Array.isArray(out) || !out.metadata) throw new KubectlError(`Object 'Kind' is missing in '${overrides}'`);
  // Decoded back into a v1.Pod: the struct-valued fields without omitempty pointers print again,
  // empty, as the generated pod has them (resources: {}, status: {}); a zero creationTimestamp
  // is omitted since v1.34 (kubernetes/kubernetes#130989), a null one too.
  if (out.metadata.creationTimestamp === null) delete (out.metadata as Record<string, unknown>).creationTimestamp;
  for (const list of ['initContainers', 'containers'] as const) {
    for (const c of (out.spec?.[list] ?? []) as Record<string, unknown>[]) {
      if (typeof c === 'object' && c !== null && !('resources' in c)) c.resources = {};
    }
  }
  if (!('status' in out)) out.status = {};
  return out;
}

/**
 * Attaches to the pod: with stdin the learner's input is fed to the container's command (the
 * attached session); without, the pod's output is shown once it finishes. With --rm the pod is
 * deleted afterwards, as kubectl does on detach.
 */
async function attachAndMaybeRemove(
  inv: Parameters<NonNullable<KubectlCommand['run']>>[0],
  pod: KubeObject,
  remove: boolean,
  _verbosity: number | undefined,
): Promise<number> {
  const { api } = inv.cluster;
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;
  const current = () => api.tryGet<K8s<Pod>>('Pod', ns, name);
  const phase = () => current()?.status?.phase as string | undefined;
  const started = await inv.host.time.waitUntil(inv.cluster, () => ['Running', 'Succeeded', 'Failed'].includes(phase() ?? ''), 60_000, inv.io.signal);
  if (!started) throw new KubectlError('timed out waiting for the condition');
  const container = pod.spec?.containers?.[0] as { name: string; command?: string[]; args?: string[]; stdin?: boolean } | undefined;
  let code = 0;
  if (container?.stdin && phase() === 'Running') {
    if (!bool(inv.parsed, 'quiet')) inv.io.err("If you don't see a command prompt, try pressing enter.\n");
    const argv = [...(container.command ?? []), ...(container.args ?? [])];
    const result = execInContainer(inv.cluster, current()!, container.name, argv.length ? argv : ['sh'], { stdin: inv.io.stdin });
    inv.io.out(result.stdout);
    if (result.stderr) inv.io.err(result.stderr);
    code = result.exitCode;
  } else {
    await inv.host.time.waitUntil(inv.cluster, () => ['Succeeded', 'Failed'].includes(phase() ?? ''), 3600_000, inv.io.signal);
    const now = current();
    if (now) {
      try {
        inv.io.out(readLogs(inv.cluster, now, container?.name));
      } catch {
        // Nothing was logged (the container never ran).
      }
      code = now.status?.containerStatuses?.[0]?.state?.terminated?.exitCode ?? 0;
    }
  }
  if (remove) {
    api.delete('Pod', ns, name, {});
    inv.io.out(`pod "${name}" deleted from ${ns} namespace\n`);
  }
  if (code !== 0) throw new KubectlError(`pod ${ns}/${name} terminated (Error)`, code);
  return 0;
}
