/**
 * The words of a document in reading order, normalised (whitespace collapsed, punctuation spacing and quotes
 * unified), for checking that the Word file and the PDF say the same thing; and the word count word limits use.
 */
import { inlineText, referenceNumbers, type Block, type DocModel, type Inline } from './model';

/** Words as a reader counts them, for word limits on answers: a dash or bullet standing alone is not a word. */
export function countWords(text: string): number {
  return (text.match(/[^\s]+/g) ?? []).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function normaliseText(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function documentPlainText(doc: DocModel): string {
  const refs = referenceNumbers(doc);
  const inl = (c: readonly Inline[]) => c.map((i) => (i.kind === 'citation' ? `[${refs.get(i.refId) ?? ''}]` : inlineText([i]))).join('');
  const out: string[] = [doc.titlePage.organisation, doc.titlePage.title, doc.titlePage.subtitle, ...doc.titlePage.details.map((d) => `${d.label}: ${d.value}`)];
  const block = (b: Block) => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        out.push(inl(b.content));
        break;
      case 'list':
        for (const it of b.items) {
          out.push(inl(it.content));
          if (it.children) block(it.children);
        }
        break;
      case 'table':
        out.push(b.caption, ...b.columns.map((c) => c.header), ...b.rows.flatMap((r) => r.map((c) => inl(c.content))), b.source ?? '');
        break;
      case 'figure':
        out.push(b.caption, b.source ?? '');
        break;
      case 'callout':
        out.push(b.title);
        b.blocks.forEach(block);
        break;
      case 'key-figures':
        out.push(b.title, ...b.items.flatMap((i) => [i.value, i.label, i.source]));
        break;
      case 'references':
        out.push(...doc.references.map((r, i) => `[${i + 1}] ${r.text}`));
        break;
      default:
        break;
    }
  };
  for (const s of doc.sections) s.blocks.forEach(block);
  return normaliseText(out.filter(Boolean).join(' '));
}
