/** Numbers, money and percentages in UK style ("£1,250,000", "£1.25m", "12.4 per 1,000 residents"), and reading them back. */

export function formatNumber(n: number, decimals?: number): string {
  if (!Number.isFinite(n)) return '';
  const d = decimals ?? (Number.isInteger(n) ? 0 : Math.abs(n) < 10 ? 2 : 1);
  return n.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: d });
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
  return `${sign}£${a.toLocaleString('en-GB', { minimumFractionDigits: pence ? 2 : 0, maximumFractionDigits: pence ? 2 : 0 })}`;
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
