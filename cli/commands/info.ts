/**
 * `info <file>`: what is in a workbook: who wrote it, for which authority, when, how much of each kind, the
 * objective hierarchy and the services under each Universal Library Offer.
 */
import { basename } from 'node:path';
import { UNIVERSAL_OFFERS, STRENGTHS } from '../../shared/model/vocabulary';
import { inTreeOrder } from '../../shared/analysis/hierarchy';
import type { Workbook } from '../../shared/model/workbook-schema';
import type { CliCommand } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, listInWords, plural, shorten, table, ukDateTime } from '../output';

/** More than this and the hierarchy is cut short: info is a summary, not an export. */
const MAX_HIERARCHY_LINES = 40;

function details(file: string, wb: Workbook, fileVersion: number): string[] {
  const authority = wb.authority
    ? `${wb.authority.name} (${wb.authority.type}, GSS code ${wb.authority.gss}${wb.authority.region ? `, ${wb.authority.region}` : ''})`
    : 'Not chosen yet';
  return table([
    ['File', `${file} (file format version ${fileVersion})`],
    ['Author', wb.author || 'Not given'],
    ['Authority', authority],
    ['Created', `${ukDateTime(wb.created)} (UK time)`],
    ['Last modified', `${ukDateTime(wb.modified)} (UK time)`],
  ]);
}

function counts(wb: Workbook): string[] {
  const levels = (['theme', 'objective', 'outcome'] as const)
    .map((level) => plural(wb.objectives.filter((o) => o.level === level).length, level))
    .filter((text) => !text.startsWith('0 '));
  const kpis = wb.objectives.reduce((n, o) => n + o.kpis.length, 0);
  const byStrength = [...STRENGTHS]
    .reverse()
    .map((s) => ({ label: s.value === 0 ? 'with no link' : s.label.toLowerCase(), n: wb.alignments.filter((a) => a.strength === s.value).length }))
    .filter((s) => s.n > 0)
    .map((s) => `${s.n} ${s.label}`);
  return table([
    ['Objectives', `${wb.objectives.length}${levels.length ? ` (${listInWords(levels)})` : ''}, with ${plural(kpis, 'KPI')}`],
    ['Services', String(wb.services.length)],
    ['Alignments', `${wb.alignments.length}${byStrength.length ? ` (${listInWords(byStrength)})` : ''}`],
    ['Evidence items', String(wb.evidence.length)],
    ['Partners', String(wb.partners.length)],
    ['Workshops', String(wb.workshops.length)],
    ['Document drafts', String(wb.drafts.length)],
  ]);
}

function hierarchy(wb: Workbook): string[] {
  if (wb.objectives.length === 0) return ['  None yet'];
  const out = inTreeOrder(wb.objectives).map(({ objective: o, depth }) => {
    const kpis = o.kpis.length ? `, ${plural(o.kpis.length, 'KPI')}` : '';
    return `${'  '.repeat(depth + 1)}${shorten(o.title, 90 - depth * 2)} (${o.level}${kpis})`;
  });
  if (out.length <= MAX_HIERARCHY_LINES) return out;
  return [...out.slice(0, MAX_HIERARCHY_LINES), `  … and ${plural(out.length - MAX_HIERARCHY_LINES, 'more objective')}`];
}

function offers(wb: Workbook): string[] {
  return table(UNIVERSAL_OFFERS.map((offer) => [offer, String(wb.services.filter((s) => s.offer === offer).length)] as const));
}

export const infoCommand: CliCommand = {
  register(program, { io, folder, exit }) {
    program
      .command('info')
      .description("Show a workbook's details, contents, objective hierarchy and services by Universal Library Offer")
      .argument('<file>', 'A workbook file (.awbook)')
      .action(async (file: string) => {
        const read = await loadWorkbook(file, folder);
        if (!read.ok) {
          lines(io.err, ...describeError(read.error));
          exit(EXIT.INVALID);
          return;
        }
        const { workbook: wb, fileVersion } = read.value;
        lines(
          io.out,
          wb.title,
          '',
          ...details(basename(file), wb, fileVersion),
          '',
          'Contents',
          ...counts(wb),
          '',
          'Objectives',
          ...hierarchy(wb),
          '',
          'Services by Universal Library Offer',
          ...offers(wb),
        );
      });
  },
};
