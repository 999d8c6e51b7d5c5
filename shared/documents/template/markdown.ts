/**
 * Markdown (from template sections and officers' answers) to document blocks, with markdown-it. Raw HTML is off
 * (it shows as text), images are not supported, and only http(s) and internal "#" links are kept, so a template
 * or an answer cannot smuggle markup or scripts into the Word file, the preview or the PDF.
 */
import MarkdownIt, { type Token } from 'markdown-it';
import { uniqueId, type Block, type Emphasis, type Inline, type ListBlock, type ListItem, type TableCell } from '../model';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false }).disable(['image', 'code', 'fence', 'html_block', 'html_inline']);

/** Placeholders the evaluator leaves in the Markdown for blocks and inline parts it has already built. */
export const BLOCK_MARK = '\uE000';
export const INLINE_MARK = '\uE001';

export interface MarkdownContext {
  readonly blocks: ReadonlyArray<readonly Block[]>;
  readonly inlines: readonly Inline[];
  /** Heading ids already used in the document. */
  readonly ids: Set<string>;
  /** Officers' answers may not add headings; theirs become bold paragraphs. */
  readonly demoteHeadings?: boolean;
}

const SAFE_HREF = /^(https?:\/\/[^\s<>"]+|#[a-z][a-z0-9-]*)$/i;

function splitPlaceholders(textValue: string, emphasis: Emphasis | undefined, ctx: MarkdownContext): Inline[] {
  const out: Inline[] = [];
  const re = new RegExp(`${INLINE_MARK}(\\d+)${INLINE_MARK}`, 'g');
  let last = 0;
  for (let m = re.exec(textValue); m; m = re.exec(textValue)) {
    if (m.index > last) out.push(emphasis ? { kind: 'text', text: textValue.slice(last, m.index), emphasis } : { kind: 'text', text: textValue.slice(last, m.index) });
    const part = ctx.inlines[Number(m[1])];
    if (part) out.push(part);
    last = m.index + m[0].length;
  }
  if (last < textValue.length) out.push(emphasis ? { kind: 'text', text: textValue.slice(last), emphasis } : { kind: 'text', text: textValue.slice(last) });
  return out;
}

function convertInline(tokens: readonly Token[], ctx: MarkdownContext): Inline[] {
  const out: Inline[] = [];
  let strong = 0;
  let em = 0;
  const stack: Array<{ href: string; children: Inline[] }> = [];
  const emphasis = (): Emphasis | undefined => (strong && em ? 'strong-em' : strong ? 'strong' : em ? 'em' : undefined);
  const push = (...items: Inline[]) => (stack.length > 0 ? stack[stack.length - 1]!.children : out).push(...items);
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        push(...splitPlaceholders(t.content, emphasis(), ctx));
        break;
      case 'strong_open':
        strong++;
        break;
      case 'strong_close':
        strong--;
        break;
      case 'em_open':
        em++;
        break;
      case 'em_close':
        em--;
        break;
      case 'softbreak':
        push({ kind: 'text', text: ' ' });
        break;
      case 'hardbreak':
        push({ kind: 'line-break' });
        break;
      case 'link_open':
        stack.push({ href: String(t.attrGet('href') ?? ''), children: [] });
        break;
      case 'link_close': {
        const link = stack.pop();
        if (!link) break;
        if (SAFE_HREF.test(link.href) && link.children.length > 0) push({ kind: 'link', href: link.href, children: link.children });
        else push(...link.children);
        break;
      }
      default:
        if (t.content) push({ kind: 'text', text: t.content });
    }
  }
  while (stack.length > 0) out.push(...stack.pop()!.children);
  return mergeText(out);
}

function mergeText(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of items) {
    const prev = out[out.length - 1];
    if (i.kind === 'text' && prev?.kind === 'text' && prev.emphasis === i.emphasis) out[out.length - 1] = { ...prev, text: prev.text + i.text };
    else if (!(i.kind === 'text' && i.text === '')) out.push(i);
  }
  return out;
}

function placeholderIndex(tokens: readonly Token[]): number | null {
  if (tokens.length !== 1 || tokens[0]!.type !== 'text') return null;
  const m = new RegExp(`^${BLOCK_MARK}(\\d+)${BLOCK_MARK}$`).exec(tokens[0]!.content.trim());
  return m ? Number(m[1]) : null;
}

const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;

/**
 * A blank line before an unindented line that follows a list item. CommonMark reads such a line as a "lazy"
 * continuation of the item, so a loop that ends in a bullet and is followed by the next objective's paragraph
 * (no blank line between: the loop's tags take theirs away) ran that paragraph into the last bullet. Nobody
 * writing a template or typing an answer means that; an indented line still continues the item.
 */
