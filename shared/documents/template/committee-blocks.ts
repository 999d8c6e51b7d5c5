/**
 * The committee or cabinet report's named blocks (BUSINESS-CASES.md §3): the header block, the numbered
 * recommendations in decision wording, the alternative options considered and rejected, the recommended option,
 * the financial implications and the top risks (all three from the business case the report is based on, worked
 * out once in the facts, so the report prints the business case's own figures), the equality impact assessment
 * and its summary, the appendices and the background papers.
 *
 * The header reads these answers by id: meeting, meeting_date, report_of, portfolio, lead_officer, contact,
 * wards, key_decision ("yes"/"no"), forward_plan_ref, exempt ("no"/"yes"), exempt_paragraph (1–7). The
 * recommendations read decision_maker.
 */
import { RISK_BAND_LABELS, type RiskBand } from '../../analysis/appraisal';
import type { AppraisalOption } from '../../model/business-case-schema';
import type { BusinessCaseFacts } from '../facts/business-case';
import { FUNDING_KIND_WORDS, ROLE_LABELS } from '../facts/business-case';
import type { Block, ListItem, Shade, TableCell } from '../model';
import { formatDate } from '../../text/dates';
import { formatNumber } from '../../text/numbers';
import { asSentence, listInWords, plural } from '../../text/words';
import type { BlockContext } from './blocks';
import { cell, guidance, para, pounds, RISK_BAND_SHADES, table, textInline } from './block-parts';
import type { Question } from './manifest';
import { parseTableAnswer } from './data-view';
import { TemplateError, type Location } from './syntax';

export const COMMITTEE_BLOCK_NAMES = [
  'report-header',
  'recommendations',
  'recommended-option',
  'alternative-options',
  'financial-implications',
  'top-risks',
  'eqia-summary',
  'eqia',
  'report-appendices',
  'background-papers',
] as const;
type CommitteeBlockName = (typeof COMMITTEE_BLOCK_NAMES)[number];

export const isCommitteeBlock = (name: string): name is CommitteeBlockName => (COMMITTEE_BLOCK_NAMES as readonly string[]).includes(name);

const t = textInline;



function questionOf(ctx: BlockContext, id: string): Question | undefined {
  return ctx.questions.find((q) => q.id === id);
}

/** The answer as text (its default when unanswered); '' when the question is not asked or has no answer. */
function answer(ctx: BlockContext, id: string): string {
  const q = questionOf(ctx, id);
  if (!q) return '';
  return ((Object.hasOwn(ctx.answers, id) ? ctx.answers[id] : q.default) ?? '').trim();
}

/** A header cell: the answer, or in a draft a marked gap naming the question (a final waits for it). */
function answerCell(ctx: BlockContext, id: string, text = answer(ctx, id)): TableCell {
  if (text !== '') return cell(text);
  const q = questionOf(ctx, id);
  if (!q) return cell('');
  ctx.unanswered(q);
  return { content: [{ kind: 'guidance', text: `[To complete: ${q.label}]` }] };
}

function tableQuestion(ctx: BlockContext, name: string, options: Readonly<Record<string, string>>, at: Location, fallback: string): Question {
  const id = options.question ?? fallback;
  const q = questionOf(ctx, id);
  if (!q) throw new TemplateError(at, `{{block ${name}}} reads the question "${id}", which is not in template.json (give another with question="…").`);
  if (q.kind !== 'table') throw new TemplateError(at, `{{block ${name}}} needs a table question, but "${id}" is a ${q.kind} question.`);
  return q;
}

function rowsOf(ctx: BlockContext, q: Question): Array<Record<string, string>> {
  const raw = Object.hasOwn(ctx.answers, q.id) ? ctx.answers[q.id]! : (q.default ?? '');
  return raw.trim() ? parseTableAnswer(raw, q.columns.map((c) => c.id)) : [];
}

