/**
 * {{block how-we-compare}}: the authority's 2023/24 library activity per 1,000 residents against the comparator
 * group chosen in the Data step (or `group=region` and so on in the template), with the group's median,
 * quartiles and the authority's rank, the comparators named and where they come from, and the source. When the
 * workbook holds the dataset as evidence (the Data step adds it), the paragraph cites it, so it appears in the
 * references.
 */
import {
  benchmark,
  COMPARATOR_KINDS,
  ordinal,
  type ComparatorChoice,
  type ComparatorKind,
} from '../../analysis/benchmark';
import { ACTIVITY_EVIDENCE, ACTIVITY_SOURCE, ACTIVITY_YEAR } from '../../reference/activity';
import { ACTIVITY } from '../../reference/activity-data';
import { AUTHORITIES } from '../../reference/authorities';
import { uniqueId, type Block, type Inline, type TableCell } from '../model';
import type { BlockContext } from './blocks';
import { formatNumber } from '../../text/numbers';
import { listInWords } from '../../text/words';
import { TemplateError, type Location } from './syntax';
import { guidance } from './block-parts';

const t = (s: string): Inline => ({ kind: 'text', text: s });
const cell = (s: string, align?: 'right'): TableCell => ({ content: [t(s)], ...(align ? { align } : {}) });
const rate = (n: number) => formatNumber(n, 1);


export function howWeCompare(
  ctx: BlockContext,
  options: Readonly<Record<string, string>>,
  at: Location,
): Block[] {
  const wb = ctx.workbook;
  const kinds: readonly string[] = COMPARATOR_KINDS;
  if (options.group !== undefined && !kinds.includes(options.group))
    throw new TemplateError(
      at,
      `"${options.group}" is not a comparator group. Groups are: ${COMPARATOR_KINDS.join(', ')}.`,
    );
  if (!wb.authority) {
    ctx.warn('empty-data', 'How we compare needs the library authority: choose it in the Authority step.');
    return [
      guidance(
        'Choose the library authority',
        'Choose the library authority in the Authority step; its published activity figures are then compared here with similar authorities.',
      ),
    ];
  }
  const choice: ComparatorChoice = options.group
    ? { kind: options.group as ComparatorKind, chosen: wb.libraryData.comparator.chosen }
    : wb.libraryData.comparator;
  const b = benchmark(wb.authority.gss, choice, ACTIVITY, AUTHORITIES);
  const name = wb.authority.name;
  if (!b) {
    // Not one of the published library authorities (a fictional or retired code): nothing to compare, and nothing
    // to say about it in the document.
    ctx.warn('empty-data', `${ACTIVITY_SOURCE.title} does not cover ${name}, so How we compare is left out.`);
    return [];
  }
  const reported = b.measures.filter((m) => m.own);
  if (reported.length === 0) {
    ctx.warn(
      'empty-data',
      `${ACTIVITY_SOURCE.title} has no figures for ${name}, so How we compare is left out.`,
    );
    return [
      {
        kind: 'paragraph',
        content: [
          t(
            `${name} reported no figures to Arts Council England’s libraries activity data for ${ACTIVITY_YEAR.label}, so it cannot be compared with other authorities from that source.`,
          ),
        ],
      },
    ];
  }
  const names = new Map(AUTHORITIES.map((a) => [a.gss, a.name]));
  const evidence = wb.evidence.find((e) => e.origin === 'library' && e.libraryRef === ACTIVITY_EVIDENCE.id);
  const citation = evidence ? ctx.cite(evidence.id) : null;
  const group = b.comparators;
  const members = group.members.map((g) => names.get(g) ?? g);
  const missing = b.measures.filter((m) => !m.own).map((m) => m.measure.phrase);
  const intro: Inline[] = [
    t(
      `${name}’s library activity in ${ACTIVITY_YEAR.label}, per 1,000 residents, compared with ${members.length ? `${group.label.toLowerCase()}: ${listInWords(members)}` : 'no comparator authorities (none are chosen)'}. ${group.description} Rank 1 is the highest figure per 1,000 residents; the median and quartiles are of the comparators’ full-year figures.`,
    ),
  ];
  if (citation) intro.push(t(' '), citation);
  if (missing.length) intro.push(t(` ${name} did not report ${listInWords(missing)} for the year.`));
  return [
    { kind: 'paragraph', content: intro },
    {
      kind: 'table',
      id: uniqueId(ctx.ids, 'how-we-compare'),
      caption: `How ${name} compares: library activity per 1,000 residents, ${ACTIVITY_YEAR.label}, against ${group.label.toLowerCase()}`,
      columns: [
        { header: 'Measure', width: 2.4 },
        { header: `${name} total`, width: 1.8, align: 'right' },
        { header: `${name} per 1,000`, width: 1.6, align: 'right' },
        { header: 'Comparators’ median per 1,000', width: 1.8, align: 'right' },
        { header: 'Middle half of comparators (quartiles)', width: 2.2, align: 'right' },
        { header: 'Rank', width: 1.4, align: 'right' },
      ],
      rows: reported.map((m) => {
        const own = m.own!;
        const partial = own.figure.months < 12 ? ` (${own.figure.months} of 12 months)` : '';
        return [
          cell(m.measure.label),
          cell(`${formatNumber(own.value)}${partial}`, 'right'),
          cell(own.perThousand === null ? 'No population' : rate(own.perThousand), 'right'),
          cell(m.group ? rate(m.group.median) : 'No comparator figures', 'right'),
          cell(m.group ? `${rate(m.group.lowerQuartile)} to ${rate(m.group.upperQuartile)}` : '–', 'right'),
          cell(m.rank ? `${ordinal(m.rank.position)} of ${m.rank.of}` : 'Not ranked', 'right'),
        ];
      }),
      rowHeaders: true,
      source: `${ACTIVITY_SOURCE.short}; resident populations as given in the dataset.`,
    },
  ];
}
