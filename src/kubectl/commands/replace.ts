/**
 * kubectl replace -f: replaces whole objects with the manifest (PUT), or with `--force` deletes
 * and re-creates them (staging/src/k8s.io/kubectl/pkg/cmd/replace/replace.go).
 */
import type { KubeObject } from '../../sim/apiserver/types.ts';
import { checkOutputFormat, dryRunOf, DRY_RUN_FLAG, OUTPUT_FLAG, reportChange, typePrefix } from '../change-output.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError, withSource } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { bool, int, strings } from '../flags.ts';
import { readAllManifests } from '../manifest/read.ts';
import { aggregate, serverDecode, validationOf, VALIDATE_FLAG } from '../submit.ts';

export const replace: KubectlCommand = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  long: "Replace a resource by file name or stdin.\n\n JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by\n\n        $ kubectl get TYPE NAME -o yaml",
  example: `# Replace a pod using the data in pod.json
kubectl replace -f ./pod.json

# Replace a pod based on the JSON passed into stdin
cat pod.json | kubectl replace -f -

# Update a single-container pod's image version (tag) to v4
kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -

# Force replace, delete and then re-create the resource
kubectl replace --force -f ./pod.json`,
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    ...fileFlags('to use to replace the resource.'),
    { name: 'force', type: 'bool', help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.' },
    { name: 'cascade', type: 'string', default: 'background', help: 'Must be "background", "orphan", or "foreground".' },
    { name: 'wait', type: 'bool', help: 'Only relevant during a force replace. If true, wait for resources to be gone before returning.' },
    { name: 'save-config', type: 'bool', help: 'If true, the configuration of current object will be saved in its annotation.' },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
  ],
  async run(inv) {
    const p = inv.parsed;
    const files = strings(p, 'filename');
    if (files.length === 0) throw new KubectlError('must specify --filename to replace');
    checkOutputFormat(inv);
    const dryRun = dryRunOf(inv);
    const validation = validationOf(inv);
    const force = bool(p, 'force');
    if (force && dryRun !== 'none') throw new KubectlError('--dry-run can not be used when --force is set');
    // The force path deletes with the given grace period (the object's default when unset) and waits.
    const grace = force ? (int(p, 'grace-period') ?? -1) : -1;
    const objects = await readAllManifests(inv, files, { recursive: bool(p, 'recursive') });
    const errors: unknown[] = [];
    let count = 0;
    for (const item of objects) {
      const ns = item.type.namespaced ? item.object.metadata?.namespace : undefined;
      const name = item.object.metadata?.name ?? '';
      try {
        if (force) {
          const live = inv.cluster.api.tryGet(item.type.kind, ns, name);
          if (live) {
            inv.cluster.api.delete(item.type.kind, ns, name, { gracePeriodSeconds: grace >= 0 ? grace : undefined });
            if (grace === 0 && item.type.kind === 'Pod') inv.cluster.api.finalizeDeletion('Pod', ns, name, live.metadata.uid);
            const where = item.type.namespaced ? ` from ${ns} namespace` : '';
            inv.io.out(`${typePrefix(item.type)} "${name}" ${grace === 0 ? 'force deleted' : 'deleted'}${where}\n`);
            const uid = live.metadata.uid;
            const gone = await inv.host.time.waitUntil(
              inv.cluster,
              () => inv.cluster.api.tryGet(item.type.kind, ns, name)?.metadata.uid !== uid,
              168 * 3600_000,
              inv.io.signal,
            );
            if (!gone) throw new KubectlError(`timed out waiting for the condition on ${item.type.plural}/${name}`);
          }
          const decoded = serverDecode(inv, item.object, validation);
          delete decoded.metadata.resourceVersion;
          const created = inv.cluster.api.create(decoded);
          reportChange(inv, created as KubeObject, 'replaced', dryRun, count++);
          continue;
        }
        inv.cluster.api.get(item.type.kind, ns, name);
        const decoded = serverDecode(inv, item.object, validation);
        const result = dryRun === 'client' ? decoded : inv.cluster.api.update(decoded, { dryRun: dryRun === 'server' });
        reportChange(inv, result as KubeObject, 'replaced', dryRun, count++);
      } catch (e) {
        errors.push(withSource(e, 'replacing', item.source));
      }
    }
    if (errors.length) throw aggregate(inv, errors);
    return 0;
  },
};
