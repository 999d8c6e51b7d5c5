/** Dates in UK style: "28 November 2026", "28/11/2026", "November 2026". */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

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

/** "12 February 2025" from "2025-02-12"; "" for no date; the text unchanged when it is not an ISO date. */
export function longDate(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '';
}

/** Today's date as ISO (yyyy-mm-dd) in local time, for records made today. */
export function isoToday(now: Date = new Date()): string {
  return isoDate(now);
}
