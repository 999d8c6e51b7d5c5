/**
 * Formatting in UK style, shared by template helpers and named blocks: dates ("28 November 2026"), pounds
 * ("£1,250,000", "£1.25m"), percentages and rates per 1,000 residents.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * One formatter per option set: toLocaleString with options builds a new one on every call, which a long document
 * (thousands of figures) feels.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function en(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('en-GB', { minimumFractionDigits, maximumFractionDigits })));
  return f;
}

export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return '';
  const d = decimals ?? (Number.isInteger(n) ? 0 : Math.abs(n) < 10 ? 2 : 1);
  return en(0, d).format(n);
}

/** The calendar day of a moment where the officer is (yyyy-mm-dd): a document made at 00:30 in British Summer Time is dated that day, not the day before as UTC would have it. */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "28 November 2026" from an ISO date or date-time (a Date is read as the local day); "" for an invalid Date. style "short" gives 28/11/2026, "month" November 2026. */
export function formatDate(value: string | Date, style: 'long' | 'short' | 'month' = 'long'): string {
  let y: number;
  let m: number;
  let d: number;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    y = value.getFullYear();
    m = value.getMonth() + 1;
    d = value.getDate();
  } else {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
    if (!match) return value;
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
    if (m < 1 || m > 12 || d < 1 || d > 31) return value;
  }
  if (style === 'short') return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
  if (style === 'month') return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** £ with thousands separators; pence only when the amount has them. "short" gives £1.25m / £450k. */
export function formatMoney(amount: number, style: 'full' | 'short' = 'full'): string {
  if (!Number.isFinite(amount)) return '';
  const sign = amount < 0 ? '−' : '';
  const a = Math.abs(amount);
  if (style === 'short') {
    if (a >= 1_000_000) return `${sign}£${formatNumber(a / 1_000_000, 2)}m`;
    if (a >= 10_000) return `${sign}£${formatNumber(Math.round(a / 1_000), 0)}k`;
  }
  const pence = !Number.isInteger(a);
  return `${sign}£${en(pence ? 2 : 0, pence ? 2 : 0).format(a)}`;
}

/** A share (0–1) as a whole-number percentage; values that are already percentages with whole = true. */
export function formatPercent(value: number, whole = false): string {
  if (!Number.isFinite(value)) return '';
  const pct = whole ? value : value * 100;
  return `${formatNumber(Math.round(pct * 10) / 10, Math.abs(pct) < 10 && !Number.isInteger(Math.round(pct * 10) / 10) ? 1 : 0)}%`;
}

/** "12.4 per 1,000 residents"; an explanation when the population is not known. */
export function formatPerThousand(value: number, population: number | null | undefined): string {
  if (!Number.isFinite(value)) return '';
  if (population === null || population === undefined || !Number.isFinite(population) || population <= 0)
    return 'not available (resident population not recorded)';
  const rate = (value / population) * 1000;
  return `${formatNumber(rate, rate < 10 ? 2 : 1)} per 1,000 residents`;
}

/** Reads "£1.25m", "450k", "1,250,000" or "1250000.50" as pounds; null when it is not an amount. */
export function parseMoney(text: string): number | null {
  const t = text.trim().replace(/^£/, '').replace(/,/g, '').replace(/\s+/g, '').toLowerCase();
  const m = /^(-?\d+(?:\.\d+)?)(m|k|bn)?$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  const mult = m[2] === 'm' ? 1_000_000 : m[2] === 'k' ? 1_000 : m[2] === 'bn' ? 1_000_000_000 : 1;
  return n * mult;
}

export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A value with its unit as a reader writes it: "66.9% of adults (16+)" (a unit that starts with "%" is closed up,
 * GOV.UK style), "5,210 loans", "4.2 tCO2e per person".
 */
export function formatQuantity(value: number, unit: string): string {
  const u = unit.trim();
  if (!Number.isFinite(value)) return '';
  if (u.startsWith('%')) return `${formatNumber(value)}${u}`;
  return u ? `${formatNumber(value)} ${u}` : formatNumber(value);
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
