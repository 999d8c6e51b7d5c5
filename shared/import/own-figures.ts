/**
 * A library service's own counts, read from the Libraries Hacked core-dataset templates (physical visits, loans,
 * membership, events: ../shared/data/schema-librarydata) or from the officer's own spreadsheet with its columns
 * mapped, into workbook figures per library and period. Every row is checked against the template's schema
 * (required fields, dates, whole non-negative counts, the allowed values), against the workbook's authority and
 * libraries, and for a period already counted. Any bad row refuses the whole file, naming its line and column
 * and why, so nothing half-imported reaches the workbook.
 */
import { financialYear } from '../analysis/benchmark-own-figures';
import { newId } from '../model/ids';
import { OWN_MEASURE_NAMES } from '../model/own-figure-links';
import { OWN_MEASURES, type OwnFigure, type OwnMeasure } from '../model/workbook-schema';
import { parsePeriod, type Period } from '../model/periods';
import type { Table } from './table-outline';

export const CORE_TEMPLATES = {
  'physical-visits': {
    label: 'Physical visits',
    headers: ['Local authority', 'Library name', 'Count start', 'Count end', 'Count type', 'Visits'],
  },
  loans: { label: 'Loans', headers: ['Local authority', 'Library name', 'Month', 'Type', 'Loans'] },
  membership: { label: 'Membership', headers: ['Local authority', 'Count date', 'Area code', 'Members'] },
  events: {
    label: 'Events',
    headers: [
      'Local authority',
      'Library name',
      'Event date',
      'Name',
      'Main outcome',
      'Secondary outcome',
      'Attendees',
    ],
  },
} as const;
export type CoreTemplateId = keyof typeof CORE_TEMPLATES;

export const OWN_MEASURE_LABELS: Record<OwnMeasure, string> = Object.fromEntries(
  Object.entries(OWN_MEASURE_NAMES).map(([k, v]) => [k, v.label]),
) as Record<OwnMeasure, string>;

/** The Ambition outcomes an event's main and secondary outcome must be one of (events.json). */
export const EVENT_OUTCOMES = [
  'Cultural and creative enrichment',
  'Increased reading and literacy',
  'Increased digital access and literacy',
  'Helping everyone achieve their full potential',
  'Healthier and happier lives',
  'Greater prosperity',
  'Stronger more resilient communities',
] as const;

/** The place an event not held in a library is given as, per the events schema. */
const OUTREACH = 'outreach';

export interface ImportContext {
  readonly authority: { readonly gss: string; readonly name: string; readonly officialName?: string };
  /** The authority's libraries: the 2023 dataset's and the workbook's own branches. */
  readonly libraries: ReadonlyArray<{ readonly ref: string; readonly name: string }>;
  /** Figures already in the workbook, so a period counted before is refused rather than counted twice. */
  readonly existing: readonly OwnFigure[];
  /** Recorded on each figure: the file's name and the date of import. */
  readonly source: string;
}

