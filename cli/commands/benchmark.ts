/**
 * `benchmark <workbook> [--group neighbours|type|region|population] [--json]`: the workbook authority's 2023/24
 * library activity (Arts Council England's Libraries Activity Data) per 1,000 residents against a comparator
 * group, with each comparator's code, name and value, the group's median and quartiles and the authority's
 * rank: the Data step's numbers, from the same analysis. The group is the one saved in the workbook unless
 * --group names another.
 */
import { basename } from 'node:path';
import {
  benchmark,
  COMPARATOR_KINDS,
  ordinal,
  type Benchmark,
  type ComparatorChoice,
  type ComparatorKind,
  type MeasureComparison,
} from '../../shared/analysis/benchmark';
import { ACTIVITY_SOURCE, ACTIVITY_YEAR } from '../../shared/reference/activity';
import { ACTIVITY } from '../../shared/reference/activity-data';
import { AUTHORITIES } from '../../shared/reference/authorities';
import type { CliCommand } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, listInWords } from '../output';

const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
const rate = (n: number | null) =>
  n === null ? '–' : n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const round = (n: number | null, places = 3) => (n === null ? null : Number(n.toFixed(places)));

const GRANULARITY: Record<string, string> = {
  month: 'monthly figures',
  quarter: 'quarterly figures',
  year: 'one annual figure',
  mixed: 'monthly and quarterly figures',
};

function dates(start: string, end: string): string {
  const f = (iso: string) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return `${f(start)} to ${f(end)}`;
}

function measureLines(m: MeasureComparison): string[] {
  const out: string[] = [];
  const own = m.own;
  if (!own)
    out.push(`${m.measure.label}: not reported for 2023/24 (no figure, which is not the same as none).`);
  else {
    const f = own.figure;
    const age = [
      own.perThousandChildren !== null ? `${rate(own.perThousandChildren)} per 1,000 children` : '',
      own.perThousandAdults !== null ? `${rate(own.perThousandAdults)} per 1,000 adults` : '',
    ].filter(Boolean);
    out.push(
      `${m.measure.label}: ${whole(own.value)} ${m.measure.unit} (${rate(own.perThousand)} per 1,000 residents${age.length ? `; ${age.join(', ')}` : ''}), ${dates(f.start, f.end)}, ${GRANULARITY[f.granularity]}${f.months < 12 ? `; covers ${f.months} of 12 months, so it is not ranked` : ''}.`,
    );
  }
  if (m.rank)
    out.push(`  Rank ${ordinal(m.rank.position)} of ${m.rank.of} per 1,000 residents (1st is highest).`);
  out.push(
    m.group
      ? `  Comparator group (${m.group.count} with a full-year figure): median ${rate(m.group.median)}, quartiles ${rate(m.group.lowerQuartile)} to ${rate(m.group.upperQuartile)} per 1,000 residents.`
      : '  No authority in the comparator group has a full-year figure.',
  );
  const rows = m.rows.map((r) => [
    r.gss,
    `${r.name}${r.self ? ' (this authority)' : ''}`,
    r.value === null ? 'not reported' : whole(r.value),
    rate(r.perThousand),
    r.months !== null && r.months < 12 ? `${r.months} months` : '',
  ]);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i]!.length), ['Code', 'Authority', 'Total', 'Per 1,000'][i]!.length),
  );
  const line = (cells: string[]) =>
    `  ${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padEnd(widths[1]!)}  ${cells[2]!.padStart(widths[2]!)}  ${cells[3]!.padStart(widths[3]!)}  ${cells[4] ?? ''}`.trimEnd();
  out.push(line(['Code', 'Authority', 'Total', 'Per 1,000']), ...rows.map(line), '');
  return out;
}

function report(file: string, b: Benchmark): string[] {
  const names = new Map(AUTHORITIES.map((a) => [a.gss, a.name]));
  return [
    `${b.authority.name} (${b.authority.gss}): library activity ${ACTIVITY_YEAR.label} compared with ${b.comparators.label.toLowerCase()} (${file})`,
    `Comparators: ${b.comparators.members.length ? listInWords(b.comparators.members.map((g) => names.get(g) ?? g)) : 'none'}.`,
    b.comparators.description,
    b.population === null
      ? 'The dataset gives no population for this authority, so no per-1,000 figures.'
      : `Residents (the dataset’s population): ${whole(b.population)}.`,
    `Source: ${ACTIVITY_SOURCE.short}. Figures covering part of the year are shown but not ranked or included in the median and quartiles. Per 1,000 children (0 to 17) and adults count only what was attributed to an age group.`,
    '',
    ...b.measures.flatMap(measureLines),
  ];
}