export function endListsBeforeParagraphs(source: string): string {
  const out: string[] = [];
  let inList = false;
  for (const line of source.split('\n')) {
    const blank = line.trim() === '';
    if (blank) inList = false;
    else if (LIST_ITEM.test(line)) inList = true;
    else if (inList && !/^\s/.test(line)) {
      out.push('');
      inList = false;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Converts Markdown to blocks, replacing the evaluator's placeholders. */
export function markdownToBlocks(source: string, ctx: MarkdownContext): Block[] {
  const tokens = md.parse(endListsBeforeParagraphs(source), {});
  let i = 0;

  const inlineOf = (t: Token | undefined): Inline[] => convertInline(t?.children ?? [], ctx);

  function parseList(ordered: boolean): ListBlock {
    const items: ListItem[] = [];
    const closeType = ordered ? 'ordered_list_close' : 'bullet_list_close';
    i++;
    while (i < tokens.length && tokens[i]!.type !== closeType) {
      if (tokens[i]!.type !== 'list_item_open') {
        i++;
        continue;
      }
      i++;
      const content: Inline[] = [];
      let children: ListBlock | undefined;
      while (i < tokens.length && tokens[i]!.type !== 'list_item_close') {
        const t = tokens[i]!;
        if (t.type === 'inline') {
          if (content.length > 0) content.push({ kind: 'line-break' });
          content.push(...inlineOf(t));
          i++;
        } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
          const nested = parseList(t.type === 'ordered_list_open');
          children = children ? { ...children, items: [...children.items, ...nested.items] } : nested;
        } else i++;
      }
      i++;
      items.push(children ? { content, children } : { content });
    }
    i++;
    return { kind: 'list', ordered, items };
  }

  function parseTable(): Block {
    const header: string[] = [];
    const aligns: Array<'left' | 'centre' | 'right'> = [];
    const rows: TableCell[][] = [];
    let row: TableCell[] | null = null;
    let inHead = false;
    i++;
    while (i < tokens.length && tokens[i]!.type !== 'table_close') {
      const t = tokens[i]!;
      if (t.type === 'thead_open') inHead = true;
      else if (t.type === 'thead_close') inHead = false;
      else if (t.type === 'tr_open') row = [];
      else if (t.type === 'tr_close') {
        if (row && !inHead) rows.push(row);
        row = null;
      } else if (t.type === 'th_open' || t.type === 'td_open') {
        const style = String(t.attrGet('style') ?? '');
        const align = style.includes('right') ? 'right' : style.includes('center') ? 'centre' : 'left';
        const inline = tokens[i + 1]?.type === 'inline' ? inlineOf(tokens[i + 1]) : [];
        if (inHead) {
          header.push(inline.map((x) => (x.kind === 'text' ? x.text : '')).join(''));
          aligns.push(align);
        } else row?.push({ content: inline, align });
      }
      i++;
    }
    i++;
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]?.content.reduce((n, x) => n + (x.kind === 'text' ? x.text.length : 8), 0) ?? 0)));
    return {
      kind: 'table',
      id: uniqueId(ctx.ids, 'table'),
      caption: '',
      columns: header.map((h, c) => ({ header: h, width: Math.max(8, Math.min(60, widths[c] ?? 10)), align: aligns[c] ?? 'left' })),
      rows: rows.map((r) => header.map((_, c) => r[c] ?? { content: [] })),
    };
  }

  function parseBlocks(stop: string | null): Block[] {
    const out: Block[] = [];
    while (i < tokens.length) {
      const t = tokens[i]!;
      if (stop && t.type === stop) {
        i++;
        break;
      }
      switch (t.type) {
        case 'heading_open': {
          const content = inlineOf(tokens[i + 1]);
          const level = Math.min(4, Number(t.tag.slice(1))) as 1 | 2 | 3 | 4;
          if (ctx.demoteHeadings) out.push({ kind: 'paragraph', content: content.map((c) => (c.kind === 'text' ? { ...c, emphasis: 'strong' as const } : c)) });
          else out.push({ kind: 'heading', level, id: uniqueId(ctx.ids, content.map((c) => (c.kind === 'text' ? c.text : '')).join('')), content });
          i += 3;
          break;
        }
        case 'paragraph_open': {
          const inline = tokens[i + 1];
          const index = placeholderIndex(inline?.children ?? []);
          if (index !== null) out.push(...(ctx.blocks[index] ?? []));
          else {
            const content = inlineOf(inline);
            if (content.length > 0) out.push({ kind: 'paragraph', content });
          }
          i += 3;
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open':
          out.push(parseList(t.type === 'ordered_list_open'));
          break;
        case 'table_open':
          out.push(parseTable());
          break;
        case 'blockquote_open': {
          i++;
          const inner = parseBlocks('blockquote_close');
          out.push({ kind: 'callout', tone: 'note', title: '', blocks: inner });
          break;
        }
        default:
          i++;
      }
    }
    return out;
  }

  return parseBlocks(null);
}

/** Backslash-escapes Markdown punctuation so a value from the workbook is always shown as plain text. */
export function escapeMarkdown(value: string): string {
  return value
    .replace(new RegExp(`[${BLOCK_MARK}${INLINE_MARK}]`, 'g'), '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>#+\-!|~.(){}&=:"']/g, (c) => `\\${c}`);
}
