/**
 * The `-f/--filename`, `-R/--recursive` and `-k` flags shared by every verb that reads manifests
 * (cli-runtime FileNameFlags).
 */
import type { FlagSpec } from './flags.ts';

export function fileFlags(purpose: string): FlagSpec[] {
  return [
    { name: 'filename', short: 'f', type: 'stringArray', help: `Filename, directory, or URL to files ${purpose}` },
    { name: 'recursive', short: 'R', type: 'bool', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'kustomize', short: 'k', type: 'string', help: `Process a kustomization directory. This flag can't be used together with -f or -R.` },
  ];
}
