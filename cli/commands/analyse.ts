/**
 * `analyse <workbook> [--json]`: what the Review step shows, from the same pure analysis: the summary
 * paragraph, totals, coverage by objective, gaps with candidate services, services with no strategic link,
 * claims resting on weak evidence, and the view by Ambition outcome. --json prints the analysis itself with
 * the names and codes a script needs to read it.
 */
import { basename } from 'node:path';
import type { CoverageStatus, WeakClaimReason } from '../../shared/analysis/coverage';
import { inTreeOrder, objectiveCodes } from '../../shared/analysis/hierarchy';
import { analyseWorkbook, type AnalysisReport } from '../../shared/analysis/report';
import { STRENGTHS } from '../../shared/model/vocabulary';
import type { Workbook } from '../../shared/model/workbook-schema';
import type { CliCommand } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, shorten, table } from '../output';

// The Review step's words, so the two read the same.
const STATUS_LABEL: Record<CoverageStatus, string> = {
  gap: 'No contribution',
  weak: 'Weak only',
  moderate: 'Medium',
  strong: 'Strong',
};
const REASON_LABEL: Record<WeakClaimReason, string> = {
  'no-evidence': 'no evidence attached',
  'weak-evidence': 'only limited or anecdotal evidence',
  'low-confidence': 'low confidence',
};

type Align = 'left' | 'right';

