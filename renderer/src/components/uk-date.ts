/**
 * Dates as people in England type and read them: day, month, year (31/03/2027), whatever the computer's locale.
 * Stored as ISO (2027-03-31). Parsing is strict: a real calendar date with a four-digit year, or an error that
 * says what to type.
 */

export type UkDateParse = { ok: true; iso: string | null } | { ok: false; message: string };

const EXAMPLE = 'for example 31/03/2027';

/** dd/mm/yyyy for an ISO date; an ISO string that is not a date is returned as it is. */
export function formatUkDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * Reads a typed date: day, month and year separated by "/", "-", "." or spaces (31/3/2027, 31-03-2027), or
 * eight digits with none (31032027). Empty means no date.
 */
export function parseUkDate(text: string): UkDateParse {
  const t = text.trim();
  if (t === '') return { ok: true, iso: null };
  const parts = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d+)$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!parts) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return { ok: false, message: `Enter the date as day, month and year, ${EXAMPLE}` };
    return { ok: false, message: `Enter a date as day, month and year, ${EXAMPLE}` };
  }
  const [day, month, year] = [Number(parts[1]), Number(parts[2]), parts[3]!];
  if (year.length !== 4) return { ok: false, message: `The year must have four digits, ${EXAMPLE}` };
  if (month < 1 || month > 12) return { ok: false, message: `The month must be from 1 to 12, ${EXAMPLE}` };
  const y = Number(year);
  const days = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (day < 1 || day > days) return { ok: false, message: `That month has ${days} days: enter a real date, ${EXAMPLE}` };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
