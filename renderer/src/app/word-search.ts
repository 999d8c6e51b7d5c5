/**
 * Search as the officer types it, shared by Find, the evidence picker and the service catalogue: every word of
 * the query must appear somewhere in the texts, in any order and any case. An empty query matches everything.
 */
export function wordMatcher(query: string): (...texts: readonly string[]) => boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (...texts) => {
    if (words.length === 0) return true;
    const text = texts.join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  };
}
