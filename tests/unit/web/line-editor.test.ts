import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCandidates, LineEditor, positionAfter } from '../../../src/web/line-editor.ts';
import { isIncomplete } from '../../../src/web/shell-input.ts';

/** A minimal VT model: enough of xterm's behaviour (wrap, CUU, CUF, ED, CUP home) to check rendering. */
class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  pendingWrap = false;
  constructor(readonly cols: number) {}
  write(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s[i]!;
      if (c === '\x1b') {
        const m = /^\x1b\[(\d*)([A-Za-z])/.exec(s.slice(i));
        if (!m) throw new Error('unexpected escape ' + JSON.stringify(s.slice(i, i + 6)));
        const n = m[1] === '' ? 1 : Number(m[1]);
        if (m[2] === 'A') this.row = Math.max(0, this.row - n);
        else if (m[2] === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        else if (m[2] === 'J') {
          this.line().length = Math.min(this.line().length, this.col);
          this.rows.length = this.row + 1;
        } else if (m[2] === 'H') {
          this.row = 0;
          this.col = 0;
        }
        this.pendingWrap = false;
        i += m[0].length - 1;
        continue;
      }
      if (c === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (c === '\n') {
        this.row++;
        this.pendingWrap = false;
        while (this.rows.length <= this.row) this.rows.push([]);
      } else if (c === '\x07') {
        continue;
      } else {
        if (this.pendingWrap) {
          this.row++;
          this.col = 0;
          this.pendingWrap = false;
          while (this.rows.length <= this.row) this.rows.push([]);
        }
        const line = this.line();
        while (line.length < this.col) line.push(' ');
        line[this.col] = c;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }
  line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row]!;
  }
  text(): string {
    return this.rows.map((r) => r.join('')).join('\n');
  }
}

function typed(ed: LineEditor, screen: Screen, data: string) {
  const r = ed.feed(data);
  screen.write(r.output);
  return r;
}

describe('LineEditor', () => {
  it('edits with cursor keys, Home/End and the readline control keys', () => {
    const ed = new LineEditor({ cols: 80 });
    ed.start('$ ');
    ed.feed('kubectl get pod');
    ed.feed('\x1b[D\x1b[D\x1b[D');
    ed.feed('X');
    expect(ed.line).toBe('kubectl get Xpod');
    ed.feed('\x01Y');
    expect(ed.line).toBe('Ykubectl get Xpod');
    ed.feed('\x05s');
    expect(ed.line).toBe('Ykubectl get Xpods');
    ed.feed('\x17');
    expect(ed.line).toBe('Ykubectl get ');
    ed.feed('\x01\x1b[3~\x05\x15');
    expect(ed.line).toBe('');
    ed.feed('\x19');
    expect(ed.line).toBe('kubectl get ');
    ed.feed('\x01\x1bf\x0b');
    expect(ed.line).toBe('kubectl');
  });

  it('submits on Enter and keeps history without consecutive duplicates', () => {
    const ed = new LineEditor({ cols: 80 });
    ed.start('$ ');
    expect(ed.feed('echo one\r').events).toEqual([{ type: 'submit', text: 'echo one' }]);
    ed.start('$ ');
    ed.feed('echo one\r');
    ed.start('$ ');
    ed.feed('echo two\r');
    expect(ed.history).toEqual(['echo one', 'echo two']);
    ed.start('$ ');
    ed.feed('draft');
    ed.feed('\x1b[A');
    expect(ed.line).toBe('echo two');
    ed.feed('\x1b[A\x1b[A');
    expect(ed.line).toBe('echo one');
    ed.feed('\x1b[B\x1b[B');
    expect(ed.line).toBe('draft');
  });

  it('gives a fresh prompt for an empty line without submitting it', () => {
    const ed = new LineEditor({ cols: 80 });
    const screen = new Screen(80);
    screen.write(ed.start('$ '));
    const r = typed(ed, screen, '  \r');
    expect(r.events).toEqual([]);
    expect(screen.text()).toBe('$   \n$ ');
    expect(ed.history).toEqual([]);
  });

  it('stops at a submit and hands back the rest of a paste, which is never lost', () => {
    const ed = new LineEditor({ cols: 80 });
    ed.start('$ ');
    const r = ed.feed('echo a\recho b\r');
    expect(r.events).toEqual([{ type: 'submit', text: 'echo a' }]);
    expect(r.rest).toBe('echo b\r');
    expect(ed.active).toBe(false);
    ed.start('$ ');
    expect(ed.feed(r.rest).events).toEqual([{ type: 'submit', text: 'echo b' }]);
  });

  it('continues a heredoc with > prompts until its delimiter', () => {
    const ed = new LineEditor({ cols: 80 });
    const screen = new Screen(80);
    screen.write(ed.start('$ '));
    const r = typed(ed, screen, "cat <<EOF > pod.yaml\rkind: Pod\rmetadata:\r  name: web\rEOF\r");
    expect(r.events).toEqual([{ type: 'submit', text: 'cat <<EOF > pod.yaml\nkind: Pod\nmetadata:\n  name: web\nEOF' }]);
    expect(screen.text()).toBe('$ cat <<EOF > pod.yaml\n> kind: Pod\n> metadata:\n>   name: web\n> EOF\n');
  });

  it('Ctrl-C drops the line and continuation, printing ^C and a fresh prompt', () => {
    const ed = new LineEditor({ cols: 80 });
    const screen = new Screen(80);
    screen.write(ed.start('$ '));
    const r = typed(ed, screen, 'for i in 1 2; do\recho $i\x03');
    expect(r.events).toEqual([{ type: 'interrupt' }]);
    expect(screen.text()).toBe('$ for i in 1 2; do\n> echo $i^C\n$ ');
    expect(ed.line).toBe('');
  });

  it('reverse-searches history with Ctrl-R and runs the match on Enter', () => {
    const ed = new LineEditor({ cols: 80, history: ['kubectl get pods', 'echo hi', 'kubectl get nodes'] });
    const screen = new Screen(80);
    screen.write(ed.start('$ '));
    typed(ed, screen, '\x12get');
    expect(screen.text()).toBe("(reverse-i-search)`get': kubectl get nodes");
    typed(ed, screen, '\x12');
    expect(screen.text()).toBe("(reverse-i-search)`get': kubectl get pods");
    const r = typed(ed, screen, '\r');
    expect(r.events).toEqual([{ type: 'submit', text: 'kubectl get pods' }]);
    expect(screen.text()).toBe('$ kubectl get pods\n');
  });

  it('says when the reverse search fails and leaves the line editable after Esc', () => {
    const ed = new LineEditor({ cols: 80, history: ['ls'] });
    const screen = new Screen(80);
    screen.write(ed.start('$ '));
    typed(ed, screen, '\x12zz');
    expect(screen.text()).toBe("(failed reverse-i-search)`zz': ");
    typed(ed, screen, '\x07');
    expect(screen.text()).toBe('$ ');
  });

  it('completes a single candidate with a space, a common prefix, or lists candidates', () => {
    const ed = new LineEditor({ cols: 40 });
    const screen = new Screen(40);
    screen.write(ed.start('$ '));
    let r = typed(ed, screen, 'kubectl get st\tx');
    expect(r.events).toEqual([{ type: 'complete', line: 'kubectl get st', cursor: 14 }]);
    expect(r.rest).toBe('x');
    screen.write(ed.applyCompletion({ replaceFrom: 12, candidates: ['statefulsets', 'storageclasses'] }));
    expect(ed.line).toBe('kubectl get st');
    expect(screen.text()).toBe('$ kubectl get st\nstatefulsets    storageclasses\n$ kubectl get st');
    typed(ed, screen, 'a\t');
    screen.write(ed.applyCompletion({ replaceFrom: 12, candidates: ['statefulsets'] }));
    expect(ed.line).toBe('kubectl get statefulsets ');
    typed(ed, screen, '\t');
    expect(ed.applyCompletion({ replaceFrom: 25, candidates: [] })).toBe('\x07');
  });

  it('renders long lines that wrap, and moves the cursor across the wrap', () => {
    const ed = new LineEditor({ cols: 10 });
    const screen = new Screen(10);
    screen.write(ed.start('$ '));
    typed(ed, screen, 'abcdefghijklmnop');
    expect(screen.text()).toBe('$ abcdefgh\nijklmnop');
    typed(ed, screen, '\x01X');
    expect(screen.text()).toBe('$ Xabcdefg\nhijklmnop');
    expect([screen.row, screen.col]).toEqual([0, 3]);
    typed(ed, screen, '\x05');
    expect([screen.row, screen.col]).toEqual([1, 9]);
  });

  it('keeps the screen equal to prompt + line, with the cursor in place, for any keys', () => {
    const keys = fc.constantFrom('a', 'b', ' ', '\x7f', '\x1b[D', '\x1b[C', '\x01', '\x05', '\x17', '\x15', '\x0b', '\x19', '\x1b[3~', '\x1bb', '\x1bf');
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 60 }), fc.integer({ min: 4, max: 12 }), (seq, cols) => {
        const ed = new LineEditor({ cols });
        const screen = new Screen(cols);
        screen.write(ed.start('$ '));
        for (const k of seq) screen.write(ed.feed(k).output);
        const whole = '$ ' + ed.line;
        const expected: string[] = [];
        for (let i = 0; i < whole.length; i += cols) expected.push(whole.slice(i, i + cols));
        if (whole.length % cols === 0) expected.push('');
        expect(screen.text()).toBe(expected.join('\n'));
        let p = positionAfter(whole, 2 + ed.cursorIndex, cols);
        if (p.col === cols) p = { row: p.row + 1, col: 0 };
        expect([screen.row, screen.col]).toEqual([p.row, p.col]);
      }),
      { numRuns: 300 },
    );
  });

  it('lays out candidates in columns, down then across', () => {
    expect(formatCandidates(['a', 'b', 'c', 'd', 'e'], 9)).toBe('a  c  e\r\nb  d');
  });
});

describe('isIncomplete', () => {
  it.each([
    ['kubectl get pods', false],
    ['echo "open', true],
    ["echo 'it''s'", false],
    ['cat <<EOF', true],
    ['cat <<EOF\nhello\nEOF', false],
    ["cat <<'END' > f\nx\nEND", false],
    ['cat <<-EOF\n\tx\n\tEOF', false],
    ['cat <<< "word"', false],
    ['for i in 1 2 3; do', true],
    ['for i in 1 2 3; do echo $i; done', false],
    ['if true; then\necho yes\nfi', false],
    ['if true; then', true],
    ['echo if', false],
    ['echo done; if x; then y; fi', false],
    ['kubectl get pods |', true],
    ['true &&', true],
    ['echo a \\', true],
    ['echo $(date', true],
    ['f() {', true],
    ['f() { echo; }', false],
    ['case $x in a) echo a;; esac', false],
    ['echo # if', false],
  ])('%j → %s', (text, expected) => {
    expect(isIncomplete(text)).toBe(expected);
  });
});
