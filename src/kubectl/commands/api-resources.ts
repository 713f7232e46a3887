/**
 * kubectl api-resources: the resource types the server serves
 * (staging/src/k8s.io/kubectl/pkg/cmd/apiresources/apiresources.go). Sorted by API group unless
 * --sort-by name|kind; `--namespaced=false` keeps the cluster-scoped ones.
 */
import { apiVersionOf, RESOURCE_TYPES, type ResourceType } from '../../sim/apiserver/resources.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str, strings } from '../flags.ts';
import { renderTable } from '../format/tabwriter.ts';

export const apiResources: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: "Print the supported API resources on the server.",
  example: `# Print the supported API resources
kubectl api-resources

# Print the supported API resources with more information
kubectl api-resources -o wide

# Print the supported API resources sorted by a column
kubectl api-resources --sort-by=name

# Print the supported namespaced resources
kubectl api-resources --namespaced=true

# Print the supported non-namespaced resources
kubectl api-resources --namespaced=false

# Print the supported API resources with a specific APIGroup
kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', help: "Output format. One of: (wide, name)." },
    { name: 'namespaced', type: 'bool', default: true, help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', help: 'Limit to resources in the specified API group.' },
    { name: 'sort-by', type: 'string', help: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'no-headers', type: 'bool', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'verbs', type: 'stringArray', help: 'Limit to resources that support the specified verbs.' },
    { name: 'categories', type: 'stringArray', help: 'Limit to resources that belong to the specified categories.' },
    { name: 'cached', type: 'bool', help: 'Use the cached list of resources if available.' },
  ],
  async run(inv) {
    const p = inv.parsed;
    const output = str(p, 'output') ?? '';
    if (output !== '' && output !== 'wide' && output !== 'name') {
      throw new KubectlError(`--output ${output} is not available`);
    }
    const sortBy = str(p, 'sort-by') ?? '';
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') {
      throw new KubectlError(`--sort-by accepts only name or kind`);
    }
    const group = str(p, 'api-group');
    const verbs = strings(p, 'verbs').flatMap((v) => v.split(','));
    const categories = strings(p, 'categories').flatMap((v) => v.split(','));
    let list: ResourceType[] = RESOURCE_TYPES.filter((t) => {
      if (p.set.has('namespaced') && t.namespaced !== bool(p, 'namespaced')) return false;
      if (group !== undefined && t.group !== group) return false;
      if (!verbs.every((v) => t.verbs.includes(v))) return false;
      if (!categories.every((c) => t.categories?.includes(c))) return false;
      return true;
    });
    const key = (t: ResourceType) => (sortBy === 'name' ? t.plural : sortBy === 'kind' ? t.kind : t.group);
    list = list
      .map((t, i) => ({ t, i }))
      .sort((a, b) => (key(a.t) < key(b.t) ? -1 : key(a.t) > key(b.t) ? 1 : a.i - b.i))
      .map((x) => x.t);
    if (output === 'name') {
      for (const t of list) inv.io.out(t.group ? `${t.plural}.${t.group}\n` : `${t.plural}\n`);
      return 0;
    }
    const wide = output === 'wide';
    const rows: string[][] = [];
    if (!bool(p, 'no-headers')) {
      rows.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])]);
    }
    for (const t of list) {
      const row = [t.plural, t.shortNames.join(','), apiVersionOf(t), String(t.namespaced), t.kind];
      if (wide) row.push(t.verbs.join(','), (t.categories ?? []).join(','));
      rows.push(row);
    }
    inv.io.out(renderTable(rows));
    return 0;
  },
};