function asJson(file: string, b: Benchmark): string {
  return JSON.stringify(
    {
      workbook: file,
      authority: b.authority,
      year: ACTIVITY_YEAR,
      source: {
        title: ACTIVITY_SOURCE.title,
        publisher: ACTIVITY_SOURCE.publisher,
        url: ACTIVITY_SOURCE.url,
      },
      population: b.population,
      group: {
        kind: b.comparators.kind,
        label: b.comparators.label,
        description: b.comparators.description,
        members: b.comparators.members,
      },
      quartileMethod:
        'linear interpolation between closest ranks (R type 7, Excel QUARTILE.INC); full-year figures only; the group without this authority',
      measures: b.measures.map((m) => ({
        id: m.measure.id,
        label: m.measure.label,
        value: m.own?.value ?? null,
        perThousand: round(m.own?.perThousand ?? null),
        perThousandChildren: round(m.own?.perThousandChildren ?? null),
        perThousandAdults: round(m.own?.perThousandAdults ?? null),
        period: m.own
          ? {
              start: m.own.figure.start,
              end: m.own.figure.end,
              months: m.own.figure.months,
              granularity: m.own.figure.granularity,
            }
          : null,
        rank: m.rank,
        median: round(m.group?.median ?? null),
        lowerQuartile: round(m.group?.lowerQuartile ?? null),
        upperQuartile: round(m.group?.upperQuartile ?? null),
        groupCount: m.group?.count ?? 0,
        comparators: m.rows.map((r) => ({
          gss: r.gss,
          name: r.name,
          self: r.self,
          value: r.value,
          perThousand: round(r.perThousand),
          months: r.months,
        })),
      })),
    },
    null,
    2,
  );
}

export const benchmarkCommand: CliCommand = {
  register(program, { io, folder, exit }) {
    program
      .command('benchmark')
      .description(
        "Compare the workbook authority's 2023/24 library activity per 1,000 residents with a group of comparable authorities: rank, median and quartiles, and each comparator's figures",
      )
      .argument('<workbook>', 'A workbook file (.awbook)')
      .option(
        '--group <group>',
        `The comparator group: ${COMPARATOR_KINDS.filter((k) => k !== 'chosen').join(', ')} (default: the group saved in the workbook)`,
      )
      .option('--json', 'Print the comparison as JSON, numbers as numbers')
      .action(async (file: string, options: { group?: string; json?: boolean }) => {
        const kinds: readonly string[] = COMPARATOR_KINDS;
        if (options.group !== undefined && !kinds.includes(options.group)) {
          lines(
            io.err,
            `--group must be one of ${listInWords(COMPARATOR_KINDS.map((k) => `“${k}”`))} (found “${options.group}”).`,
          );
          exit(EXIT.USAGE);
          return;
        }
        const read = await loadWorkbook(file, folder);
        if (!read.ok) {
          lines(io.err, ...describeError(read.error));
          exit(EXIT.INVALID);
          return;
        }
        const wb = read.value.workbook;
        if (!wb.authority) {
          lines(
            io.err,
            `“${basename(file)}” has no library authority yet, so there is nothing to compare. Choose one in the app's Authority step.`,
          );
          exit(EXIT.INVALID);
          return;
        }
        const saved = wb.libraryData.comparator;
        const choice: ComparatorChoice = options.group
          ? { kind: options.group as ComparatorKind, chosen: saved.chosen }
          : saved;
        const b = benchmark(wb.authority.gss, choice, ACTIVITY, AUTHORITIES);
        if (!b) {
          lines(
            io.err,
            `${wb.authority.name} (${wb.authority.gss}) is not one of the 153 English library authorities in the reference data.`,
          );
          exit(EXIT.INVALID);
          return;
        }
        if (options.json) lines(io.out, asJson(basename(file), b));
        else lines(io.out, ...report(basename(file), b));
      });
  },
};
