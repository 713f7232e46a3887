/**
 * Splits a bash script into top-level commands, the way a learner would type them at a prompt:
 * lines are gathered until they form a complete command (heredocs, loops, functions, quotes,
 * trailing `&&`/`|`/`\` stay whole). Blank lines and comment-only lines are dropped. Used by
 * `kubelab run` and lab replays, so each top-level command runs (and reports) on its own.
 */
import { parse } from 'just-bash';

/** True when `text` is an unfinished command that more lines could complete. */
export function isIncomplete(text: string): boolean {
  const trimmed = text.replace(/\s+$/, '');
  if (/(\|\||&&|\||\\)$/.test(trimmed) && !/#[^'"]*$/.test(lastLine(trimmed))) return true;
  try {
    const ast = parse(text);
    return JSON.stringify(ast).includes('"terminated":false');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/EOF/.test(message)) return true;
    const at = /at (\d+):(\d+)/.exec(message);
    if (!at) return false;
    const lines = text.replace(/\n+$/, '').split('\n');
    const line = Number(at[1]);
    const col = Number(at[2]);
    return line > lines.length || (line === lines.length && col > lines[lines.length - 1]!.length);
  }
}

function lastLine(text: string): string {
  return text.slice(text.lastIndexOf('\n') + 1);
}

function isEmptyCommand(text: string): boolean {
  try {
    return parse(text).statements.length === 0;
  } catch {
    return false;
  }
}

/** The script's top-level commands, each with the line it starts on (1-based). */
export function splitScript(script: string): { text: string; line: number }[] {
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: { text: string; line: number }[] = [];
  let buffer: string[] = [];
  let start = 1;
  lines.forEach((l, i) => {
    if (buffer.length === 0) start = i + 1;
    buffer.push(l);
    const text = buffer.join('\n');
    if (isIncomplete(text)) return;
    if (!isEmptyCommand(text)) out.push({ text, line: start });
    buffer = [];
  });
  if (buffer.length) {
    const text = buffer.join('\n');
    if (!isEmptyCommand(text)) out.push({ text, line: start });
  }
  return out;
}
