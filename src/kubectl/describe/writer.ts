/**
 * describe.go's output machinery: a PrefixWriter (two spaces per level) over a tab writer set up as
 * `tabbedString` does (minwidth 0, tabwidth 8, padding 2, no remembered widths), so runs of
 * `Key:\tvalue` lines align the way kubectl describe aligns them.
 */
import { TabWriter } from '../format/tabwriter.ts';

export class DescribeWriter {
  private text = '';
  private readonly tabs = new TabWriter((s) => (this.text += s), { minWidth: 0, padding: 2, rememberWidths: false });

  /** `w.Write(level, text)`: the text after `level` two-space indents. */
  write(level: number, text: string): void {
    this.tabs.print('  '.repeat(level) + text);
  }

  /** `w.WriteLine(text)`: text and a newline, no indent. */
  line(text: string): void {
    this.tabs.print(text + '\n');
  }

  flush(): void {
    this.tabs.flush();
  }

  toString(): string {
    this.tabs.flush();
    return this.text;
  }
}

/** Go's time.RFC1123Z in UTC: `Mon, 05 Jan 2026 09:00:00 +0000`. */
export function rfc1123z(timestamp: string | null | undefined): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Go's `%v` of a []string: `[a b]`. */
export function goList(items: readonly string[] | undefined): string {
  return `[${(items ?? []).join(' ')}]`;
}
