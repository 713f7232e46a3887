/**
 * The small markdown dialect of lab texts and hints, rendered to HTML for the lab panel:
 * paragraphs, headings, `code` spans, fenced code blocks, **bold**, *emphasis*, links with safe
 * targets, and bulleted or numbered lists (one level; indented lines continue an item). Everything
 * else, HTML included, is shown as text: every character of the source is escaped before markup
 * is added, so a lab's text can never inject elements or attributes into the page.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;

/** Renders markdown to HTML; headings start at `<h${headingBase}>` (default 4, inside a panel). */
export function renderMarkdown(source: string, headingBase = 4): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; items: string[][]; indent: number } | undefined;

  const flushPara = () => {
    if (para.length) out.push(`<p>${renderInline(para.join('\n'))}</p>`);
    para = [];
  };
  const flushList = () => {
    if (!list) return;
    const tag = list.ordered ? 'ol' : 'ul';
    out.push(`<${tag}>${list.items.map((item) => `<li>${renderInline(item.join('\n'))}</li>`).join('')}</${tag}>`);
    list = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flushPara();
      flushList();
      const [, indent = '', marker = '', lang = ''] = fence;
      const body: string[] = [];
      for (i++; i < lines.length; i++) {
        const l = lines[i]!;
        if (l.trim().startsWith(marker[0]!.repeat(marker.length)) && l.trim().replace(/[`~]/g, '') === '') break;
        body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
      }
      const cls = lang ? ` class="language-${escapeHtml(lang)}"` : '';
      // A code block may scroll sideways, so it takes focus for keyboard scrolling.
      out.push(`<pre tabindex="0"><code${cls}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (line.trim() === '') {
      flushPara();
      // A blank line inside a list ends the item's text but not the list, when another item follows.
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (list && !(next && ITEM.exec(next))) flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushPara();
      flushList();
      const level = Math.min(6, headingBase + heading[1]!.length - 1);
      out.push(`<h${level}>${renderInline(heading[2]!)}</h${level}>`);
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]!);
      flushPara();
      if (list && list.ordered !== ordered) flushList();
      list ??= { ordered, items: [], indent: item[1]!.length };
      list.items.push([item[3]!]);
      continue;
    }
    if (list && (/^\s/.test(line) || para.length === 0)) {
      // An indented (or lazy) line continues the last item.
      list.items[list.items.length - 1]!.push(line.trim());
      continue;
    }
    para.push(line.trim());
  }
  flushPara();
  flushList();
  return out.join('\n');
}

/** Inline markup: code spans first (their content is literal), then links, bold and emphasis. */
export function renderInline(text: string): string {
  let html = '';
  let rest = text;
  for (;;) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const ticks = open[0];
    const close = rest.indexOf(ticks, open.index + ticks.length);
    if (close < 0) break;
    html += renderEmphasis(rest.slice(0, open.index));
    let code = rest.slice(open.index + ticks.length, close).replace(/\n/g, ' ');
    if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
    html += `<code>${escapeHtml(code)}</code>`;
    rest = rest.slice(close + ticks.length);
  }
  return html + renderEmphasis(rest);
}

function renderEmphasis(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) =>
      isSafeHref(href) ? `<a href="${href}">${label}</a>` : whole,
    )
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/__(?=\S)([\s\S]*?\S)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
}

/** Links may go to http(s) pages or within the site; never javascript:, data: or other schemes. */
export function isSafeHref(href: string): boolean {
  const decoded = href.replace(/&amp;/g, '&');
  if (/^https?:\/\//i.test(decoded)) return true;
  return !/^[a-z][a-z0-9+.-]*:/i.test(decoded) && !decoded.startsWith('//');
}
