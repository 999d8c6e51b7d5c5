/**
 * Reporting periods. Officers write them as councils do ("2023/24", "Q2 2024/25", "2023"); the workbook keeps
 * that label and, when it can tell, the dates it covers, so progress reports and benchmarking can line figures
 * up by period. UK local government years run 1 April to 31 March.
 */
import { z } from 'zod';

export const PeriodSchema = z.strictObject({
  /** As the officer or source wrote it. */
  label: z.string().max(500, { error: 'Text is too long (the limit is 500 characters)' }).default(''),
  start: z.iso.date({ error: 'Expected a date such as 2023-04-01' }).nullable().default(null),
  end: z.iso.date({ error: 'Expected a date such as 2024-03-31' }).nullable().default(null),
});
export type Period = z.infer<typeof PeriodSchema>;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Dates are only read for four-digit years Date.UTC handles as written (it maps 0-99 to the 1900s). */
const plausibleYear = (y: number) => y >= 1000 && y <= 9998;

function financialYearStart(text: string): number | null {
  const m = /^(\d{4})\s*(?:\/|-|–|to)\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return null;
  const first = Number(m[1]);
  // "1999/00" ends in the next century.
  const second = m[2]!.length === 2 ? first - (first % 100) + Number(m[2]) + (Number(m[2]) < first % 100 ? 100 : 0) : Number(m[2]);
  return second === first + 1 && plausibleYear(first) ? first : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthIndex(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
  return i < 0 ? null : i + 1;
}

/** Reads the dates out of a period label; a label it cannot read keeps null dates. */
export function parsePeriod(label: string): Period {
  const text = label.trim().replace(/\s+/g, ' ');
  const none: Period = { label: text, start: null, end: null };
  if (text === '') return none;
  const fyText = text.replace(/^(?:fy|financial year|year)\s+/i, '');

  const fy = financialYearStart(fyText);
  if (fy !== null) return { label: text, start: iso(fy, 4, 1), end: iso(fy + 1, 3, 31) };

  const quarter = /^Q([1-4])\s+(.+)$/i.exec(text);
  if (quarter) {
    const start = financialYearStart(quarter[2]!.trim().replace(/^(?:fy|financial year)\s*/i, ''));
    if (start === null) return none;
    const q = Number(quarter[1]);
    const startMonth = 4 + (q - 1) * 3;
    const y = startMonth > 12 ? start + 1 : start;
    const m = ((startMonth - 1) % 12) + 1;
    const endMonth = m + 2;
    return { label: text, start: iso(y, m, 1), end: iso(y, endMonth, lastDay(y, endMonth)) };
  }

  // Half of a financial year, as six-monthly progress reports run: H1 is April to September, H2 October to March.
  const half = /^H([12])\s+(.+)$/i.exec(text);
  if (half) {
    const start = financialYearStart(half[2]!.trim().replace(/^(?:fy|financial year)\s*/i, ''));
    if (start === null) return none;
    return half[1] === '1' ? { label: text, start: iso(start, 4, 1), end: iso(start, 9, 30) } : { label: text, start: iso(start, 10, 1), end: iso(start + 1, 3, 31) };
  }

  const year = /^(?:calendar year )?(\d{4})$/i.exec(text);
  if (year && plausibleYear(Number(year[1]))) return { label: text, start: iso(Number(year[1]), 1, 1), end: iso(Number(year[1]), 12, 31) };

  const month = /^([A-Za-z]+)\s+(\d{4})$/.exec(text);
  if (month) {
    const m = monthIndex(month[1]!);
    const y = Number(month[2]);
    if (m !== null && plausibleYear(y)) return { label: text, start: iso(y, m, 1), end: iso(y, m, lastDay(y, m)) };
  }

  // ISO 8601 interval as in the ACE activity data: 2023-04-01/P3M, 2023-04-01/P1Y.
  const interval = /^(\d{4})-(\d{2})-(\d{2})\/P(\d+)([MY])$/.exec(text);
  if (interval) {
    const y = Number(interval[1]);
    const m = Number(interval[2]);
    const d = Number(interval[3]);
    const months = Number(interval[4]) * (interval[5] === 'Y' ? 12 : 1);
    // An impossible start ("2023-13-45") or length keeps the label without dates rather than inventing them.
    if (!plausibleYear(y) || m < 1 || m > 12 || d < 1 || d > lastDay(y, m) || months < 1 || months > 1_200) return none;
    const end = new Date(Date.UTC(y, m - 1 + months, d) - 86_400_000);
    return { label: text, start: iso(y, m, d), end: end.toISOString().slice(0, 10) };
  }
  return none;
}

/** "2023/24 (1 April 2023 to 31 March 2024)" for display; just the label when there are no dates. */
export function describePeriod(p: Period): string {
  if (!p.start || !p.end) return p.label;
  const fmt = (s: string) =>
    new Date(`${s}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `${p.label} (${fmt(p.start)} to ${fmt(p.end)})`;
}
