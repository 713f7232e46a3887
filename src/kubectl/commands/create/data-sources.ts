/**
 * The `--from-literal`, `--from-file` and `--from-env-file` sources of `create configmap` and
 * `create secret generic` (kubectl's pkg/cmd/create/create_configmap.go handlers).
 */
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { strings } from '../../flags.ts';

export const DATA_SOURCE_FLAGS = [
  { name: 'from-literal', type: 'stringArray' as const, help: 'Specify a key and literal value to insert (i.e. mykey=somevalue)' },
  { name: 'from-file', type: 'stringArray' as const, help: 'Key file can be specified using its file path, in which case file basename will be used as key, or optionally with a key and file path, in which case the given key will be used.' },
  { name: 'from-env-file', type: 'stringArray' as const, help: 'Specify the path to a file to read lines of key=val pairs.' },
];

/** Collects key → text from the flags, in the order given, with kubectl's error texts. */
export async function collectData(inv: Invocation, kindLabel: string, name: string): Promise<Record<string, string>> {
  const data: Record<string, string> = {};
  const put = (key: string, value: string) => {
    if (key in data) {
      // create_configmap.go quotes the key and names the ConfigMap; create_secret.go does neither.
      throw new KubectlError(
        kindLabel === 'Secret'
          ? `cannot add key ${key}, another key by that name already exists`
          : `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ${kindLabel} ${JSON.stringify(name)}`,
      );
    }
    data[key] = value;
  };
  for (const lit of strings(inv.parsed, 'from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
    put(lit.slice(0, eq), lit.slice(eq + 1));
  }
  for (const spec of strings(inv.parsed, 'from-file')) {
    const eq = spec.indexOf('=');
    const key = eq === -1 ? undefined : spec.slice(0, eq);
    const path = eq === -1 ? spec : spec.slice(eq + 1);
    const entries = await inv.host.readDir(path);
    if (entries !== undefined) {
      if (key) throw new KubectlError(`cannot give a key name for a directory path`);
      for (const entry of [...entries].sort()) {
        const text = await inv.host.readFile(`${path.replace(/\/$/, '')}/${entry}`);
        if (text !== undefined) put(entry, text);
      }
      continue;
    }
    const text = await inv.host.readFile(path);
    if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
    put(key ?? path.slice(path.lastIndexOf('/') + 1), text);
  }
  for (const path of strings(inv.parsed, 'from-env-file')) {
    const text = await inv.host.readFile(path);
    if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || line.trimStart().startsWith('#')) return;
      const eq = line.indexOf('=');
      if (eq === -1) {
        if (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(line.trim())) return;
        throw new KubectlError(`"${line}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit`);
      }
      void i;
      put(line.slice(0, eq).trimStart(), line.slice(eq + 1));
    });
  }
  return data;
}

/** Base64 of the UTF-8 bytes of a string. */
export function base64Utf8(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}
