/**
 * kubectl explain TYPE[.field…] [--recursive]: the schema of a kind or field, laid out as kubectl's
 * OpenAPI v3 plaintext template prints it (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/
 * plaintext.tmpl): GROUP/KIND/VERSION, FIELD, DESCRIPTION wrapped at 76 columns (sprig `wrap`),
 * and FIELDS sorted by name with `-required-` and `enum:` annotations.
 */
import { schemaForKind, structNamed, type FieldDef, type FieldType, type StructDef } from '../../sim/apiserver/schema/index.ts';
import { explainTypeName } from '../../sim/apiserver/schema/types.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool } from '../flags.ts';
import { resolveMappedTypeOrThrow } from '../targets.ts';

/**
 * sprig's `wrap` (goutils.WrapCustom without long-word wrapping): breaks the whole text at the
 * last space within `width`, treating existing newlines as ordinary characters, as upstream does.
 */
export function goWrap(text: string, width: number): string {
  if (text === '') return '';
  let out = '';
  let offset = 0;
  const len = text.length;
  while (len - offset > width) {
    if (text[offset] === ' ') {
      offset++;
      continue;
    }
    const window = text.slice(offset, Math.min(len, width + offset + 1));
    const space = window.lastIndexOf(' ');
    if (space >= 0) {
      out += text.slice(offset, offset + space) + '\n';
      offset += space + 1;
      continue;
    }
    const next = text.indexOf(' ', width + offset);
    if (next >= 0) {
      out += text.slice(offset, next) + '\n';
      offset = next + 1;
    } else {
      out += text.slice(offset);
      offset = len;
    }
  }
  return out + text.slice(offset);
}

/** sprig's `indent`: pads the first line and every line after a newline. */
export function goIndent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return pad + text.replace(/\n/g, '\n' + pad);
}

function structOf(t: FieldType): StructDef | undefined {
  if (t.t === 'ref') return structNamed(t.name);
  if (t.t === 'array') return structOf(t.items);
  if (t.t === 'map') return structOf(t.values);
  return undefined;
}

function enumOf(t: FieldType): string[] | undefined {
  if (t.t === 'string') return t.enum;
  if (t.t === 'array') return enumOf(t.items);
  return undefined;
}

function enumValue(v: string): string {
  return v === '' ? '""' : v;
}

/**
 * What the schemas of IntOrString, Quantity and Time say of themselves (our wording): the
 * description template prints it after the field's own text, as it does a struct's.
 */
const SCALAR_DESCRIPTIONS: Partial<Record<FieldType['t'], string>> = {
  intOrString: 'IntOrString holds either an int32 or a string, so one field can take a number or a name, like a port (8080 or "http") or a count (1 or "25%").',
  quantity:
    'Quantity is a fixed-point number with an optional suffix: binary Ki, Mi, Gi, Ti, decimal k, M, G, T, or m for thousandths, like 500m or 1Gi. It is written as a string or a number and printed in a canonical form.',
  time: 'Time is a timestamp, written as an RFC 3339 string in UTC, like 2024-01-02T15:04:05Z.',
};

/** The description a field's type adds (through arrays and maps, as the template follows items). */
function typeDescription(t: FieldType): string | undefined {
  if (t.t === 'array') return typeDescription(t.items);
  if (t.t === 'map') return typeDescription(t.values);
  if (t.t === 'ref') return structNamed(t.name)?.description;
  return SCALAR_DESCRIPTIONS[t.t];
}

/** The description template: the field's own text, then its type's. */
function describeField(f: FieldDef): string {
  let text = f.description + '\n';
  const extra = typeDescription(f.type);
  if (extra) text += extra + '\n';
  return text;
}

function fieldList(s: StructDef, level: number, recursive: boolean, seen: Set<string>): string {
  if (seen.has(s.name)) return '';
  const history = new Set(seen).add(s.name);
  let out = '';
  const indent = level * 2;
  for (const name of Object.keys(s.fields).sort()) {
    const f = s.fields[name]!;
    out += goIndent(name, indent) + `\t<${explainTypeName(f.type)}>`;
    if (f.required) out += ' -required-';
    const values = enumOf(f.type);
    if (values) {
      const shown = values.slice(0, 4).map(enumValue).join(', ');
      out += `\n${' '.repeat(indent)}enum: ${shown}${values.length > 4 ? ', ....' : ''}`;
    }
    out += '\n';
    if (!recursive) {
      out += goIndent(goWrap(f.description || '<no description>', 78 - indent), indent + 2) + '\n\n';
      continue;
    }
    const sub = structOf(f.type);
    if (sub) out += fieldList(sub, level + 1, recursive, history);
  }
  return out;
}

export const explain: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: "Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  example: `# Get the documentation of the resource and its fields
kubectl explain pods

# Get all the fields in the resource
kubectl explain pods --recursive

# Get the explanation for deployment in supported api versions
kubectl explain deployments --api-version=apps/v1

# Get the documentation of a specific field of a resource
kubectl explain pods.spec.containers

# Get the documentation of resources in different format
kubectl explain deployment --output=plaintext-openapiv2`,
  usage: "kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]",
  flags: [
    { name: 'recursive', type: 'bool', help: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', help: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', type: 'string', default: 'plaintext', help: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  async run(inv) {
    const arg = inv.parsed.args[0];
    if (!arg) {
      throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    if (inv.parsed.args.length > 1) throw new KubectlError(`We accept only this format: explain RESOURCE`);
    const recursive = bool(inv.parsed, 'recursive');
    const [typeWord, ...path] = arg.split('.');
    // `statefulsets.apps.spec` is ambiguous upstream too; a group suffix is only recognised as `TYPE.GROUP`.
    const type = resolveMappedTypeOrThrow(typeWord!);
    const root = schemaForKind(type.kind);
    if (!root) throw new KubectlError(`GVK ${type.group ? `${type.group}/` : ''}${type.version}, Kind=${type.kind} not found in OpenAPI schema`);
    let out = '';
    if (type.group) out += `GROUP:      ${type.group}\n`;
    out += `KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`;
    let current: StructDef | undefined = root;
    let field: FieldDef | undefined;
    for (let i = 0; i < path.length; i++) {
      const name = path[i]!;
      field = current?.fields[name];
      if (!field) throw new KubectlError(`field ${JSON.stringify(name)} does not exist`);
      if (i === path.length - 1) {
        out += `FIELD: ${name} <${explainTypeName(field.type)}>\n`;
        const values = enumOf(field.type);
        if (values) out += 'ENUM:' + values.map((v) => `\n    ${enumValue(v)}`).join('');
        out += '\n\n';
      }
      current = structOf(field.type);
    }
    const description = field ? describeField(field) : root.description + '\n';
    out += 'DESCRIPTION:\n' + goIndent(goWrap(description, 76), 4) + '\n';
    const fields = current && (!field || structOf(field.type)) ? fieldList(current, 1, recursive, new Set()) : '';
    if (fields) out += 'FIELDS:\n' + fields;
    inv.io.out(out + '\n');
    return 0;
  },
};
