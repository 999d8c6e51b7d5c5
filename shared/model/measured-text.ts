/**
 * A figure typed with its period in one go, as plans print them: "18.1 (2018-20)", "1,250, 2023/24", "45% in
 * 2024/25", or just "18.1". The period is kept as written (parsePeriod reads its dates where it can).
 */
export type MeasuredText = { ok: true; value: number | null; period: string | null } | { ok: false; message: string };

const NUMBER = /^[-−]?£?\s*\d[\d,]*(?:\.\d+)?\s*%?$|^[-−]?£?\s*\.\d+\s*%?$/;

function toNumber(text: string): number | null {
  const t = text.replace(/[,£%\s]/g, '').replace('−', '-');
  if (!NUMBER.test(text.trim())) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function parseMeasuredText(text: string, options: { allowEmpty?: boolean } = {}): MeasuredText {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return options.allowEmpty ? { ok: true, value: null, period: null } : { ok: false, message: 'Enter a number' };
  const alone = toNumber(t);
  if (alone !== null) return { ok: true, value: alone, period: null };
  // The number, then the period in brackets, after a comma, or after "in" / "for" / "at".
  const m = /^(.+?)\s*(?:\((.+)\)|,\s+(.+)|\s+(?:in|for|at)\s+(.+)|\s+((?:q[1-4]\s+)?\d{4}.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{4}))$/i.exec(t);
  const value = m ? toNumber(m[1]!) : null;
  const period = m ? (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim() : '';
  if (value === null || period === '')
    return { ok: false, message: 'Enter a number, with its period if you like: for example 18.1, or 18.1 (2018-20)' };
  return { ok: true, value, period };
}
