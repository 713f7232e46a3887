/**
 * YAML problems for the editor pane: parses every document with js-yaml and reports the first
 * syntax error as a range to underline, with js-yaml's reason. Only for YAML and JSON files.
 */
import { loadAll } from 'js-yaml';

export interface YamlProblem {
  from: number;
  to: number;
  /** js-yaml's reason with the line and column, e.g. "bad indentation of a mapping entry (2:3)". */
  message: string;
}

/** True for file names the editor lints as YAML. */
export function isYamlFile(name: string): boolean {
  return /\.(ya?ml|json)$/i.test(name) || !/\.[^/]+$/.test(name.split('/').pop() ?? '');
}

export function yamlProblems(text: string): YamlProblem[] {
  try {
    loadAll(text, () => {});
    return [];
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { position: number; line: number; column: number } };
    const at = Math.min(Math.max(0, err.mark?.position ?? 0), text.length);
    // Underline from the error to the end of its line (at least one character when there is one).
    let to = text.indexOf('\n', at);
    if (to < 0) to = text.length;
    if (to === at && at < text.length) to = at + 1;
    const from = to === at && at > 0 ? at - 1 : at;
    const where = err.mark ? ` (${err.mark.line + 1}:${err.mark.column + 1})` : '';
    return [{ from, to, message: `${err.reason ?? err.message ?? 'invalid YAML'}${where}` }];
  }
}
