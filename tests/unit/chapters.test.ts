/**
 * The course chapters keep their promises: every "type this" block (a fenced code block opened
 * with ```sh title="Type this"```) runs, line by line, in a session started from the starting
 * cluster of the `<Terminal />` above it, and exits 0 — or non-zero when the block's title says
 * "(it fails)". Blocks under one terminal share its session, in page order, as a reader typing
 * them would. An MDX comment line `prints: TEXT` (in braces and a block comment) after a block
 * asserts that the block's output contains TEXT, so what the prose says the learner will see is checked too. Lab references in
 * frontmatter and links to labs, chapters and diagrams resolve.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { createSession } from '../../src/shell/session.ts';
import { splitScript } from '../../src/shell/split-script.ts';
import { PRESETS } from '../../src/worker/presets.ts';

const DIR = 'content/chapters';
const CHAPTERS = readdirSync(DIR)
  .filter((f) => f.endsWith('.mdx'))
  .sort();

interface Block {
  title: string;
  code: string;
  line: number;
  /** Texts the block's output must contain. */
  prints: string[];
}

interface TerminalGroup {
  preset?: string;
  lab?: string;
  line: number;
  blocks: Block[];
}

const FENCE = /^```sh title="(Type this(?: \(it fails\))?)"\s*$/;

/** Terminals and the "type this" blocks under each, in page order. */
function terminalsOf(text: string): { groups: TerminalGroup[]; orphans: Block[] } {
  const lines = text.split('\n');
  const groups: TerminalGroup[] = [];
  const orphans: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const tag = /^<Terminal\b([^>]*)\/>/.exec(l.trim());
    if (tag) {
      const attrs = tag[1]!;
      groups.push({
        preset: /\bpreset="([^"]+)"/.exec(attrs)?.[1],
        lab: /\blab="([^"]+)"/.exec(attrs)?.[1],
        line: i + 1,
        blocks: [],
      });
      continue;
    }
    const prints = /^\{\/\* prints: (.+) \*\/\}$/.exec(l.trim());
    if (prints) {
      const last = groups[groups.length - 1]?.blocks.at(-1) ?? orphans.at(-1);
      if (last) last.prints.push(prints[1]!);
      continue;
    }
    const fence = FENCE.exec(l);
    if (!fence) continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    const block: Block = { title: fence[1]!, code: body.join('\n'), line: start, prints: [] };
    const current = groups[groups.length - 1];
    if (current) current.blocks.push(block);
    else orphans.push(block);
  }
  return { groups, orphans };
}

function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return m ? (loadYaml(m[1]!) as Record<string, unknown>) : {};
}

describe.each(CHAPTERS)('%s', (file) => {
  const text = readFileSync(`${DIR}/${file}`, 'utf8');
  const { groups, orphans } = terminalsOf(text);

  it('has frontmatter whose labs exist and belong to this chapter', () => {
    const fm = frontmatter(text);
    expect(typeof fm.title).toBe('string');
    expect(fm.order).toBe(Number(file.slice(0, 2)));
    for (const id of (fm.labs as string[] | undefined) ?? []) {
      const path = `labs/${id}/lab.yaml`;
      expect(existsSync(path), path).toBe(true);
      const lab = loadYaml(readFileSync(path, 'utf8')) as { chapter: string };
      expect(lab.chapter).toBe(file.replace(/\.mdx$/, ''));
    }
  });

  it('links only to labs, chapters and diagrams that exist', () => {
    for (const m of text.matchAll(/\/sandbox\/\?lab=([a-z0-9-]+)/g)) expect(existsSync(`labs/${m[1]}/lab.yaml`), m[0]).toBe(true);
    for (const m of text.matchAll(/\blab="([a-z0-9-]+)"/g)) expect(existsSync(`labs/${m[1]}/lab.yaml`), m[0]).toBe(true);
    for (const m of text.matchAll(/\]\(\/chapters\/([a-z0-9-]+)\/?(#[a-z0-9-]+)?\)/g)) expect(existsSync(`${DIR}/${m[1]}.mdx`), m[0]).toBe(true);
    for (const m of text.matchAll(/<Diagram name="([^"]+)"/g)) expect(existsSync(`public/diagrams/${m[1]}`), m[0]).toBe(true);
    for (const m of text.matchAll(/\bpreset="([^"]+)"/g)) expect(PRESETS[m[1]!], m[0]).toBeDefined();
  });

  it('puts every "type this" block under a terminal', () => {
    expect(orphans.map((b) => b.line)).toEqual([]);
  });

  const runnable = groups.filter((g) => g.blocks.length > 0);
  if (runnable.length === 0) return;
  it.each(runnable.map((g) => [`terminal at line ${g.line}`, g] as const))('%s: its commands run as the text says', async (_, group) => {
    // Chapter terminals start from presets; a lab terminal is for the lab's own tasks.
    expect(group.lab, 'type-this blocks belong under preset terminals').toBeUndefined();
    const session = createSession({});
    PRESETS[group.preset ?? 'default']!.apply(session.current());
    for (const block of group.blocks) {
      const expectFailure = block.title.includes('(it fails)');
      let failed = false;
      let transcript = '';
      for (const cmd of splitScript(block.code)) {
        const exit = await session.run(cmd.text, { stdout: (s) => (transcript += s), stderr: (s) => (transcript += s) });
        if (exit !== 0) {
          failed = true;
          if (!expectFailure) expect.fail(`line ${block.line + cmd.line}: \`${cmd.text}\` exited ${exit}\n${transcript}`);
        }
      }
      if (expectFailure) expect(failed, `block at line ${block.line} should fail`).toBe(true);
      for (const text of block.prints) expect(transcript, `block at line ${block.line}`).toContain(text);
    }
    expect(session.current().failures).toEqual([]);
  }, 30_000);
});

describe('terminals across the course', () => {
  it('each have an id of their own, so their saved sessions never mix', () => {
    const ids: string[] = [];
    for (const file of CHAPTERS) {
      const text = readFileSync(`${DIR}/${file}`, 'utf8');
      for (const m of text.matchAll(/<Terminal\b([^>]*)\/>/g)) {
        const id = /\bid="([^"]+)"/.exec(m[1]!)?.[1];
        expect(id, `${file}: ${m[0]}`).toBeDefined();
        ids.push(id!);
      }
    }
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});
