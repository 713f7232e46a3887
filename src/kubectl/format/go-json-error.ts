/**
 * The error Go's encoding/json reports for malformed JSON (encoding/json/scanner.go): the first
 * offending character and what the scanner was looking for, e.g. `invalid character 'b' looking
 * for beginning of object key string`, or `unexpected end of JSON input`. kubectl passes these
 * through where it unmarshals user text itself (a JSON patch given to --overrides).
 */

/** quoteChar in scanner.go: `'x'`, with `'\''` and `'"'` special. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

class Syntax extends Error {}

function fail(c: string, context: string): never {
  throw new Syntax(`invalid character ${quoteChar(c)} ${context}`);
}

const SPACE = new Set([' ', '\t', '\n', '\r']);

/** The Go error text for `text`, or undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const eof = (): never => {
    throw new Syntax('unexpected end of JSON input');
  };
  const skip = () => {
    while (i < text.length && SPACE.has(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      const c = text[i + k];
      if (c === undefined) eof();
      if (c !== word[k]) fail(c!, `in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    i += word.length;
  };
  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) eof();
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) eof();
        if ('"\\/bfnrt'.includes(e!)) i += 2;
        else if (e === 'u') {
          for (let k = 2; k < 6; k++) {
            const h = text[i + k];
            if (h === undefined) eof();
            if (!/[0-9a-fA-F]/.test(h!)) fail(h!, 'in \\u hexadecimal character escape');
          }
          i += 6;
        } else fail(e!, 'in string escape code');
        continue;
      }
      if (c! < ' ') fail(c!, 'in string literal');
      i++;
    }
  };
  const digits = () => {
    while (i < text.length && /[0-9]/.test(text[i]!)) i++;
  };
  const number = () => {
    if (text[i] === '-') {
      i++;
      const c = text[i];
      if (c === undefined) eof();
      if (!/[0-9]/.test(c!)) fail(c!, 'in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      const c = text[i];
      if (c === undefined) eof();
      if (!/[0-9]/.test(c!)) fail(c!, 'after decimal point in numeric literal');
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      const c = text[i];
      if (c === undefined) eof();
      if (!/[0-9]/.test(c!)) fail(c!, 'in exponent of numeric literal');
      digits();
    }
  };
  const value = (): void => {
    skip();
    const c = text[i];
    if (c === undefined) eof();
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skip();
        const k = text[i];
        if (k === undefined) eof();
        if (k !== '"') fail(k!, 'looking for beginning of object key string');
        string();
        skip();
        const colon = text[i];
        if (colon === undefined) eof();
        if (colon !== ':') fail(colon!, 'after object key');
        i++;
        value();
        skip();
        const next = text[i];
        if (next === undefined) eof();
        i++;
        if (next === '}') return;
        if (next !== ',') fail(next!, 'after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skip();
        const next = text[i];
        if (next === undefined) eof();
        i++;
        if (next === ']') return;
        if (next !== ',') fail(next!, 'after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || /[0-9]/.test(c!)) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail(c!, 'looking for beginning of value');
  };
  try {
    value();
    skip();
    if (i < text.length) fail(text[i]!, 'after top-level value');
    return undefined;
  } catch (e) {
    if (e instanceof Syntax) return e.message;
    throw e;
  }
}
