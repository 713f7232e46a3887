/**
 * just-bash as the browser worker sees it: the package's browser bundle, plus the two functions its
 * Node bundle exports and the browser bundle does not — `parse` (through `Bash.transform`, which
 * parses with the same parser) and `decodeBytesToUtf8` — so src/shell runs unchanged in the worker.
 * astro.config.mjs points `just-bash` here for the site build only.
 */
import { Bash } from 'just-bash/browser';

export * from 'just-bash/browser';

type ScriptNode = ReturnType<Bash['transform']>['ast'];

let parser: Bash | undefined;

/** Parses a bash script into just-bash's AST (throws just-bash's parse errors). */
export function parse(input: string): ScriptNode {
  parser ??= new Bash();
  return parser.transform(input).ast;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a latin1 byte string (one char per byte) as UTF-8, falling back to the raw latin1 text
 * when the bytes are not valid UTF-8, as just-bash's own helper does.
 */
export function decodeBytesToUtf8(bytes: unknown): string {
  const s = bytes as string;
  try {
    return utf8.decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}
