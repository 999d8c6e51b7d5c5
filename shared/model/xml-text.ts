/**
 * Characters XML 1.0 cannot hold: control characters other than tab, line feed and carriage return, the
 * non-characters U+FFFE and U+FFFF, and halves of a surrogate pair standing alone. A Word document or tagged PDF
 * with one of them is not well-formed and is refused by Word and LibreOffice. Validation refuses them in a
 * workbook; the document writers strip them too, whatever reaches them. Pure.
 */
// eslint-disable-next-line no-control-regex -- these very characters are what is being found
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILLEGAL_ALL = new RegExp(ILLEGAL.source, 'g');

/** Where the first such character is, or -1. */
export function firstXmlIllegal(text: string): number {
  const m = ILLEGAL.exec(text);
  return m ? m.index : -1;
}

export function stripXmlIllegal(text: string): string {
  return ILLEGAL.test(text) ? text.replace(ILLEGAL_ALL, '') : text;
}

/** The message for a field holding one: which character, and where in the text. */
export function describeXmlIllegal(text: string): string {
  const at = firstXmlIllegal(text);
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return `Contains a character that Word and PDF documents cannot hold (U+${code}, character ${at + 1}); delete it and type the text again`;
}

/** A copy of a document model with every string stripped; only plain objects and arrays are walked. */
export function withXmlSafeText<T>(value: T): T {
  if (typeof value === 'string') return stripXmlIllegal(value) as T;
  if (Array.isArray(value)) return value.map((v) => withXmlSafeText(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = withXmlSafeText(v);
    return out as T;
  }
  return value;
}
