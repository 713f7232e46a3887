/**
 * The lab panel's markdown renderer: the constructs lab texts use, and that nothing in a lab's text
 * becomes HTML of its own.
 */
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { escapeHtml, isSafeHref, renderInline, renderMarkdown } from '../../../src/web/lab-panel/markdown.ts';
import { LabSchema } from '../../../src/labs/schema.ts';

describe('renderMarkdown', () => {
  it('renders paragraphs separated by blank lines, joining wrapped lines', () => {
    expect(renderMarkdown('one\ntwo\n\nthree')).toBe('<p>one\ntwo</p>\n<p>three</p>');
  });

  it('renders code spans, bold and emphasis', () => {
    expect(renderInline('set `partition: 2` **before** the *image*')).toBe(
      'set <code>partition: 2</code> <strong>before</strong> the <em>image</em>',
    );
  });

  it('keeps markup characters inside code spans literal', () => {
    expect(renderInline('`**not bold** <b>`')).toBe('<code>**not bold** &lt;b&gt;</code>');
    expect(renderInline('``a ` b``')).toBe('<code>a ` b</code>');
  });

  it('does not treat snake_case or a lone star as emphasis', () => {
    expect(renderInline('max_unavailable and a * b')).toBe('max_unavailable and a * b');
  });

  it('renders a fenced code block with its language, unindented and escaped', () => {
    const md = 'Run:\n\n  ```sh\n  kubectl get pods -o jsonpath=\'{.items[*].metadata.name}\' > out.txt\n  ```\nthen';
    expect(renderMarkdown(md)).toBe(
      '<p>Run:</p>\n<pre tabindex="0"><code class="language-sh">kubectl get pods -o jsonpath=&#39;{.items[*].metadata.name}&#39; &gt; out.txt</code></pre>\n<p>then</p>',
    );
  });

  it('renders bulleted and numbered lists, with continuation lines', () => {
    expect(renderMarkdown('- one\n  more\n- `two`\n\n1. first\n2. second')).toBe(
      '<ul><li>one\nmore</li><li><code>two</code></li></ul>\n<ol><li>first</li><li>second</li></ol>',
    );
  });

  it('keeps a list together across blank lines between items', () => {
    expect(renderMarkdown('* a\n\n* b\n\nafter')).toBe('<ul><li>a</li><li>b</li></ul>\n<p>after</p>');
  });

  it('renders headings below the panel title', () => {
    expect(renderMarkdown('# Goal\ntext')).toBe('<h4>Goal</h4>\n<p>text</p>');
  });

  it('escapes HTML in text, code blocks, list items and headings', () => {
    const md = '<img src=x onerror=alert(1)>\n\n```\n</code><script>alert(1)</script>\n```\n\n- <b>x</b>\n\n## <i>h</i>';
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/<(img|script|b|i)[\s>]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<li>&lt;b&gt;x&lt;/b&gt;</li>');
  });

  it('escapes quotes so text cannot break out of an attribute', () => {
    expect(renderInline('[x](/a"onmouseover="alert(1))')).toBe('<a href="/a&quot;onmouseover=&quot;alert(1">x</a>)');
  });

  it('links only to http(s) and site paths', () => {
    expect(renderInline('[docs](https://kubernetes.io/docs/)')).toBe('<a href="https://kubernetes.io/docs/">docs</a>');
    expect(renderInline('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))');
    expect(isSafeHref('JavaScript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
    expect(isSafeHref('//evil.example/')).toBe(false);
    expect(isSafeHref('/chapters/03-statefulsets/')).toBe(true);
  });

  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('renders every task and hint of every lab without raw HTML from the source', () => {
    for (const id of readdirSync('labs')) {
      let raw: string;
      try {
        raw = readFileSync(`labs/${id}/lab.yaml`, 'utf8');
      } catch {
        continue;
      }
      const lab = LabSchema.parse(load(raw));
      for (const t of lab.tasks) {
        for (const md of [t.text, ...t.hints.map((h) => h.text)]) {
          const html = renderMarkdown(md);
          const tags = [...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]);
          for (const tag of tags) expect(['p', 'code', 'pre', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h4', 'h5', 'h6']).toContain(tag);
          expect(html).not.toContain('```');
        }
      }
    }
  });
});
