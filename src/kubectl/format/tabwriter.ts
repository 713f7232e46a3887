/**
 * The tab writer kubectl renders tables with: github.com/liggitt/tabwriter (a fork of Go's
 * text/tabwriter) set up by cli-runtime's GetNewTabWriter as minwidth 6, tabwidth 4, padding 3,
 * padchar ' ', flags RememberWidths.
 *
 * Text is buffered until `flush`. A cell is text terminated by a tab; the text after a line's last
 * tab is not part of any column and is never padded. Columns are aligned per block of consecutive
 * lines that have a cell in that column (Go's algorithm), and with RememberWidths a column never
 * gets narrower than it was at an earlier flush — which is why `kubectl get -w` rows stay aligned.
 */

export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  rememberWidths: boolean;
}

export const KUBECTL_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };

export class TabWriter {
  private buffer = '';
  private maxWidths: number[] = [];

  constructor(
    private readonly write: (text: string) => void,
    private readonly opts: TabWriterOptions = KUBECTL_TABWRITER,
  ) {}

  /** Buffers text; nothing is written until `flush`. */
  print(text: string): void {
    this.buffer += text;
  }

  /** Forgets the widths remembered from earlier flushes (kubectl does so between resource types). */
  resetWidths(): void {
    this.maxWidths = [];
  }

  flush(): void {
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    const endsWithNewline = text.endsWith('\n');
    const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
    const lines = rawLines.map((l) => l.split('\t'));
    const out: string[] = [];
    this.format(lines, 0, lines.length, [], out);
    this.write(out.join('\n') + (endsWithNewline ? '\n' : ''));
  }

  private format(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    const column = widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= lines[cur]!.length - 1) continue;
      this.writeLines(lines, line0, cur, widths, out);
      line0 = cur;
      let width = this.opts.minWidth;
      for (; cur < line1; cur++) {
        const line = lines[cur]!;
        if (column >= line.length - 1) break;
        const w = cellWidth(line[column]!) + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) {
        if (this.maxWidths.length < widths.length) this.maxWidths.push(...widths.slice(this.maxWidths.length));
        if (this.maxWidths.length === widths.length) this.maxWidths.push(width);
        else if (this.maxWidths[widths.length]! > width) width = this.maxWidths[widths.length]!;
        else this.maxWidths[widths.length] = width;
      }
      this.format(lines, line0, cur, [...widths, width], out);
      line0 = cur;
      cur--;
    }
    this.writeLines(lines, line0, line1, widths, out);
  }

  private writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
    for (let i = from; i < to; i++) {
      const line = lines[i]!;
      let s = '';
      line.forEach((cell, j) => {
        s += cell;
        if (j < widths.length && j < line.length - 1) s += ' '.repeat(Math.max(0, widths[j]! - cellWidth(cell)));
      });
      out.push(s);
    }
  }
}

/** Width in runes, as Go's tabwriter counts UTF-8 text. */
function cellWidth(cell: string): number {
  let n = 0;
  for (const _ of cell) n++;
  return n;
}

/** Renders rows of cells as one table, in one flush. */
export function renderTable(rows: readonly (readonly string[])[], opts: TabWriterOptions = KUBECTL_TABWRITER): string {
  let out = '';
  const w = new TabWriter((t) => (out += t), opts);
  for (const r of rows) w.print(r.join('\t') + '\n');
  w.flush();
  return out;
}