const SCHEDULE_12A: Readonly<Record<string, string>> = {
  '1': 'information relating to any individual',
  '2': 'information likely to reveal the identity of an individual',
  '3': 'information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  '4': 'information relating to consultations or negotiations in connection with labour relations matters',
  '5': 'information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  '6': 'information which reveals that the authority proposes to give a notice or make an order or direction under any enactment',
  '7': 'information relating to the prevention, investigation or prosecution of crime',
};

/** {{block report-header}}: who the report is for and from, and whether it is a key decision and public. */
function reportHeader(ctx: BlockContext): Block[] {
  const rows: TableCell[][] = [];
  const row = (label: string, value: TableCell) => rows.push([cell(label), value]);
  row('Meeting', answerCell(ctx, 'meeting'));
  const date = answer(ctx, 'meeting_date');
  row('Date of meeting', answerCell(ctx, 'meeting_date', date ? formatDate(date) : ''));
  row('Report of', answerCell(ctx, 'report_of'));
  row('Cabinet member or portfolio', answerCell(ctx, 'portfolio'));
  row('Lead officer', answerCell(ctx, 'lead_officer'));
  row('Report contact', answerCell(ctx, 'contact'));
  row('Wards affected', answerCell(ctx, 'wards'));
  const key = answer(ctx, 'key_decision');
  if (key === 'yes') {
    const ref = answer(ctx, 'forward_plan_ref');
    row('Key decision', ref ? cell(`Yes. Forward plan reference ${ref}`) : answerCell(ctx, 'forward_plan_ref', ''));
  } else row('Key decision', key === 'no' ? cell('No') : answerCell(ctx, 'key_decision', ''));
  const exempt = answer(ctx, 'exempt');
  if (exempt === 'yes') {
    const n = answer(ctx, 'exempt_paragraph');
    const what = SCHEDULE_12A[n];
    row(
      'Publication',
      what
        ? cell(
            `Not for publication in part: an appendix is exempt under paragraph ${n} of Part 1 of Schedule 12A to the Local Government Act 1972 (${what}). The report itself is for general release.`,
          )
        : answerCell(ctx, 'exempt_paragraph', ''),
    );
  } else row('Publication', exempt === 'no' ? cell('For general release') : answerCell(ctx, 'exempt', ''));
  return [table(ctx, 'report-details', { caption: 'Report details', columns: [{ header: 'Item', width: 2.2 }, { header: 'Details', width: 7 }], rows, rowHeaders: true })];
}

