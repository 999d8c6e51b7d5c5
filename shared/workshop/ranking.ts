/**
 * Totals into a ranking that says where there are ties instead of hiding them behind list order. Standard
 * competition ranking ("1224"): tied options share a rank and the next rank skips, so "joint 2nd" reads true.
 */

export interface RankedOption {
  readonly optionId: string;
  readonly amount: number;
  /** 1 for the most; equal amounts share a rank. */
  readonly rank: number;
  /** True when another option has the same amount. */
  readonly tied: boolean;
}

export interface Ranking {
  readonly rows: readonly RankedOption[];
  /** Groups of two or more options with the same amount (greater than zero), highest first. */
  readonly ties: ReadonlyArray<readonly string[]>;
  /**
   * The options to vote on again when the top of the result is not clear: those tied for first place, or tied
   * across the cut-off for the top `topN`. Empty when the top is clear (WORKSHOPS.md §5.C.11).
   */
  readonly revoteCandidates: readonly string[];
}

/** Ranks options by amount, keeping the given option order among equals so the display is stable. */
export function rankOptions(
  optionIds: readonly string[],
  amounts: ReadonlyMap<string, number>,
  topN = 3,
): Ranking {
  const sorted = optionIds
    .map((optionId, index) => ({ optionId, amount: amounts.get(optionId) ?? 0, index }))
    .sort((a, b) => b.amount - a.amount || a.index - b.index);
  const counts = new Map<number, number>();
  for (const r of sorted) counts.set(r.amount, (counts.get(r.amount) ?? 0) + 1);
  let rank = 0;
  let previous: number | null = null;
  const rows: RankedOption[] = sorted.map((r, i) => {
    if (r.amount !== previous) {
      rank = i + 1;
      previous = r.amount;
    }
    return { optionId: r.optionId, amount: r.amount, rank, tied: (counts.get(r.amount) ?? 0) > 1 };
  });
  const ties: string[][] = [];
  for (const r of rows) {
    if (!r.tied || r.amount <= 0) continue;
    const group = ties.find((g) => (amounts.get(g[0]!) ?? 0) === r.amount);
    if (group) group.push(r.optionId);
    else ties.push([r.optionId]);
  }
  return { rows, ties, revoteCandidates: revoteCandidates(rows, topN) };
}

function revoteCandidates(rows: readonly RankedOption[], topN: number): string[] {
  if (rows.length < 2 || (rows[0]?.amount ?? 0) <= 0) return [];
  const first = rows[0]!;
  // A tie for first place: re-vote on exactly those.
  if (first.tied) return rows.filter((r) => r.amount === first.amount).map((r) => r.optionId);
  // A tie straddling the cut-off for the top N: the places above the cut are settled; re-vote on the tied group.
  const cut = rows[Math.min(topN, rows.length) - 1];
  const next = rows[Math.min(topN, rows.length)];
  if (cut && next && cut.amount > 0 && cut.amount === next.amount)
    return rows.filter((r) => r.amount === cut.amount).map((r) => r.optionId);
  return [];
}

/** "1st", "joint 2nd" — for screens and the report. */
export function rankLabel(row: Pick<RankedOption, 'rank' | 'tied'>): string {
  const n = row.rank;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${row.tied ? 'joint ' : ''}${n}${suffix}`;
}

/**
 * The place as a report or screen shows it: "1st", "joint 2nd", and for options that got nothing, "No dots" (or
 * "No points") rather than a shared last place such as "joint 11th" for twelve empty rows.
 */
export function placeLabel(row: Pick<RankedOption, 'rank' | 'tied' | 'amount'>, none: string): string {
  return row.amount > 0 ? rankLabel(row) : none;
}
