/**
 * kubectl describe: detailed text for objects (staging/src/k8s.io/kubectl/pkg/cmd/describe). A
 * type alone describes every object of it; `TYPE prefix` describes the objects whose names start
 * with it when no object has that exact name.
 */
import { isNotFound } from '../../sim/apiserver/errors.ts';
import { RESOURCE_TYPES, resolveResource, type ResourceType } from '../../sim/apiserver/resources.ts';
import { parseLabelSelector, SelectorError, type Selector } from '../../sim/apiserver/selectors.ts';
import type { Stored } from '../../sim/apiserver/types.ts';
import type { KubectlCommand } from '../command.ts';
import { describerFor } from '../describe/index.ts';
import { formatError, KubectlError, RawError } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, str, strings } from '../flags.ts';
import { readManifests } from '../manifest/read.ts';

export const describe: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  long: "Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  example: `# Describe a node
kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

# Describe a pod
kubectl describe pods/nginx

# Describe a pod identified by type and name in "pod.json"
kubectl describe -f pod.json

# Describe all pods
kubectl describe pods

# Describe pods by label name=myLabel
kubectl describe pods -l name=myLabel

# Describe all pods managed by the 'frontend' replication controller
# (rc-created pods get the name of the rc as a prefix in the pod name)
kubectl describe pods frontend`,
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  flags: [
    { name: 'selector', short: 'l', type: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'all-namespaces', short: 'A', type: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'show-events', type: 'bool', default: true, help: 'If true, display events related to the described object.' },
    { name: 'chunk-size', type: 'int', default: 500, help: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    ...fileFlags('containing the resource to describe'),
  ],
  async run(inv) {
    const p = inv.parsed;
    const args = p.args;
    const files = strings(p, 'filename');
    if (args.length === 0 && files.length === 0) {
      inv.io.err('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw new KubectlError("Required resource not specified.\nSee 'kubectl describe -h' for help and examples");
    }
    const allNamespaces = bool(p, 'all-namespaces');
    let selector: Selector | undefined;
    try {
      const text = str(p, 'selector');
      if (text) selector = parseLabelSelector(text);
    } catch (e) {
      if (e instanceof SelectorError) throw new KubectlError(e.message);
      throw e;
    }
    const api = inv.cluster.api;
    const nsOf = (t: ResourceType) => (t.namespaced ? inv.namespace : undefined);
    const objects: Stored[] = [];
    const errors: unknown[] = [];
    const typeOf = (word: string) => {
      const t = resolveResource(word);
      if (!t) {
        const category = RESOURCE_TYPES.filter((r) => r.categories?.includes(word));
        if (category.length) return category;
        throw new KubectlError(`the server doesn't have a resource type "${word}"`);
      }
      return [t];
    };
    if (files.length > 0) {
      const read = await readManifests(inv, files, { recursive: bool(p, 'recursive') });
      for (const o of read.objects) {
        try {
          objects.push(api.get(o.type.kind, o.type.namespaced ? o.object.metadata.namespace : undefined, o.object.metadata.name ?? ''));
        } catch (e) {
          errors.push(e);
        }
      }
      if (read.error) errors.push(read.error);
    } else if (args.some((a) => a.includes('/'))) {
      for (const a of args) {
        const slash = a.indexOf('/');
        if (slash === -1) {
          throw new KubectlError(
            `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl describe resource/<resource_name>' instead of 'kubectl describe resource resource/<resource_name>'`,
          );
        }
        for (const t of typeOf(a.slice(0, slash))) {
          try {
            objects.push(api.get(t.kind, nsOf(t), a.slice(slash + 1)));
          } catch (e) {
            errors.push(e);
          }
        }
      }
    } else {
      const types = args[0]!.split(',').filter((w) => w).flatMap(typeOf);
      const names = args.slice(1);
      if (names.length === 0) {
        for (const t of types) {
          objects.push(...api.list(t.kind, { namespace: t.namespaced && !allNamespaces ? inv.namespace : undefined, labelSelector: selector }));
        }
      } else {
        for (const t of types) {
          for (const name of names) {
            try {
              objects.push(api.get(t.kind, nsOf(t), name));
            } catch (e) {
              if (isNotFound(e) && names.length === 1) {
                // DescribeMatchingResources: fall back to a name prefix.
                const matches = api.list(t.kind, { namespace: nsOf(t) }).filter((o) => o.metadata.name!.startsWith(name));
                if (matches.length > 0) {
                  objects.push(...matches);
                  continue;
                }
              }
              errors.push(e);
            }
          }
        }
      }
      if (names.length === 0 && objects.length === 0 && errors.length === 0) {
        inv.io.err(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
        return 0;
      }
    }
    const ctx = { cluster: inv.cluster, now: inv.cluster.clock.now(), showEvents: p.flags.get('show-events') !== false };
    objects.forEach((o, i) => {
      const text = describerFor(o.kind).describe(o, ctx);
      inv.io.out(i === 0 ? text : `\n\n${text}`);
    });
    if (errors.length > 0) throw new RawError(errors.map((e) => formatError(e, 'describe')).join(''));
    return 0;
  },
};