/** Rows under a header, each column as wide as its widest cell. */
function columns(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align: readonly Align[],
  indent = '  ',
): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `${indent}${cells.map((c, i) => (align[i] === 'right' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

const WIDTH = 100;

/** A paragraph wrapped to the width of a terminal: the first line after `first`, the rest after `rest`. */
function wrap(text: string, first = '  ', rest = first): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const indent = out.length === 0 ? first : rest;
    if (current && indent.length + current.length + 1 + word.length > WIDTH) {
      out.push(`${indent}${current}`);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(`${out.length === 0 ? first : rest}${current}`);
  return out;
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);

function report(file: string, wb: Workbook, r: AnalysisReport): string[] {
  const codes = objectiveCodes(wb.objectives);
  const objective = new Map(wb.objectives.map((o) => [o.id, o]));
  const service = new Map(wb.services.map((s) => [s.id, s]));
  const named = (id: string) => `${codes.get(id) ?? ''} ${objective.get(id)?.title ?? id}`.trim();
  const t = r.totals;
  const out: string[] = [`Analysis of “${wb.title}” (${file})`, '', 'In summary', ...wrap(r.summary), ''];

  out.push(
    'Totals',
    ...table([
      [
        'Objectives with a library contribution',
        `${t.covered} of ${t.assessable} (${percent(t.covered, t.assessable)})`,
      ],
      ['With a strong contribution', String(t.strong)],
      ['Services linked to an objective', `${t.linkedServices} of ${t.services}`],
      ['Links citing evidence', `${t.evidencedLinks} of ${t.links} (${percent(t.evidencedLinks, t.links)})`],
      ['Claims to strengthen', String(r.weakClaims.length)],
      ['Suggested links not yet accepted', String(r.suggestions.length)],
    ]),
    '',
  );

  out.push(
    'Coverage by objective',
    ...wrap(
      'Services contributing and their score (strong 9, medium 3, weak 1); a theme or objective with others beneath it counts everything beneath it. Confidence is the mean over the links: low 1, medium 2, high 3.',
    ),
    '',
  );
  if (wb.objectives.length === 0) out.push('  No objectives yet.');
  else {
    const coverage = new Map(r.objectives.map((c) => [c.objectiveId, c]));
    const rows = inTreeOrder(wb.objectives).map(({ objective: o, depth }) => {
      const c = coverage.get(o.id)!;
      return [
        codes.get(o.id) ?? '',
        `${'  '.repeat(depth)}${shorten(o.title, 48 - depth * 2)}`,
        String(c.contributors.length),
        String(c.score),
        STATUS_LABEL[c.status],
        c.contributors.length === 0 ? '–' : `${Math.round(c.evidencedShare * 100)}%`,
        c.meanConfidence === null ? '–' : c.meanConfidence.toFixed(1),
      ];
    });
    out.push(
      ...columns(['Code', 'Objective', 'Services', 'Score', 'Coverage', 'Evidenced', 'Confidence'], rows, [
        'left',
        'left',
        'right',
        'right',
        'left',
        'right',
        'right',
      ]),
    );
  }
  out.push('');

  out.push(`Gaps: opportunities (${r.gaps.length})`);
  if (r.gaps.length === 0)
    out.push(
      t.assessable === 0
        ? '  No objectives to assess yet.'
        : '  Every objective has at least a medium contribution from the library service.',
    );
  const codeWidth = Math.max(0, ...r.gaps.map((g) => (codes.get(g.objectiveId) ?? '').length));
  for (const g of r.gaps) {
    const code = (codes.get(g.objectiveId) ?? '').padEnd(codeWidth);
    const pad = ' '.repeat(codeWidth + 4);
    out.push(
      ...wrap(
        `${g.title}: ${g.status === 'gap' ? 'no library contribution yet' : 'only weak contributions'}.`,
        `  ${code}  `,
        pad,
      ),
    );
    out.push(
      ...wrap(
        g.candidates.length > 0
          ? `Services that could contribute: ${g.candidates.map((c) => `${service.get(c.serviceId)?.name ?? c.serviceId} (${STRENGTHS[c.strength].label.toLowerCase()})`).join(', ')}.`
          : 'No current service is an obvious fit: a new offer or partnership may be needed.',
        pad,
      ),
    );
  }
  out.push('');

  out.push(`Services with no strategic link (${r.unlinkedServiceIds.length})`);
  if (r.unlinkedServiceIds.length === 0)
    out.push(
      wb.services.length === 0
        ? '  No services yet.'
        : '  Every service is linked to at least one council objective.',
    );
  else {
    out.push('  Not linked to any council objective, so the first to be questioned in a budget round:');
    out.push(
      ...columns(
        ['Service', 'Universal Library Offer'],
        r.unlinkedServiceIds.map((id) => [service.get(id)?.name ?? id, service.get(id)?.offer ?? '']),
        ['left', 'left'],
        '    ',
      ).slice(1),
    );
  }
  out.push('');

  out.push(`Strong claims with weak evidence (${r.weakClaims.length})`);
  if (r.weakClaims.length === 0)
    out.push('  Every medium and strong link cites good evidence with at least medium confidence.');
  for (const c of r.weakClaims)
    out.push(
      ...wrap(
        `${service.get(c.serviceId)?.name ?? c.serviceId} → ${named(c.objectiveId)} (${STRENGTHS[c.strength].label.toLowerCase()}): ${c.reasons.map((x) => REASON_LABEL[x]).join('; ')}.`,
        '  ',
        '    ',
      ),
    );
  out.push('');

  out.push('By Ambition outcome');
  out.push(
    ...columns(
      ['Ambition outcome', 'Services', 'Objectives reached'],
      r.outcomes.map((o) => [
        `${o.outcome}. ${o.name}`,
        String(o.serviceIds.length),
        String(o.objectiveIds.length),
      ]),
      ['left', 'right', 'right'],
    ),
  );
  return out;
}

/** The analysis as JSON, with what a script needs to name what the ids point at. */
function asJson(file: string, wb: Workbook, r: AnalysisReport): string {
  const codes = objectiveCodes(wb.objectives);
  const names = {
    objectives: Object.fromEntries(
      wb.objectives.map((o) => [o.id, { code: codes.get(o.id) ?? '', title: o.title, level: o.level }]),
    ),
    services: Object.fromEntries(wb.services.map((s) => [s.id, { name: s.name, offer: s.offer }])),
  };
  return JSON.stringify(
    { workbook: { file, title: wb.title, authority: wb.authority?.name ?? null }, ...r, names },
    null,
    2,
  );
}

export const analyseCommand: CliCommand = {
  register(program, { io, folder, exit }) {
    program
      .command('analyse')
      .description(
        'Show what the Review step shows: coverage by objective, gaps, services with no strategic link and claims with weak evidence',
      )
      .argument('<workbook>', 'A workbook file (.awbook)')
      .option('--json', 'Print the analysis as JSON, with the names of the objectives and services')
      .action(async (file: string, options: { json?: boolean }) => {
        const read = await loadWorkbook(file, folder);
        if (!read.ok) {
          lines(io.err, ...describeError(read.error));
          exit(EXIT.INVALID);
          return;
        }
        const wb = read.value.workbook;
        const r = analyseWorkbook(wb);
        if (options.json) lines(io.out, asJson(basename(file), wb, r));
        else lines(io.out, ...report(basename(file), wb, r));
      });
  },
};
