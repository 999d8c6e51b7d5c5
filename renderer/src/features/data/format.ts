/** Numbers and dates as the Data step shows them (UK style). */
export const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
export const rate = (n: number | null) => (n === null ? '–' : n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));

const monthYear = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function monthSpan(start: string, end: string): string {
  return `${monthYear(start)} to ${monthYear(end)}`;
}

/** "2023-04-01/P1M" → "April 2023"; "2023-04-01/P3M" → "April to June 2023". */
export function periodLabel(interval: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}\/P(\d+)M$/.exec(interval);
  if (!m) return interval;
  const start = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  if (m[3] === '1') return monthYear(start.toISOString().slice(0, 10));
  const end = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 2 + Number(m[3]), 1));
  const month = (d: Date) => d.toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
  return start.getUTCFullYear() === end.getUTCFullYear()
    ? `${month(start)} to ${month(end)} ${end.getUTCFullYear()}`
    : `${month(start)} ${start.getUTCFullYear()} to ${month(end)} ${end.getUTCFullYear()}`;
}

export const GRANULARITY_WORDS: Record<string, string> = {
  month: 'by month',
  quarter: 'by quarter',
  year: 'one figure for the year',
  mixed: 'by month and by quarter',
};
