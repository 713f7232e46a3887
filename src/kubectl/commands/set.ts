/**
 * kubectl set image: changes container images of workloads and pods (`NAME=IMAGE`, `*=IMAGE` for
 * every container), printing `statefulset.apps/web image updated`
 * (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go).
 */
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, str, strings } from '../flags.ts';
import { readAllManifests } from '../manifest/read.ts';
import { aggregate } from '../submit.ts';
import { getTarget, listTargets, parseTargets } from '../targets.ts';
import { env } from './set/env.ts';
import { podSpecOf } from './set/pod-template.ts';
import { resources } from './set/resources.ts';

const image: KubectlCommand = {
  name: 'image',
  short: 'Update the image of a pod template',
  long: "Update existing container image(s) of resources.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)",
  example: `# Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

# Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
kubectl set image deployments,rc nginx=nginx:1.9.1 --all

# Update image of all containers of daemonset abc to 'nginx:1.9.1'
kubectl set image daemonset abc *=nginx:1.9.1

# Print result (in yaml format) of updating nginx container image from local file, without hitting the server
kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  flags: [
    ...fileFlags('identifying the resource to get from a server.'),
    { name: 'all', type: 'bool', help: "Select all resources, in the namespace of the specified resource types" },
    { name: 'selector', short: 'l', type: 'string', help: 'Selector (label query) to filter on.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const resourceArgs = p.args.filter((a) => !a.includes('='));
    const imageArgs = p.args.filter((a) => a.includes('='));
    if (imageArgs.length === 0) throw new KubectlError('at least one image update is required');
    const images = new Map<string, string>();
    for (const a of imageArgs) {
      const eq = a.indexOf('=');
      images.set(a.slice(0, eq), a.slice(eq + 1));
    }
    const files = strings(p, 'filename');
    let targets: Stored<KubeObject>[] = [];
    const errors: unknown[] = [];
    if (files.length) {
      for (const m of await readAllManifests(inv, files)) targets.push(inv.cluster.api.get(m.type.kind, m.object.metadata.namespace, m.object.metadata.name ?? ''));
    } else {
      if (resourceArgs.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
      const t = parseTargets(resourceArgs);
      if (t.types.length) {
        if (!bool(p, 'all') && !str(p, 'selector')) throw new KubectlError('resource(s) were provided, but no name was specified');
        targets = listTargets(inv, t.types, str(p, 'selector'));
      }
      for (const n of t.named) {
        try {
          targets.push(getTarget(inv, n));
        } catch (e) {
          errors.push(e);
        }
      }
    }
    let count = 0;
    for (const obj of targets) {
      try {
        const copy = structuredClone(obj) as KubeObject;
        const spec = podSpecOf(copy);
        if (!spec) throw new KubectlError(`error: ${obj.kind.toLowerCase()}/${obj.metadata.name} does not have a pod template`);
        const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
        for (const [name, img] of images) {
          if (name === '*') {
            for (const c of all) c.image = img;
            continue;
          }
          const c = all.find((x) => x.name === name);
          if (!c) throw new KubectlError(`unable to find container named ${JSON.stringify(name)}`);
          c.image = img;
        }
        if (JSON.stringify(copy) === JSON.stringify(obj)) continue;
        const result = dryRun === 'client' ? copy : (inv.cluster.api.update(copy, { dryRun: dryRun === 'server' }) as KubeObject);
        reportChange(inv, result, 'image updated', dryRun, count++);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};

export const set: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [env, image, resources],
};