export interface RowProblem {
  /** The row as the spreadsheet shows it (the header is line 1). */
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

export type ImportResult =
  | { readonly ok: true; readonly figures: OwnFigure[]; readonly rows: number }
  | {
      readonly ok: false;
      readonly problems: readonly RowProblem[];
      /** Set when the rows name another authority (the file is from another service). */
      readonly otherAuthority: string | null;
    };

/** "Line 4, column “Visits”: expected a whole number, found “lots”." */
export function describeProblem(p: RowProblem): string {
  return `Line ${p.line}${p.column ? `, column “${p.column}”` : ''}: ${p.message}`;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "Kent County Council", "Kent Libraries" and "Kent" name one service. */
function serviceWords(s: string): string {
  return fold(s)
    .replace(
      /\b(london borough of|royal borough of|city of|county of|metropolitan borough|borough|county|city|district|council|libraries|library service|library and information service|services?)\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

function sameAuthority(text: string, ctx: ImportContext): boolean {
  const a = ctx.authority;
  if (text.trim().toUpperCase() === a.gss) return true;
  const names = [a.name, a.officialName ?? ''].filter(Boolean);
  return names.some(
    (n) => fold(n) === fold(text) || (serviceWords(n) !== '' && serviceWords(n) === serviceWords(text)),
  );
}

const libraryKey = (s: string) =>
  fold(s)
    .replace(/\b(library|libraries)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The library a row names, matched on its name without "Library" and ignoring case and punctuation. */
function findLibrary(name: string, ctx: ImportContext): { ref: string; name: string } | null {
  const key = libraryKey(name);
  return ctx.libraries.find((l) => libraryKey(l.name) === key) ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** An ISO date (2024-03-31), or a UK one (31/03/2024) as spreadsheets often write it. */
export function readDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.000)?Z?)?$/.exec(t);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A month as 2024-03, 2024-03-01 or "March 2024": its first and last days. */
export function readMonth(text: string): { start: string; end: string } | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})(?:-01)?$/.exec(t);
  if (iso) {
    const start = validDate(Number(iso[1]), Number(iso[2]), 1);
    return start ? { start, end: lastOfMonth(start) } : null;
  }
  const p = parsePeriod(t);
  if (
    p.start &&
    p.end &&
    p.start.slice(0, 7) === p.end.slice(0, 7) &&
    p.start.endsWith('-01') &&
    p.end === lastOfMonth(p.start)
  )
    return { start: p.start, end: p.end };
  return null;
}

function lastOfMonth(isoStart: string): string {
  const y = Number(isoStart.slice(0, 4));
  const m = Number(isoStart.slice(5, 7));
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The label councils use for a span: "April 2023", "Q1 2023/24", "2023/24", otherwise the two dates. */
export function periodFor(start: string, end: string): Period {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const fy = financialYear(start);
  let label: string;
  if (start.endsWith('-01') && end === lastOfMonth(start)) label = `${MONTHS[m - 1]} ${y}`;
  else if (start === fy.start && end === fy.end) label = fy.label;
  else if (start.endsWith('-01') && [4, 7, 10, 1].includes(m) && end === lastOfMonth(`${y}-${pad(m + 2)}-01`))
    label = `Q${m === 1 ? 4 : (m - 1) / 3} ${fy.label}`;
  else if (start === end) label = longDate(start);
  else label = `${longDate(start)} to ${longDate(end)}`;
  return { label, start, end };
}

function longDate(iso: string): string {
  return `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** A count: digits, with thousands commas allowed. */
function readCount(text: string): { value: number } | { problem: string } {
  const t = text.trim().replace(/,(?=\d{3}\b)/g, '');
  if (t === '') return { problem: 'a count is required here, and the cell is empty' };
  if (/^-\d+(\.\d+)?$/.test(t)) return { problem: `a count must not be negative (found “${text.trim()}”)` };
  if (!/^\d+$/.test(t)) return { problem: `expected a whole number, found “${text.trim()}”` };
  const value = Number(t);
  if (!Number.isSafeInteger(value)) return { problem: `“${text.trim()}” is too large to be a count` };
  return { value };
}

/** Header names as the officer may have typed them: case, spacing and a trailing "(optional)" aside. */
const headerKey = (h: string) => fold(h.replace(/\(.*\)$/, ''));

/** The core-dataset template a table's header row matches, when every one of its columns is present. */
export function detectTemplate(headers: readonly string[]): CoreTemplateId | null {
  const have = new Set(headers.map(headerKey));
  const ids = Object.keys(CORE_TEMPLATES) as CoreTemplateId[];
  // Events' columns include none of the others' distinctive ones, so the first full match is the right one.
  return (
    ids.find((id) =>
      CORE_TEMPLATES[id].headers
        .filter((h) => h !== 'Secondary outcome')
        .every((h) => have.has(headerKey(h))),
    ) ?? null
  );
}

/** A row on its way to becoming a figure, before duplicate checks. */
interface Candidate {
  readonly line: number;
  readonly measure: OwnMeasure;
  readonly library: string;
  readonly libraryRef: string;
  readonly detail: string;
  readonly start: string;
  readonly end: string;
  readonly value: number;
  /** What makes two rows the same count, for the duplicate check. */
  readonly key: string;
  readonly keyColumn: string;
}

class RowReader {
  readonly problems: RowProblem[] = [];
  readonly otherAuthorities = new Set<string>();
  constructor(
    readonly table: Table,
    readonly ctx: ImportContext,
  ) {}

  column(name: string): number {
    return this.table.headers.findIndex((h) => headerKey(h) === headerKey(name));
  }

  problem(line: number, column: string, message: string): null {
    this.problems.push({ line, column, message });
    return null;
  }

  text(row: readonly string[], index: number): string {
    return index < 0 ? '' : (row[index] ?? '').trim();
  }

  required(row: readonly string[], line: number, index: number, header: string): string | null {
    const v = this.text(row, index);
    return v === '' ? this.problem(line, header, 'this is required, and the cell is empty') : v;
  }

  authority(row: readonly string[], line: number, index: number, header: string): boolean {
    if (index < 0) return true;
    const v = this.required(row, line, index, header);
    if (v === null) return false;
    if (sameAuthority(v, this.ctx)) return true;
    this.otherAuthorities.add(v);
    this.problem(
      line,
      header,
      `“${v}” is another authority; this workbook is for ${this.ctx.authority.name}`,
    );
    return false;
  }

  library(
    row: readonly string[],
    line: number,
    index: number,
    header: string,
    allowOutreach = false,
  ): { name: string; ref: string } | null {
    const v = this.required(row, line, index, header);
    if (v === null) return null;
    if (allowOutreach && fold(v) === OUTREACH) return { name: 'Outreach', ref: '' };
    const found = findLibrary(v, this.ctx);
    if (found) return found;
    return this.problem(
      line,
      header,
      `“${v}” is not one of ${this.ctx.authority.name}’s libraries (those in the 2023 libraries dataset or on a service in this workbook)${allowOutreach ? '; an event held elsewhere is given as “Outreach”' : ''}`,
    );
  }

  date(row: readonly string[], line: number, index: number, header: string): string | null {
    const v = this.required(row, line, index, header);
    if (v === null) return null;
    return readDate(v) ?? this.problem(line, header, `expected a date such as 2024-03-31, found “${v}”`);
  }

  count(row: readonly string[], line: number, index: number, header: string): number | null {
    const c = readCount(this.text(row, index));
    return 'value' in c ? c.value : this.problem(line, header, c.problem);
  }

  oneOf(
    row: readonly string[],
    line: number,
    index: number,
    header: string,
    allowed: readonly string[],
    required: boolean,
  ): string | null | undefined {
    const v = this.text(row, index);
    if (v === '')
      return required
        ? this.problem(line, header, `this is required: one of ${allowed.map((a) => `“${a}”`).join(', ')}`)
        : '';
    const match = allowed.find((a) => fold(a) === fold(v));
    return (
      match ??
      this.problem(
        line,
        header,
        `“${v}” is not one of the allowed values: ${allowed.map((a) => `“${a}”`).join(', ')}`,
      )
    );
  }
}

const isNull = (...values: unknown[]) => values.some((v) => v === null || v === undefined);

function coreCandidates(template: CoreTemplateId, r: RowReader): Candidate[] {
  const { table } = r;
  const out: Candidate[] = [];
  const col = (name: string) => r.column(name);
  const la = col('Local authority');
  table.rows.forEach((row, i) => {
    const line = table.rowNumbers[i]!;
    const authorityOk = r.authority(row, line, la, 'Local authority');
    switch (template) {
      case 'physical-visits': {
        const lib = r.library(row, line, col('Library name'), 'Library name');
        const start = r.date(row, line, col('Count start'), 'Count start');
        const end = r.date(row, line, col('Count end'), 'Count end');
        const type = r.oneOf(row, line, col('Count type'), 'Count type', ['Manual', 'Automatic'], true);
        const value = r.count(row, line, col('Visits'), 'Visits');
        if (start && end && end < start)
          r.problem(line, 'Count end', `the count ends (${end}) before it starts (${start})`);
        if (!authorityOk || isNull(lib, start, end, type, value) || (start && end && end < start)) return;
        out.push({
          line,
          measure: 'visits',
          library: lib!.name,
          libraryRef: lib!.ref,
          detail: type!,
          start: start!,
          end: end!,
          value: value!,
          key: `visits|${lib!.name}|${type}|${start}|${end}`,
          keyColumn: 'Count start',
        });
        return;
      }
      case 'loans': {
        const lib = r.library(row, line, col('Library name'), 'Library name');
        const monthText = r.required(row, line, col('Month'), 'Month');
        const month =
          monthText === null
            ? null
            : (readMonth(monthText) ??
              r.problem(line, 'Month', `expected a month such as 2024-03, found “${monthText}”`));
        const type = r.required(row, line, col('Type'), 'Type');
        const value = r.count(row, line, col('Loans'), 'Loans');
        if (!authorityOk || isNull(lib, month, type, value)) return;
        out.push({
          line,
          measure: 'loans',
          library: lib!.name,
          libraryRef: lib!.ref,
          detail: type!,
          start: month!.start,
          end: month!.end,
          value: value!,
          key: `loans|${lib!.name}|${fold(type!)}|${month!.start}`,
          keyColumn: 'Month',
        });
        return;
      }
      case 'membership': {
        const date = r.date(row, line, col('Count date'), 'Count date');
        const area = r.required(row, line, col('Area code'), 'Area code');
        const value = r.count(row, line, col('Members'), 'Members');
        if (!authorityOk || isNull(date, area, value)) return;
        out.push({
          line,
          measure: 'members',
          library: '',
          libraryRef: '',
          detail: area!,
          start: date!,
          end: date!,
          value: value!,
          key: `members|${area!.toUpperCase()}|${date}`,
          keyColumn: 'Count date',
        });
        return;
      }
      case 'events': {
        const lib = r.library(row, line, col('Library name'), 'Library name', true);
        const date = r.date(row, line, col('Event date'), 'Event date');
        const name = r.required(row, line, col('Name'), 'Name');
        const main = r.oneOf(row, line, col('Main outcome'), 'Main outcome', EVENT_OUTCOMES, true);
        const secondary = r.oneOf(
          row,
          line,
          col('Secondary outcome'),
          'Secondary outcome',
          EVENT_OUTCOMES,
          false,
        );
        const value = r.count(row, line, col('Attendees'), 'Attendees');
        if (!authorityOk || isNull(lib, date, name, main, secondary, value)) return;
        out.push({
          line,
          measure: 'attendance',
          library: lib!.name,
          libraryRef: lib!.ref,
          detail: name!,
          start: date!,
          end: date!,
          value: value!,
          key: `events|${lib!.name}|${date}|${fold(name!)}`,
          keyColumn: 'Event date',
        });
        return;
      }
    }
  });
  return out;
}

/** Which of the officer's columns holds what; period is one column ("2023/24", "April 2023") or a start and an end. */
export interface OwnColumnMapping {
  readonly measure: OwnMeasure;
  readonly value: number;
  readonly library?: number;
  readonly period?: number;
  readonly start?: number;
  readonly end?: number;
  readonly detail?: number;
  readonly authority?: number;
}

export const MAPPING_ROLES = ['library', 'period', 'start', 'end', 'value', 'detail', 'authority'] as const;
export type MappingRole = (typeof MAPPING_ROLES)[number];
export const MAPPING_ROLE_LABELS: Record<MappingRole, string> = {
  library: 'Library',
  period: 'Period (such as 2023/24 or April 2023)',
  start: 'Start date',
  end: 'End date',
  value: 'Count',
  detail: 'Type or detail',
  authority: 'Local authority',
};

const GUESSES: Record<MappingRole, RegExp> = {
  library: /\b(library|branch|site|location)\b/i,
  period: /\b(period|month|quarter|year)\b/i,
  start: /\b(start|from|date)\b/i,
  end: /\b(end|to)\b/i,
  value: /\b(count|visits|loans|issues|members|attendees|attendance|number|total|value)\b/i,
  detail: /\b(type|category|detail|name)\b/i,
  authority: /\b(authority|council)\b/i,
};

/** A first guess at the officer's columns, which the preview shows and the officer corrects. */
export function guessOwnMapping(headers: readonly string[]): Partial<Record<MappingRole, number>> {
  const out: Partial<Record<MappingRole, number>> = {};
  const used = new Set<number>();
  for (const role of ['authority', 'library', 'end', 'start', 'period', 'value', 'detail'] as const) {
    const i = headers.findIndex((h, idx) => !used.has(idx) && GUESSES[role].test(h));
    if (i >= 0) {
      out[role] = i;
      used.add(i);
    }
  }
  if (out.start !== undefined && out.end === undefined && out.period === undefined) {
    // A lone "date" column is the period's day.
    out.period = out.start;
    delete out.start;
  }
  return out;
}

function mappedCandidates(mapping: OwnColumnMapping, r: RowReader): Candidate[] {
  const { table } = r;
  const header = (i: number | undefined) => (i === undefined ? '' : (table.headers[i] ?? `Column ${i + 1}`));
  const out: Candidate[] = [];
  if (mapping.period === undefined && (mapping.start === undefined || mapping.end === undefined)) {
    r.problem(1, '', 'say which column holds the period, or which hold its start and end dates');
    return out;
  }
  table.rows.forEach((row, i) => {
    const line = table.rowNumbers[i]!;
    const authorityOk = r.authority(row, line, mapping.authority ?? -1, header(mapping.authority));
    const lib =
      mapping.library === undefined
        ? { name: '', ref: '' }
        : r.library(row, line, mapping.library, header(mapping.library));
    let span: { start: string; end: string } | null = null;
    if (mapping.period !== undefined) {
      const text = r.required(row, line, mapping.period, header(mapping.period));
      if (text !== null) {
        const date = readDate(text);
        const p = parsePeriod(text);
        span = date ? { start: date, end: date } : p.start && p.end ? { start: p.start, end: p.end } : null;
        if (!span)
          r.problem(
            line,
            header(mapping.period),
            `“${text}” is not a period this can read: use 2023/24, Q1 2023/24, April 2023 or a date such as 2024-03-31`,
          );
      }
    } else {
      const start = r.date(row, line, mapping.start!, header(mapping.start));
      const end = r.date(row, line, mapping.end!, header(mapping.end));
      if (start && end && end < start)
        r.problem(line, header(mapping.end), `the period ends (${end}) before it starts (${start})`);
      else if (start && end) span = { start, end };
    }
    const value = r.count(row, line, mapping.value, header(mapping.value));
    const detail = r.text(row, mapping.detail ?? -1);
    if (!authorityOk || isNull(lib, span, value)) return;
    out.push({
      line,
      measure: mapping.measure,
      library: lib!.name,
      libraryRef: lib!.ref,
      detail,
      start: span!.start,
      end: span!.end,
      value: value!,
      key: `${mapping.measure}|${lib!.name}|${fold(detail)}|${span!.start}|${span!.end}`,
      keyColumn: header(mapping.period ?? mapping.start),
    });
  });
  return out;
}

const figureKey = (f: OwnFigure) =>
  `${f.measure}|${f.library}|${fold(f.detail)}|${f.period.start}|${f.period.end}`;

/** Refuses a count already in the file or in the workbook, then turns the rows into figures. */
function finish(r: RowReader, candidates: Candidate[], aggregateEvents: boolean): ImportResult {
  const seen = new Map<string, number>();
  const existing = new Map(aggregateEvents ? [] : r.ctx.existing.map((f) => [figureKey(f), f]));
  for (const c of candidates) {
    const first = seen.get(c.key);
    if (first !== undefined)
      r.problem(
        c.line,
        c.keyColumn,
        `this repeats line ${first} (the same ${c.library ? 'library, ' : ''}period${c.detail ? ' and type' : ''}), so it would be counted twice`,
      );
    else seen.set(c.key, c.line);
    if (!aggregateEvents) {
      const before = existing.get(`${c.measure}|${c.library}|${fold(c.detail)}|${c.start}|${c.end}`);
      if (before)
        r.problem(
          c.line,
          c.keyColumn,
          `the workbook already has this count (${OWN_MEASURE_LABELS[c.measure].toLowerCase()}${c.library ? ` at ${c.library}` : ''}, ${before.period.label}), imported from ${before.source || 'an earlier file'}`,
        );
    }
  }
  let figures: OwnFigure[];
  if (aggregateEvents) {
    // Events are counted, and their attendees added up, by library and month; a month already imported is refused.
    const groups = new Map<
      string,
      { library: string; libraryRef: string; start: string; events: number; attendance: number; line: number }
    >();
    for (const c of candidates) {
      const start = `${c.start.slice(0, 7)}-01`;
      const key = `${c.library}|${start}`;
      const g = groups.get(key) ?? {
        library: c.library,
        libraryRef: c.libraryRef,
        start,
        events: 0,
        attendance: 0,
        line: c.line,
      };
      g.events += 1;
      g.attendance += c.value;
      groups.set(key, g);
    }
    const already = new Set(
      r.ctx.existing.filter((f) => f.measure === 'events').map((f) => `${f.library}|${f.period.start}`),
    );
    for (const [key, g] of groups)
      if (already.has(key))
        r.problem(
          g.line,
          'Event date',
          `the workbook already has events for ${g.library} in ${periodFor(g.start, lastOfMonth(g.start)).label}`,
        );
    figures = [...groups.values()].flatMap((g) => {
      const period = periodFor(g.start, lastOfMonth(g.start));
      const base = { library: g.library, libraryRef: g.libraryRef, detail: '', period, source: r.ctx.source };
      return [
        { id: newId('figure'), measure: 'events' as const, value: g.events, ...base },
        { id: newId('figure'), measure: 'attendance' as const, value: g.attendance, ...base },
      ];
    });
  } else
    figures = candidates.map((c) => ({
      id: newId('figure'),
      measure: c.measure,
      library: c.library,
      libraryRef: c.libraryRef,
      detail: c.detail,
      period: periodFor(c.start, c.end),
      value: c.value,
      source: r.ctx.source,
    }));
  if (r.problems.length > 0) return refusal(r);
  if (candidates.length === 0)
    return {
      ok: false,
      problems: [{ line: 1, column: '', message: 'the file has a header row but no figures' }],
      otherAuthority: null,
    };
  return { ok: true, figures, rows: candidates.length };
}

function refusal(r: RowReader): ImportResult {
  const problems = [...r.problems].sort((a, b) => a.line - b.line);
  const others = [...r.otherAuthorities];
  return { ok: false, problems, otherAuthority: others.length > 0 ? others[0]! : null };
}

export function importCoreDataset(table: Table, template: CoreTemplateId, ctx: ImportContext): ImportResult {
  const r = new RowReader(table, ctx);
  return finish(r, coreCandidates(template, r), template === 'events');
}

export function importOwnTable(table: Table, mapping: OwnColumnMapping, ctx: ImportContext): ImportResult {
  if (!(OWN_MEASURES as readonly string[]).includes(mapping.measure))
    throw new Error(`Unknown measure ${mapping.measure}`);
  const r = new RowReader(table, ctx);
  const candidates = mappedCandidates(mapping, r);
  if (r.problems.length > 0 && candidates.length === 0 && r.problems.every((p) => p.line === 1))
    return refusal(r);
  return finish(r, candidates, false);
}