/** "Approve the plan" as the recommendation reads after "is recommended to:": "approve the plan". */
function decisionWording(text: string): string {
  const s = text.trim();
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** {{block recommendations question="recommendations"}}: "Cabinet is recommended to:" and the numbered decisions. */
function recommendations(ctx: BlockContext, options: Readonly<Record<string, string>>, at: Location): Block[] {
  const q = tableQuestion(ctx, 'recommendations', options, at, 'recommendations');
  const col = q.columns[0]!.id;
  const items = rowsOf(ctx, q)
    .map((r) => r[col] ?? '')
    .filter((s) => s !== '');
  if (items.length === 0) {
    ctx.unanswered(q);
    return [guidance(`To complete: ${q.label}`, q.hint || 'Add the decisions the meeting is asked to make, one to a row.')];
  }
  const who = answer(ctx, 'decision_maker') || 'The decision maker';
  return [
    para(`${who} is recommended to:`),
    {
      kind: 'list',
      ordered: true,
      items: items.map((s, i): ListItem => ({ content: t(`${decisionWording(s).replace(/[.;,]+$/, '')}${i === items.length - 1 ? '.' : ';'}`) })),
    },
  ];
}

/** The report's business case, or the guidance box that says to choose one (listed once, as the business case, in the final's blockers). */
function businessCaseOr(ctx: BlockContext): BusinessCaseFacts | Block[] {
  const bc = ctx.facts.businessCase;
  if (ctx.basedOn === null) {
    ctx.warn('missing-business-case', 'No business case is chosen for this report, so its options, money and risks cannot be printed.');
    return [guidance('Choose the business case', 'Choose the business case this report asks a decision on, under “The decision” in the Documents step. Its options, financial case and risks are printed here.')];
  }
  if (bc === null || bc.appraisal.shortList.length === 0) {
    ctx.warn('missing-business-case', `The business case “${ctx.basedOn.title}” has no short-listed options yet.`);
    return [guidance('Complete the business case', `Enter the options appraisal of “${ctx.basedOn.title}” in that draft: its options, money and risks are printed here.`)];
  }
  return bc;
}

const optionSource = (bc: BusinessCaseFacts, id: string): AppraisalOption | undefined => bc.data.appraisal.options.find((o) => o.id === id);

function appraisalSource(ctx: BlockContext): string {
  return `The business case “${ctx.basedOn?.title ?? ''}”, options appraisal`;
}

/** {{block recommended-option}}: what the report recommends, what it costs and why, from the business case. */
function recommendedOption(ctx: BlockContext): Block[] {
  const bc = businessCaseOr(ctx);
  if (Array.isArray(bc)) return bc;
  const preferred = bc.appraisal.options.find((o) => o.optionId === bc.appraisal.preferredId);
  const source = preferred ? optionSource(bc, preferred.optionId) : undefined;
  if (!preferred || !source) {
    ctx.warn('missing-business-case', 'The business case has no preferred option.');
    return [guidance('Choose the preferred option', `Mark the option this report recommends as the preferred way forward in “${ctx.basedOn?.title ?? ''}”.`)];
  }
  const out: Block[] = [para(`The recommended option is “${source.name}”. ${asSentence(source.description)}`.trim())];
  const p = bc.profile;
  if (p && p.totals.costs > 0)
    out.push(
      para(
        `It would cost ${pounds(p.totals.costs)} over ${bc.period || plural(p.yearLabels.length, 'year')} in cash terms (${pounds(p.totals.capital)} capital and ${pounds(p.totals.revenue)} revenue), as the financial implications set out year by year.`,
      ),
    );
  if (source.reason.trim()) out.push(para(`Why it is recommended: ${asSentence(source.reason)}`));
  return out;
}

/** {{block alternative-options}}: each short-listed option not recommended, what it is, its cost and value, and why it was rejected. */
function alternativeOptions(ctx: BlockContext): Block[] {
  const bc = businessCaseOr(ctx);
  if (Array.isArray(bc)) return bc;
  const rejected = bc.appraisal.shortList.filter((o) => o.optionId !== bc.appraisal.preferredId);
  if (bc.appraisal.preferredId === null || rejected.length === 0) {
    ctx.warn('missing-business-case', 'The business case has no preferred option, or no alternative to it.');
    return [
      guidance(
        'Complete the short list',
        `The business case “${ctx.basedOn?.title ?? ''}” needs a preferred option and at least one alternative rejected with its reason: a decision must record the options considered and rejected.`,
      ),
    ];
  }
  const rate = formatNumber(bc.appraisal.rate * 100, 1);
  const period = bc.period || plural(bc.appraisal.years, 'year');
  const out: Block[] = [
    para(
      `The business case appraised ${plural(bc.appraisal.shortList.length, 'short-listed option')} over ${period}. ${rejected.length === 1 ? 'The option below was' : `The ${formatNumber(rejected.length)} options below were`} considered and rejected. Net present social value is the present value of the option’s monetised benefits less its costs, discounted at ${rate}% a year and after optimism bias.`,
    ),
  ];
  const items: ListItem[] = rejected.map((o) => {
    const src = optionSource(bc, o.optionId);
    const role = o.role ? ` (${ROLE_LABELS[o.role].toLowerCase()})` : '';
    const reason = src?.reason.trim() ? asSentence(src.reason) : '';
    return {
      content: [
        { kind: 'text', text: `${o.name}${role}.`, emphasis: 'strong' },
        { kind: 'text', text: ` ${src?.description ? `${asSentence(src.description)} ` : ''}` },
        ...(reason ? t(`Why it was not chosen: ${reason}`) : [{ kind: 'guidance' as const, text: 'Give the reason this option was rejected in the business case' }]),
      ],
    };
  });
  out.push({ kind: 'list', ordered: true, items });
  const preferred = bc.appraisal.shortList.find((o) => o.optionId === bc.appraisal.preferredId)!;
  const rows = [preferred, ...rejected].map((o) => [
    cell(`${o.name}${o.optionId === preferred.optionId ? ' (recommended)' : ''}`),
    cell(pounds(o.costs.total.reduce((a, b) => a + b, 0)), { align: 'right' }),
    cell(pounds(o.pvCostsAdjusted), { align: 'right' }),
    cell(o.monetised ? pounds(o.pvBenefits) : 'Not monetised', { align: 'right' }),
    cell(pounds(o.npsv), { align: 'right' }),
    cell(o.rank === null ? '' : formatNumber(o.rank), { align: 'right' }),
  ]);
  out.push(
    table(ctx, 'alternative-options', {
      caption: `The recommended option and the alternatives: costs and value over ${period}`,
      columns: [
        { header: 'Option', width: 4 },
        { header: 'Cash cost', width: 1.8, align: 'right' },
        { header: 'Present value of costs', width: 1.9, align: 'right' },
        { header: 'Present value of benefits', width: 1.9, align: 'right' },
        { header: 'Net present social value', width: 1.9, align: 'right' },
        { header: 'Rank', width: 1.1, align: 'right' },
      ],
      rows,
      rowHeaders: true,
      source: `${appraisalSource(ctx)}${bc.data.appraisal.priceBase ? `, ${bc.data.appraisal.priceBase}` : ''}`,
    }),
  );
  return out;
}

/** {{block financial-implications}}: the recommended option's capital and revenue by year, funding, the gap and the effect on the MTFS. */
function financialImplications(ctx: BlockContext): Block[] {
  const bc = businessCaseOr(ctx);
  if (Array.isArray(bc)) return bc;
  const p = bc.profile;
  if (p === null) {
    ctx.warn('missing-business-case', 'The business case has no preferred option, so its costs cannot be given.');
    return [guidance('Choose the preferred option', `Mark the preferred way forward in “${ctx.basedOn?.title ?? ''}”: the financial implications are its costs and funding.`)];
  }
  const line = (label: string, values: readonly number[], total: number) => [cell(label), ...values.map((v) => cell(pounds(v), { align: 'right' })), cell(pounds(total), { align: 'right' })];
  const rows: TableCell[][] = [
    line('Capital', p.capital, p.totals.capital),
    line('Revenue', p.revenue, p.totals.revenue),
    line('Total cost', p.costs, p.totals.costs),
    ...p.funding.map((f) => line(`${f.label} (${FUNDING_KIND_WORDS[f.kind]}, ${f.kindOf}${f.confirmed ? '' : ', not confirmed'})`, f.amounts, f.total)),
    line('Total funding', p.fundingTotal, p.totals.funding),
    line('Gap (a minus is a surplus)', p.gap, p.totals.gap),
  ];
  const years = p.yearLabels.length;
  const shortfall = p.gap.map((g, i) => (g > 0.5 ? `${p.yearLabels[i]} (${pounds(g)})` : '')).filter((s) => s !== '');
  const words = [
    `The recommended option costs ${pounds(p.totals.costs)} over ${bc.period || plural(years, 'year')}: ${pounds(p.totals.capital)} capital and ${pounds(p.totals.revenue)} revenue, in cash at ${bc.data.appraisal.priceBase || 'today’s prices'}.`,
    p.funding.length === 0
      ? 'No funding is identified yet.'
      : `Funding of ${pounds(p.totals.funding)} is identified${p.unconfirmed > 0.5 ? `, of which ${pounds(p.unconfirmed)} is not yet confirmed` : ', all of it confirmed'}.`,
    shortfall.length === 0 ? 'Funding meets the cost in every year.' : `There is a shortfall in ${listInWords(shortfall)}: ${pounds(p.gap.filter((g) => g > 0).reduce((a, b) => a + b, 0))} in all.`,
  ];
  const out: Block[] = [
    table(ctx, 'financial-implications', {
      caption: 'Cost and funding of the recommended option by financial year (cash)',
      columns: [{ header: 'Cost or funding', width: 3.4 }, ...p.yearLabels.map((y) => ({ header: y, width: 1.3, align: 'right' as const })), { header: 'Total', width: 1.4, align: 'right' }],
      rows,
      rowHeaders: true,
      dense: years > 4,
      source: `The business case “${ctx.basedOn?.title ?? ''}”, financial case`,
    }),
    para(words.join(' ')),
  ];
  const mtfs = bc.data.financial.mtfsEffect.trim();
  if (mtfs) out.push(para(`Medium-term financial strategy: ${mtfs}`));
  else {
    ctx.warn('empty-data', 'The business case does not say how the proposal affects the medium-term financial strategy.');
    out.push(guidance('Say how it affects the medium-term financial strategy', `Record the effect on the medium-term financial strategy, and how any gap will be closed, in the financial case of “${ctx.basedOn?.title ?? ''}”.`));
  }
  return out;
}

const ratingCell = (r: { score: number; band: RiskBand } | null): TableCell =>
  r === null ? cell('Not assessed') : cell(`${RISK_BAND_LABELS[r.band]} (${formatNumber(r.score)})`, { shade: RISK_BAND_SHADES[r.band] });

/** {{block top-risks count="5"}}: the business case's highest-rated risks, with owners and mitigation. */
function topRisks(ctx: BlockContext, options: Readonly<Record<string, string>>): Block[] {
  const bc = businessCaseOr(ctx);
  if (Array.isArray(bc)) return bc;
  if (bc.risks.length === 0) {
    ctx.warn('empty-data', 'The business case has no risk register, so the risk implications cannot be given.');
    return [guidance('Record the risks', `Enter the risk register, with an owner for each risk, in the management case of “${ctx.basedOn?.title ?? ''}”.`)];
  }
  const count = Math.max(1, Math.min(20, Number(options.count ?? '5') || 5));
  // Highest inherent rating first; a tie keeps the register's order.
  const ranked = bc.risks.map((r, i) => ({ ...r, i })).sort((a, b) => b.rating.inherent.score - a.rating.inherent.score || a.i - b.i);
  const top = ranked.slice(0, count);
  const out: Block[] = [
    para(
      `The business case’s risk register records ${plural(bc.risks.length, 'risk')}, each rated as likelihood times impact on a scale of 1 to 25. ${top.length < bc.risks.length ? `The ${formatNumber(top.length)} with the highest rating are` : bc.risks.length === 1 ? 'It is' : 'They are'} below, highest first, with the rating after mitigation.`,
    ),
    table(ctx, 'top-risks', {
      caption: top.length < bc.risks.length ? `The ${formatNumber(top.length)} highest-rated risks` : 'Risks, highest rating first',
      columns: [
        { header: 'Risk', width: 3.6 },
        { header: 'Rating', width: 1.7 },
        { header: 'Mitigation', width: 4 },
        { header: 'After mitigation', width: 1.7 },
        { header: 'Owner', width: 2 },
      ],
      rows: top.map((r) => [cell(r.entry.risk), ratingCell(r.rating.inherent), cell(r.entry.mitigation), ratingCell(r.rating.residual), cell(r.entry.owner)]),
      rowHeaders: true,
      source: `The business case “${ctx.basedOn?.title ?? ''}”, risk register`,
    }),
  ];
  const ownerless = top.filter((r) => r.entry.owner.trim() === '');
  if (ownerless.length > 0) {
    ctx.warn('empty-data', 'A risk in the report has no owner.');
    out.push(guidance('Give each risk an owner', `${listInWords(ownerless.map((r) => `“${r.entry.risk}”`))} ${ownerless.length === 1 ? 'has' : 'have'} no owner in the business case’s risk register.`));
  }
  return out;
}

/** The nine protected characteristics (Equality Act 2010, s4), with how a row naming each is recognised. */
const PROTECTED: ReadonlyArray<{ name: string; match: RegExp }> = [
  { name: 'age', match: /^age\b/ },
  { name: 'disability', match: /^disab/ },
  { name: 'gender reassignment', match: /^gender reassignment|^trans/ },
  { name: 'marriage and civil partnership', match: /^marriage|^civil partnership/ },
  { name: 'pregnancy and maternity', match: /^pregnan|^maternity/ },
  { name: 'race', match: /^race|^ethnic/ },
  { name: 'religion or belief', match: /^religio|^belief/ },
  { name: 'sex', match: /^sex\b(?!ual)/ },
  { name: 'sexual orientation', match: /^sexual orientation/ },
];

type Impact = 'positive' | 'neutral' | 'negative' | 'mixed' | 'unknown';
function impactOf(text: string): Impact {
  const s = text.trim().toLowerCase();
  if (s.startsWith('pos')) return 'positive';
  if (s.startsWith('neg')) return 'negative';
  if (s.startsWith('neu') || s.startsWith('no ') || s === 'none') return 'neutral';
  if (s.startsWith('mix')) return 'mixed';
  return 'unknown';
}

interface EqiaRow {
  readonly characteristic: string;
  readonly impact: string;
  readonly kind: Impact;
  readonly cells: Record<string, string>;
}

function eqiaRows(ctx: BlockContext, q: Question): EqiaRow[] {
  const [first, second] = q.columns;
  return rowsOf(ctx, q)
    .filter((r) => (r[first!.id] ?? '') !== '')
    .map((r) => ({ characteristic: r[first!.id] ?? '', impact: second ? (r[second.id] ?? '') : '', kind: second ? impactOf(r[second.id] ?? '') : 'unknown', cells: r }));
}

function notAssessed(rows: readonly EqiaRow[]): string[] {
  return PROTECTED.filter((p) => !rows.some((r) => p.match.test(r.characteristic.trim().toLowerCase()))).map((p) => p.name);
}

/** {{block eqia-summary question="eqia"}}: the assessment in a paragraph: which characteristics gain, which lose and how that is mitigated. */
function eqiaSummary(ctx: BlockContext, options: Readonly<Record<string, string>>, at: Location): Block[] {
  const q = tableQuestion(ctx, 'eqia-summary', options, at, 'eqia');
  const rows = eqiaRows(ctx, q);
  if (rows.length === 0) {
    ctx.unanswered(q);
    return [guidance(`To complete: ${q.label}`, q.hint || 'Assess the effect on each protected characteristic.')];
  }
  const named = (k: Impact) => rows.filter((r) => r.kind === k).map((r) => r.characteristic.toLowerCase());
  const parts: string[] = [`The equality impact assessment at Appendix A considers ${plural(rows.length, 'characteristic')}.`];
  const positive = named('positive');
  const negative = [...named('negative'), ...named('mixed')];
  const neutral = named('neutral');
  if (positive.length > 0) parts.push(`It finds a positive effect on people by ${listInWords(positive)}.`);
  if (neutral.length > 0) parts.push(`It finds no disproportionate effect by ${listInWords(neutral)}.`);
  if (negative.length > 0) parts.push(`It finds a possible adverse effect by ${listInWords(negative)}, with the mitigation set out in the appendix.`);
  else parts.push('It finds no adverse effect on any group that needs mitigating.');
  return [para(parts.join(' '))];
}

/** {{block eqia question="eqia"}}: the full assessment, one row per protected characteristic; any of the nine left out is named. */
function eqia(ctx: BlockContext, options: Readonly<Record<string, string>>, at: Location): Block[] {
  const q = tableQuestion(ctx, 'eqia', options, at, 'eqia');
  const rows = eqiaRows(ctx, q);
  if (rows.length === 0) {
    ctx.unanswered(q);
    return [guidance(`To complete: ${q.label}`, q.hint || 'Assess the effect on each protected characteristic.')];
  }
  const WIDTHS: Record<number, number> = { 0: 2.4, 1: 1.6 };
  const out: Block[] = [
    table(ctx, 'eqia', {
      caption: 'Equality impact assessment: the effect on each protected characteristic and its mitigation',
      columns: q.columns.map((c, i) => ({ header: c.label, width: WIDTHS[i] ?? 4 })),
      rows: rows.map((r) =>
        q.columns.map((c, i) => {
          if (i === 1) {
            const shade: Shade | undefined = r.kind === 'positive' ? 'rag-green' : r.kind === 'negative' ? 'rag-red' : r.kind === 'mixed' ? 'rag-amber' : undefined;
            return cell(r.cells[c.id] ?? '', shade ? { shade } : {});
          }
          return cell(r.cells[c.id] ?? '', {});
        }),
      ),
      rowHeaders: true,
    }),
  ];
  const missing = notAssessed(rows);
  if (missing.length > 0) {
    ctx.warn('empty-data', `The equality impact assessment does not cover ${listInWords(missing)}.`);
    out.push(guidance('Assess every protected characteristic', `Add a row for ${listInWords(missing)}: the public sector equality duty covers all nine protected characteristics.`));
  }
  return out;
}

/** {{block report-appendices}}: the appendices, the business case first. */
function reportAppendices(ctx: BlockContext): Block[] {
  const items: string[] = ['Appendix A: Equality impact assessment (at the end of this report).'];
  if (ctx.basedOn) items.push(`Appendix B: Business case, “${ctx.basedOn.title}” (published with this report).`);
  return [{ kind: 'list', ordered: false, items: items.map((s) => ({ content: t(s) })) }];
}

/** {{block background-papers question="background_papers"}}: the unpublished papers the report relied on, or a line saying there are none. */
function backgroundPapers(ctx: BlockContext, options: Readonly<Record<string, string>>, at: Location): Block[] {
  const q = tableQuestion(ctx, 'background-papers', options, at, 'background_papers');
  const [paper, where] = q.columns;
  const rows = rowsOf(ctx, q).filter((r) => (r[paper!.id] ?? '') !== '');
  if (rows.length === 0) return [para('None. Every document this report relied on is published or appended to it.')];
  return [
    para('These unpublished documents were relied on to a material extent in preparing this report:'),
    {
      kind: 'list',
      ordered: false,
      items: rows.map((r) => ({ content: t(`${r[paper!.id]}${where && r[where.id] ? `: ${r[where.id]}` : ''}`) })),
    },
  ];
}

export function renderCommitteeBlock(ctx: BlockContext, name: CommitteeBlockName, options: Readonly<Record<string, string>>, at: Location): Block[] {
  switch (name) {
    case 'report-header':
      return reportHeader(ctx);
    case 'recommendations':
      return recommendations(ctx, options, at);
    case 'recommended-option':
      return recommendedOption(ctx);
    case 'alternative-options':
      return alternativeOptions(ctx);
    case 'financial-implications':
      return financialImplications(ctx);
    case 'top-risks':
      return topRisks(ctx, options);
    case 'eqia-summary':
      return eqiaSummary(ctx, options, at);
    case 'eqia':
      return eqia(ctx, options, at);
    case 'report-appendices':
      return reportAppendices(ctx);
    case 'background-papers':
      return backgroundPapers(ctx, options, at);
  }
}
