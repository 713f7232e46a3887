import { describe, expect, it } from 'vitest';
import { renderTable, TabWriter } from '../../src/kubectl/format/tabwriter.ts';

describe('tab writer (kubectl settings: minwidth 6, padding 3, RememberWidths)', () => {
  it('pads every column but the last to max(width)+3, at least 6', () => {
    expect(renderTable([
      ['NAME', 'READY', 'AGE'],
      ['web', '2/2', '37s'],
    ])).toBe('NAME   READY   AGE\nweb    2/2     37s\n');
  });

  it('never pads the last column and keeps short columns at the minimum width', () => {
    expect(renderTable([
      ['A', 'B'],
      ['x', 'a long last cell'],
    ])).toBe('A     B\nx     a long last cell\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(renderTable([
      ['ÄÖÜÄÖÜÄ', 'x'],
      ['a', 'y'],
    ])).toBe('ÄÖÜÄÖÜÄ   x\na         y\n');
  });

  it('aligns blocks of consecutive lines separately (a line without tabs ends a block)', () => {
    let out = '';
    const w = new TabWriter((s) => (out += s), { minWidth: 0, padding: 2, rememberWidths: false });
    w.print('Name:\tweb\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tStatefulSet/web\n');
    w.flush();
    expect(out).toBe(
      'Name:             web\nService Account:  default\nIPs:\n  IP:           10.0.0.1\nControlled By:  StatefulSet/web\n',
    );
  });

  it('remembers widths across flushes so watch rows only grow', () => {
    let out = '';
    const w = new TabWriter((s) => (out += s));
    w.print('NAME\tSTATUS\tAGE\nweb-0\tPending\t0s\n');
    w.flush();
    w.print('a\tOK\t1s\n');
    w.flush();
    expect(out).toBe('NAME    STATUS    AGE\nweb-0   Pending   0s\na       OK        1s\n');
    w.resetWidths();
    out = '';
    w.print('a\tOK\t1s\n');
    w.flush();
    expect(out).toBe('a     OK    1s\n');
  });
});
