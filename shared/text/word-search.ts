/** Lower case without accents, so "cafe" finds "Café". */
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Search as the officer types it, shared by Find, the evidence picker, the service catalogue and the Documents
 * step's scope lists: every word of the query must appear somewhere in the texts, in any order, case or accent.
 * An empty query matches everything.
 */
export function wordMatcher(query: string): (...texts: readonly string[]) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (...texts) => {
    if (words.length === 0) return true;
    const text = fold(texts.join(' '));
    return words.every((w) => text.includes(w));
  };
}
