/**
 * kubectl edit: opens the object as YAML in the editor (the host's `edit`, or, headless, the edited
 * text read from stdin), then writes back what changed. Invalid edits re-open with the errors as
 * comments when an editor is available; headless they are reported and the edited copy is kept in
 * /tmp, as kubectl does (staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go).
 */
import { ApiError } from '../../sim/apiserver/errors.ts';
import type { KubeObject, Stored } from '../../sim/apiserver/types.ts';
import { fnv1a } from '../../sim/random.ts';
import { groupResource, resourceForKind } from '../../sim/apiserver/resources.ts';
import { checkOutputFormat, reportChange } from '../change-output.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { formatError, KubectlError, RawError } from '../errors.ts';
import { fileFlags } from '../file-flags.ts';
import { strings } from '../flags.ts';
import { toYaml } from '../format/yaml.ts';
import { ManifestParseError, parseStream } from '../manifest/parse.ts';
import { readAllManifests } from '../manifest/read.ts';
import { forDisplay } from '../output.ts';
import { serverDecode, validationOf, VALIDATE_FLAG } from '../submit.ts';
import { getTarget, NO_RESOURCES_TEXT, parseTargets } from '../targets.ts';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from '../change-output.ts';

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** Drops comment lines, as the editor loop does before comparing and parsing. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');
}

/** The comment block describing why the last save failed. */
function errorComment(e: unknown): string {
  if (e instanceof ApiError && e.reason === 'Invalid' && e.details.kind) {
    const t = e.details.kind;
    const lines = (e.details.causes ?? []).map((c) => `# * ${c.field ? `${c.field}: ` : ''}${c.message}`);
    return `# ${pluralOf(t)} ${JSON.stringify(e.details.name)} was not valid:\n${lines.join('\n')}\n#\n`;
  }
  const text = formatError(e, 'edit').trimEnd();
  return text.split('\n').map((l) => `# ${l}`).join('\n') + '\n#\n';
}

/** `pods`, `statefulsets.apps`: how the edit messages name a kind. */
function pluralOf(kind: string): string {
  const t = resourceForKind(kind);
  return t ? groupResource(t) : kind.toLowerCase();
}

/** JSON with sorted keys, so objects compare by content whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function sameObjects(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

async function targetsOf(inv: Invocation): Promise<Stored<KubeObject>[]> {
  const files = strings(inv.parsed, 'filename');
  if (files.length) {
    return (await readAllManifests(inv, files)).map((m) =>
      inv.cluster.api.get(m.type.kind, m.type.namespaced ? m.object.metadata.namespace : undefined, m.object.metadata.name ?? ''),
    );
  }
  if (inv.parsed.args.length === 0) throw new KubectlError(NO_RESOURCES_TEXT);
  const t = parseTargets(inv.parsed.args);
  if (t.types.length) {
    return t.types.flatMap((type) => inv.cluster.api.list(type.kind, { namespace: type.namespaced ? inv.namespace : undefined }));
  }
  return t.named.map((n) => getTarget(inv, n));
}

export const edit: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  long: "Edit a resource from the default editor.\n\n The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.\n\n You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.\n\n Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.\n\n The default format is YAML. To edit in JSON, specify \"-o json\".\n\n The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.\n\n In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.",
  example: `# Edit the service named 'registry'
kubectl edit svc/registry

# Use an alternative editor
KUBE_EDITOR="nano" kubectl edit svc/registry

# Edit the job 'myjob' in JSON using the v1 API format
kubectl edit job.v1.batch/myjob -o json

# Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
kubectl edit deployment/mydeployment -o yaml --save-config

# Edit the 'status' subresource for the 'mydeployment' deployment
kubectl edit deployment mydeployment --subresource='status'`,
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    ...fileFlags('to use to edit the resource'),
    { name: 'field-manager', type: 'string', default: 'kubectl-edit', help: 'Name of the manager used to track field ownership.' },
    OUTPUT_FLAG,
    VALIDATE_FLAG,
    DRY_RUN_FLAG,
  ],
  async run(inv) {
    checkOutputFormat(inv);
    const validation = validationOf(inv);
    const originals = await targetsOf(inv);
    if (originals.length === 0) throw new KubectlError('edit cancelled, no objects found');
    const shown = originals.map((o) => forDisplay(o));
    const body =
      shown.length === 1 ? toYaml(shown[0]) : toYaml({ apiVersion: 'v1', items: shown, kind: 'List', metadata: { resourceVersion: '' } });
    const fileName = `/tmp/kubectl-edit-${fnv1a(body + inv.cluster.clock.now()) % 10_000_000_000}.yaml`;
    let text = HEADER + body;
    let comment = '';
    for (let attempt = 0; ; attempt++) {
      let edited: string | null;
      if (inv.host.edit) edited = await inv.host.edit(fileName, attempt === 0 ? text : HEADER + comment + stripComments(text).replace(/^\n+/, ''));
      else edited = attempt === 0 ? inv.io.stdin : null;
      if (edited === null || (attempt > 0 && !inv.host.edit)) {
        inv.io.err('Edit cancelled, no changes made.\n');
        return 0;
      }
      const content = stripComments(edited);
      if (content.trim() === '') {
        inv.io.err('Edit cancelled, saved file was empty.\n');
        return 0;
      }
      let docs: KubeObject[];
      try {
        docs = parseStream(content, fileName).flatMap((d) => {
          const v = d.value as KubeObject;
          return v && v.kind === 'List' && Array.isArray(v.items) ? (v.items as KubeObject[]) : [v];
        });
      } catch (e) {
        const message = e instanceof ManifestParseError ? e.message : String(e);
        if (!inv.host.edit) throw new KubectlError(message);
        comment = `# ${message.replace(/\n/g, '\n# ')}\n#\n`;
        text = edited;
        continue;
      }
      if (sameObjects(docs, shown)) {
        inv.io.err('Edit cancelled, no changes made.\n');
        return 0;
      }
      const failures: unknown[] = [];
      for (const doc of docs) {
        const original = originals.find((o) => o.kind === doc?.kind && o.metadata.name === doc?.metadata?.name && o.metadata.namespace === doc?.metadata?.namespace);
        try {
          if (!original) throw new KubectlError('the name of the object cannot be changed');
          const decoded = serverDecode(inv, doc, validation);
          if (sameObjects(forDisplay(original), doc)) continue;
          delete decoded.metadata.resourceVersion;
          const updated = inv.cluster.api.update(decoded);
          reportChange(inv, updated as KubeObject, 'edited', 'none');
        } catch (e) {
          failures.push(e);
        }
      }
      if (failures.length === 0) return 0;
      if (inv.host.edit) {
        comment = failures.map(errorComment).join('');
        text = edited;
        continue;
      }
      await inv.host.writeFile(fileName, edited);
      const lines = failures.map((e) =>
        e instanceof ApiError && e.reason === 'Invalid' ? `error: ${pluralOf(e.details.kind ?? '')} ${JSON.stringify(e.details.name)} is invalid\n` : formatError(e, 'edit'),
      );
      throw new RawError(`${lines.join('')}A copy of your changes has been stored to ${JSON.stringify(fileName)}\nerror: Edit cancelled, no valid changes were saved.\n`);
    }
  },
};
