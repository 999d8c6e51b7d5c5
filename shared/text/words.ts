/** UK wording: plurals, lists in words, sentences and phrases, counts that open a sentence, page references. */
import { formatNumber } from './numbers';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Where in a document, from whatever the officer typed as its page: "8", "p. 8", "page 8" → "page 8";
 * "8-9", "pp. 8–9", "8, 12" → "pages 8–9", "pages 8, 12"; anything else ("Appendix A") as typed.
 */
export function formatPageRef(page: string): string {
  const bare = page
    .trim()
    .replace(/^(?:pages?|pp?\.?)\s*/i, '')
    .trim();
  if (!bare) return '';
  if (/^\d+$/.test(bare) || /^[ivxlc]+$/i.test(bare)) return `page ${bare}`;
  if (/^\d+\s*(?:[-–—]|to)\s*\d+$/.test(bare)) return `pages ${bare.replace(/\s*(?:[-–—]|to)\s*/, '–')}`;
  if (/^\d+(?:\s*,\s*\d+)+$/.test(bare)) return `pages ${bare.replace(/\s*,\s*/g, ', ')}`;
  return bare;
}

/** Text closed with one full stop, however the source ended it ("helpful." stays, "helpful" gains one). */
export function asSentence(s: string): string {
  const t = s.trim();
  if (!t) return '';
  return /[.!?…]["'”’)]*$/.test(t) ? t : `${t}.`;
}

/** Text to be followed by more of the sentence ("Title, Publisher"): one closing full stop dropped, an ellipsis kept. */
export function asPhrase(s: string): string {
  const t = s.trim();
  return /[^.]\.$/.test(t) ? t.slice(0, -1) : t;
}

const SMALL_NUMBERS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

/**
 * A count that opens a sentence, in words as GOV.UK style asks ("Thirteen objectives have…", "One objective
 * has…", "No objectives have…"); past 99 a numeral after "In all," keeps the sentence from opening with a digit.
 */
export function countAtSentenceStart(n: number, one: string, many = `${one}s`): string {
  const noun = n === 1 ? one : many;
  if (!Number.isInteger(n) || n < 0 || n > 99) return `In all, ${formatNumber(n)} ${noun}`;
  const words = n < 20 ? SMALL_NUMBERS[n]! : `${TENS[Math.floor(n / 10)]}${n % 10 ? `-${SMALL_NUMBERS[n % 10]!.toLowerCase()}` : ''}`;
  return `${words} ${noun}`;
}
