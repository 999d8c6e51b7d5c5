/**
 * Paper ballots typed in at room speed: one numbered sheet per line, "16: 3 5 5 9" (sheet 16 put a dot on option
 * 3, two on option 5 and one on option 9). "5x2" is the same as "5 5"; in a points vote "3=40 5=60" gives points.
 * Each line is checked against the voter's budget and the cap as the laptop ballot is, and a sheet typed twice is
 * caught by its number, so a tally that does not add up is refused with the line and the reason.
 */
import type { Activity } from '../model/workbook-schema';
import { checkBallot, type Allocation } from './dot-vote';
import { checkAllocation } from './points';

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;

export interface ParsedSheet {
  readonly sheet: number;
  readonly allocations: readonly Allocation[];
}

export type SheetLine =
  | { readonly ok: true; readonly line: number; readonly sheet: ParsedSheet }
  | { readonly ok: false; readonly line: number; readonly problems: readonly string[] };

const SHEET = /^\s*(?:sheet\s*)?(\d+)\s*[:.)-]\s*(.*)$/i;
const MARK = /^(\d+)(?:\s*[x×*=]\s*(\d+))?$/i;

/** Reads one line; `n` is its line number in what was typed, for messages. Blank lines are not sheets. */
export function parseSheetLine(text: string, v: Vote, n = 1): SheetLine | null {
  if (!text.trim()) return null;
  const where = `Line ${n}`;
  const m = SHEET.exec(text);
  if (!m)
    return {
      ok: false,
      line: n,
      problems: [
        `${where} (“${text.trim()}”): start with the sheet number and a colon, as in “16: 3 5 5 9”.`,
      ],
    };
  const sheet = Number(m[1]);
  const label = `${where}, sheet ${sheet}`;
  const counts = new Map<number, number>();
  const problems: string[] = [];
  const tokens = m[2]!
    .replace(/\s*([x×*=])\s*/gi, '$1')
    .split(/[\s,;]+/)
    .filter(Boolean);
  for (const t of tokens) {
    const mark = MARK.exec(t);
    if (!mark) {
      problems.push(`${label}: “${t}” is not an option number.`);
      continue;
    }
    const option = Number(mark[1]);
    const amount = mark[2] === undefined ? 1 : Number(mark[2]);
    if (option < 1 || option > v.optionIds.length) {
      problems.push(
        `${label}: there is no option ${option} (the options are numbered 1 to ${v.optionIds.length}).`,
      );
      continue;
    }
    counts.set(option, (counts.get(option) ?? 0) + amount);
  }
  const allocations = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([option, amount]) => ({ optionId: v.optionIds[option - 1]!, amount }));
  if (problems.length === 0 && allocations.length > 0) {
    const byNumber = (id: string) => `option ${v.optionIds.indexOf(id) + 1}`;
    const check =
      v.kind === 'dot-vote'
        ? checkBallot(v, allocations, byNumber)
        : checkAllocation(v, allocations, byNumber);
    for (const p of check.problems) problems.push(`${label}: ${p.replace(/“(option \d+)”/g, '$1')}`);
  }
  return problems.length > 0
    ? { ok: false, line: n, problems }
    : { ok: true, line: n, sheet: { sheet, allocations } };
}

export interface SheetBatch {
  readonly sheets: readonly ParsedSheet[];
  readonly problems: readonly string[];
}

/**
 * Reads every line; a sheet number already entered, or typed twice here, is a problem (the same sheet must not be
 * counted twice). Nothing is recorded unless every line is good, so a batch never half-lands.
 */
export function parseSheets(
  text: string,
  v: Vote & { ballots: ReadonlyArray<{ sheet: number | null }> },
): SheetBatch {
  const entered = new Set(v.ballots.map((b) => b.sheet).filter((s): s is number => s !== null));
  const seen = new Map<number, number>();
  const sheets: ParsedSheet[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const r = parseSheetLine(raw, v, i + 1);
    if (!r) return;
    if (!r.ok) return void problems.push(...r.problems);
    const { sheet } = r.sheet;
    if (entered.has(sheet)) problems.push(`Line ${i + 1}: sheet ${sheet} is already entered.`);
    else if (seen.has(sheet))
      problems.push(`Line ${i + 1}: sheet ${sheet} is also on line ${seen.get(sheet)}.`);
    else {
      seen.set(sheet, i + 1);
      sheets.push(r.sheet);
    }
  });
  if (problems.length === 0 && sheets.length === 0)
    problems.push('Type at least one sheet, as in “16: 3 5 5 9”.');
  return { sheets: problems.length > 0 ? [] : sheets, problems };
}
