/**
 * Reads the structure of a Word plan: headings and (nested) lists become the outline; a paragraph in bold
 * alone reads as a heading; other paragraphs describe the item before them. mammoth turns the DOCX into
 * simple HTML (it runs in the app and in Node), which is then written as outline text for parseOutline.
 */
import { DOMParser } from '@xmldom/xmldom';
import mammoth from 'mammoth';
import { parseOutlineLines, type OutlineLine, type OutlineNode } from './outline';

type XmlNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<XmlNode> };

const ELEMENT = 1;

function children(node: XmlNode): XmlNode[] {
  return Array.from(node.childNodes);
}

function text(node: XmlNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function ownText(li: XmlNode): string {
  return children(li)
    .filter((c) => !(c.nodeType === ELEMENT && (c.nodeName === 'ul' || c.nodeName === 'ol')))
    .map(text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function writeList(list: XmlNode, depth: number, out: string[]): void {
  for (const li of children(list)) {
    if (li.nodeType !== ELEMENT || li.nodeName !== 'li') continue;
    const t = ownText(li);
    if (t) out.push(`${'  '.repeat(depth)}- ${t}`);
    for (const c of children(li)) if (c.nodeType === ELEMENT && (c.nodeName === 'ul' || c.nodeName === 'ol')) writeList(c, depth + 1, out);
  }
}

/** The outline text of mammoth's HTML, one line per heading, list item or paragraph. */
export function htmlToOutlineText(html: string): string {
  return outlineTextParts(html).body.join('\n');
}

/** The introduction (paragraphs before the first heading or list) and the outline text after it, apart. */
function outlineTextParts(html: string): { intro: string[]; body: string[] } {
  const intro: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: () => undefined, error: () => undefined } }).parseFromString(`<root>${html}</root>`, 'text/xml');
  const root = doc.documentElement as unknown as XmlNode | null;
  if (!root) return { intro, body: [] };
  const out: string[] = [];
  // Paragraphs before the first heading or list are the plan's introduction, not objectives.
  let started = false;
  for (const el of children(root)) {
    if (el.nodeType !== ELEMENT) continue;
    const name = el.nodeName.toLowerCase();
    const t = text(el);
    if (/^h[1-6]$/.test(name)) {
      if (t) out.push(`${'#'.repeat(Number(name[1]))} ${t}`);
      started = true;
    } else if (name === 'ul' || name === 'ol') {
      writeList(el, 0, out);
      started = true;
    } else if (name === 'p' && t) {
      const all = children(el).filter((c) => c.nodeType === ELEMENT || text(c) !== '');
      const boldOnly = all.length === 1 && all[0]!.nodeType === ELEMENT && all[0]!.nodeName === 'strong';
      if (boldOnly) {
        out.push(t.endsWith(':') ? t : `${t}:`);
        started = true;
      } else if (started) out.push(t);
      else intro.push(t);
    } else if (name === 'table') {
      // Tables in plans usually hold KPIs or finance; their rows are not objectives.
      continue;
    }
  }
  return { intro, body: out };
}

/** Word's own list styles nest by name; the document title is not an objective. */
const STYLE_MAP = [
  "p[style-name='Title'] => !",
  "p[style-name='Subtitle'] => !",
  "p[style-name='List Bullet 2'] => ul > li > ul > li:fresh",
  "p[style-name='List Bullet 3'] => ul > li > ul > li > ul > li:fresh",
  "p[style-name='List Number 2'] => ol > li > ol > li:fresh",
  "p[style-name='List Number 3'] => ol > li > ol > li > ol > li:fresh",
];

export async function docxToOutline(bytes: Uint8Array): Promise<{ nodes: OutlineNode[]; lines: OutlineLine[]; warnings: string[] }> {
  const copy = bytes.slice();
  const input = { buffer: copy, arrayBuffer: copy.buffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input, { styleMap: STYLE_MAP });
  const warnings = result.messages.filter((m) => m.type === 'error').map((m) => m.message);
  // The introduction is listed too, left out, so the officer sees every paragraph and can bring one in.
  const { intro, body } = outlineTextParts(result.value);
  const { nodes, lines } = parseOutlineLines([...intro, ...body].join('\n'), { omitFirst: intro.length });
  return { nodes, lines, warnings };
}
