/**
 * Whether a command line typed so far is complete, the way bash decides to print its `> `
 * continuation prompt: an open quote, a trailing backslash or pipe/`&&`/`||`, a heredoc whose
 * delimiter line has not come yet, an open `$(`/`(`/`{`, or an `if`/`for`/`while`/`case` block
 * that is not closed. Runs in the page, so it is a small scanner rather than bash's parser.
 */

/** Words that open a compound command when they stand where a command starts. */
const OPENERS: Record<string, string> = { if: 'fi', for: 'done', while: 'done', until: 'done', case: 'esac', select: 'done' };
const CLOSERS = new Set(['fi', 'done', 'esac']);
/** After these words (and operators) the next word is in command position. */
const COMMAND_PREFIXES = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', 'time']);

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** True when `text` (lines joined with `\n`) still needs more input before it can run. */
export function isIncomplete(text: string): boolean {
  return scan(text).incomplete;
}

function scan(text: string): { incomplete: boolean } {
  const lines = text.split('\n');
  const blocks: string[] = [];
  let quote: "'" | '"' | null = null;
  let parenDepth = 0;
  let heredocs: PendingHeredoc[] = [];
  let continued = false;

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (heredocs.length > 0 && quote === null) {
      const h = heredocs[0]!;
      const body = h.stripTabs ? line.replace(/^\t+/, '') : line;
      if (body === h.delimiter) heredocs = heredocs.slice(1);
      continue;
    }
    let i = 0;
    let word = '';
    let commandPosition = true;
    continued = false;
    let lastOperator = '';
    const endWord = () => {
      if (word === '') return;
      if (commandPosition) {
        if (word in OPENERS) blocks.push(OPENERS[word]!);
        else if (CLOSERS.has(word) && blocks[blocks.length - 1] === word) blocks.pop();
        else if (word === '{') blocks.push('}');
        else if (word === '}' && blocks[blocks.length - 1] === '}') blocks.pop();
        commandPosition = COMMAND_PREFIXES.has(word) || word === '{';
      }
      if (word === 'in' && blocks[blocks.length - 1] === 'done') commandPosition = false;
      word = '';
      lastOperator = '';
    };
    while (i < line.length) {
      const c = line[i]!;
      if (quote === "'") {
        if (c === "'") quote = null;
        else word += c;
        i++;
        continue;
      }
      if (quote === '"') {
        if (c === '\\' && i + 1 < line.length) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        if (c === '"') quote = null;
        else word += c;
        i++;
        continue;
      }
      if (c === '\\') {
        if (i + 1 >= line.length) {
          continued = true;
          i++;
          continue;
        }
        word += line[i + 1];
        i += 2;
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        // A quoted word is never a reserved word: mark it so `'if'` does not open a block.
        if (word === '') word = '\u0000';
        i++;
        continue;
      }
      if (c === '#' && word === '') {
        break;
      }
      if (c === '$' && line[i + 1] === '(') {
        parenDepth++;
        word += '$(';
        i += 2;
        continue;
      }
      if (c === '(') {
        endWord();
        parenDepth++;
        commandPosition = true;
        i++;
        continue;
      }
      if (c === ')') {
        endWord();
        if (parenDepth > 0) parenDepth--;
        i++;
        continue;
      }
      if (c === '<' && line.startsWith('<<<', i)) {
        endWord();
        i += 3;
        continue;
      }
      if (c === '<' && line[i + 1] === '<') {
        endWord();
        i += 2;
        let stripTabs = false;
        if (line[i] === '-') {
          stripTabs = true;
          i++;
        }
        while (line[i] === ' ' || line[i] === '\t') i++;
        let delim = '';
        while (i < line.length && !/[\s;&|<>()]/.test(line[i]!)) {
          const d = line[i]!;
          if (d === "'" || d === '"') {
            const close = line.indexOf(d, i + 1);
            if (close < 0) {
              delim += line.slice(i + 1);
              i = line.length;
              break;
            }
            delim += line.slice(i + 1, close);
            i = close + 1;
            continue;
          }
          if (d === '\\') {
            i++;
            continue;
          }
          delim += d;
          i++;
        }
        if (delim !== '') heredocs.push({ delimiter: delim, stripTabs });
        continue;
      }
      if (c === ';' || c === '&' || c === '|' || c === '\n') {
        endWord();
        let op = c;
        if ((c === '&' || c === '|' || c === ';') && line[i + 1] === c) op += c;
        if (c === ';' && line[i + 1] === '&') op += '&';
        i += op.length;
        lastOperator = op;
        commandPosition = true;
        continue;
      }
      if (c === ' ' || c === '\t') {
        endWord();
        i++;
        continue;
      }
      word += c;
      i++;
    }
    if (quote !== null) {
      continue;
    }
    endWord();
    if (lastOperator === '|' || lastOperator === '&&' || lastOperator === '||') continued = true;
  }
  const incomplete = quote !== null || continued || heredocs.length > 0 || parenDepth > 0 || blocks.length > 0;
  return { incomplete };
}
