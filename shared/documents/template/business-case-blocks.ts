/**
 * The business case's decision data as named blocks: the options (long and short list), the appraisal table with
 * its costs by year, the scoring against the critical success factors and spending objectives, switching values
 * with a plain-English reading, the financial profile against funding, the commercial case, and the management
 * case's governance, milestones, benefits realisation plan, risk register and assurance. Every figure comes from
 * the document's facts (facts/business-case.ts); these blocks only round and word them.
 *
 * Where an Outline or Full Business Case lacks a part the Green Book expects (the four short-list roles, costs
 * for every short-listed option, the first year, a benefits plan, a risk register with owners), the block says
 * what is missing in a guidance box; bind then refuses a final and names it.
 */
import { RISK_BAND_LABELS, type OptionAppraisal, type RiskBand } from '../../analysis/appraisal';
import { type DELIVERY_MODELS, type RISK_HOLDERS, type AppraisalOption, type Milestone } from '../../model/business-case-schema';
import { FUNDING_KIND_WORDS, missingParts, ROLE_LABELS, type BusinessCaseFacts, type CaseStage } from '../facts/business-case';
import type { Block, Shade, TableCell } from '../model';
import type { BlockContext } from './blocks';
import { cell, guidance, para, pounds, RISK_BAND_SHADES, table, textInline } from './block-parts';
import { ordinal } from '../../analysis/benchmark';
import { asSentence, listInWords } from '../../text/words';
import { formatDate } from '../../text/dates';
import { formatMoney, formatNumber } from '../../text/numbers';

export const BUSINESS_CASE_BLOCK_NAMES = [
  'appraisal-options',
  'appraisal-table',
  'appraisal-scores',
  'switching-values',
  'financial-profile',
  'commercial-case',
  'case-governance',
  'milestone-plan',
  'benefits-plan',
  'case-risk-register',
  'assurance-plan',
] as const;
type BusinessCaseBlockName = (typeof BUSINESS_CASE_BLOCK_NAMES)[number];

export const isBusinessCaseBlock = (name: string): name is BusinessCaseBlockName => (BUSINESS_CASE_BLOCK_NAMES as readonly string[]).includes(name);

const t = textInline;
const pct = (n: number) => `${formatNumber(Math.round(n * 10) / 10, 1)}%`;



/** The stage the template's "stage" question gives (its default when unanswered). */
function stageOf(ctx: BlockContext): CaseStage {
  const q = ctx.questions.find((x) => x.id === 'stage');
  const v = ((Object.hasOwn(ctx.answers, 'stage') ? ctx.answers.stage : q?.default) ?? 'OBC').trim();
  return v === 'SOC' || v === 'FBC' || v === 'BJC' ? v : 'OBC';
}

function source(ctx: BlockContext): string {
  return `${ctx.workbook.title}, business case data as at ${ctx.facts.asAtText}`;
}

/** A guidance box listing what is missing, or nothing. */
function missingBox(ctx: BlockContext, title: string, missing: readonly string[]): Block[] {
  if (missing.length === 0) return [];
  const words = listInWords(missing);
  const text = `${words.charAt(0).toUpperCase()}${words.slice(1)}. Complete this in the Documents step’s business case forms.`;
  ctx.warn('empty-data', `${title}: ${listInWords(missing)}.`);
  return [guidance(title, text)];
}

function noData(ctx: BlockContext, what: string): Block[] {
  ctx.warn('empty-data', `The ${what} is empty: this draft has no business case data.`);
  return [guidance(`Enter the ${what}`, `This draft has no business case data yet. Enter the ${what} in the Documents step’s business case forms.`)];
}

const optionLabel = (o: Pick<AppraisalOption, 'name' | 'role'>) => (o.role === null ? o.name : `${o.name} (${ROLE_LABELS[o.role].toLowerCase()})`);
const DIMENSION_LABELS = { scope: 'Scope', solution: 'Solution', delivery: 'Delivery', implementation: 'Implementation', funding: 'Funding' } as const;
const VERDICT_LABELS = { preferred: 'Preferred', possible: 'Carried forward', discounted: 'Discounted' } as const;

/** {{block appraisal-options}}: the long list with each option's choices and the filter's verdict and reason, short-listed options marked. */
function appraisalOptions(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  const missing = missingParts(bc?.data ?? null, 'SOC').appraisal;
  if (bc === null) return missingBox(ctx, 'Enter the options appraisal', missing);
  const options = bc.data.appraisal.options;
  const rows = options.map((o) => [
    cell(o.name),
    cell(o.role === null ? 'Long list only' : ROLE_LABELS[o.role]),
    cell([o.description, ...o.choices.map((c) => `${DIMENSION_LABELS[c.dimension]}: ${asSentence(c.choice)}`)].filter((s) => s.trim() !== '').join(' ')),
    cell(`${VERDICT_LABELS[o.verdict]}${o.reason ? `. ${asSentence(o.reason)}` : ''}`),
  ]);
  return [
    ...(rows.length === 0
      ? []
      : [
          table(ctx, 'appraisal-options', {
            caption: 'Options considered, with the reason each was preferred, carried forward or discounted',
            columns: [
              { header: 'Option', width: 2.4 },
              { header: 'Place in the appraisal', width: 1.8 },
              { header: 'What it involves', width: 4 },
              { header: 'Result and reason', width: 4 },
            ],
            rows,
            rowHeaders: true,
            source: source(ctx),
          }),
        ]),
    ...missingBox(ctx, 'Complete the short list', missing),
  ];
}

function yearColumns(labels: readonly string[]) {
  return labels.map((l) => ({ header: l, width: 1.25, align: 'right' as const }));
}

/** {{block appraisal-table}}: costs by year (capital and revenue) for each short-listed option, then present values, optimism bias, NPSV, BCR and rank, with the rate and price base. */
function appraisalTable(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  const stage = stageOf(ctx);
  const missing = missingParts(bc?.data ?? null, stage).appraisal;
  if (bc === null) return missingBox(ctx, 'Enter the options appraisal', missing);
  const a = bc.appraisal;
  const short = a.shortList;
  if (short.length === 0) return missingBox(ctx, 'Complete the options appraisal', missing);
  const costRows: TableCell[][] = short.flatMap((o) => {
    const rows: TableCell[][] = [];
    const line = (label: string, values: readonly number[]) => [cell(label), ...values.map((v) => cell(pounds(v), { align: 'right' })), cell(pounds(values.reduce((x, y) => x + y, 0)), { align: 'right' })];
    if (o.costs.capital.some((v) => v !== 0)) rows.push(line(`${o.name}: capital`, o.costs.capital));
    if (o.costs.revenue.some((v) => v !== 0)) rows.push(line(`${o.name}: revenue`, o.costs.revenue));
    if (o.monetised) rows.push(line(`${o.name}: monetised benefits`, o.benefits));
    return rows;
  });
  costRows.push([cell('Discount factor'), ...a.factors.map((f) => cell(f.toFixed(4), { align: 'right' })), cell('Not summed', { align: 'right' })]);
  const ranked = [...short].sort((x, y) => (x.rank ?? 99) - (y.rank ?? 99));
  const pvRows = ranked.map((o) => [
    cell(optionLabel(o)),
    cell(pounds(o.pvCosts), { align: 'right' }),
    cell(o.optimismBiasPercent === 0 ? 'None' : `${pct(o.optimismBiasPercent)}: ${pounds(o.optimismBias)}`, { align: 'right' }),
    cell(pounds(o.pvCostsAdjusted), { align: 'right' }),
    cell(o.monetised ? pounds(o.pvBenefits) : 'None', { align: 'right' }),
    cell(pounds(o.npsv), { align: 'right' }),
    cell(a.bauId === null ? 'No baseline' : pounds(o.npsvVsBau ?? 0), { align: 'right' }),
    cell(o.bcr === null ? 'None' : formatNumber(o.bcr, 2), { align: 'right' }),
    cell(o.rank === null ? '' : ordinal(o.rank), { align: 'right' }),
  ]);
  const rate = `${formatNumber(a.rate * 100, 2)}%`;
  const priceBase = bc.data.appraisal.priceBase.trim();
  const biasBasis = short.filter((o) => o.optimismBiasPercent > 0).map((o) => {
    const basis = bc.data.appraisal.options.find((x) => x.id === o.optionId)?.optimismBias.basis.trim() ?? '';
    return `${o.name}, ${pct(o.optimismBiasPercent)}${basis ? ` (${basis})` : ''}`;
  });
  const note = [
    `Present values are discounted at ${rate} a year${a.rate === 0.035 ? ', the Green Book’s social time preference rate for years 0 to 30' : ''}, with ${a.yearLabels[0] ?? 'year 0'} as year 0 and not discounted, over ${formatNumber(a.years)} ${a.years === 1 ? 'year' : 'years'}${bc.period ? ` (${bc.period})` : ''}.`,
    priceBase ? `All amounts are in ${priceBase}.` : 'The price base is not stated.',
    biasBasis.length > 0 ? `Optimism bias is added to each option’s present value of costs: ${listInWords(biasBasis)}.` : 'No optimism bias is applied.',
    '“None” means the option has no monetised benefits. Net present social value (NPSV) is the present value of monetised benefits less the present value of costs after optimism bias; the benefit–cost ratio (BCR) is not a pass or fail test. Figures are rounded to the nearest pound, so columns may not add exactly.',
  ].join(' ');
  return [
    table(ctx, 'appraisal-costs', {
      caption: 'Costs and monetised benefits of the short-listed options by financial year (cash, before discounting)',
      columns: [{ header: 'Option and line', width: 3.4 }, ...yearColumns(a.yearLabels), { header: 'Total', width: 1.4, align: 'right' }],
      rows: costRows,
      rowHeaders: true,
      dense: a.years > 5,
      source: source(ctx),
    }),
    table(ctx, 'appraisal-table', {
      caption: 'Options appraisal: present values, optimism bias, net present social value and benefit–cost ratio',
      columns: [
        { header: 'Option', width: 2.6 },
        { header: 'PV costs', width: 1.3, align: 'right' },
        { header: 'Optimism bias', width: 1.4, align: 'right' },
        { header: 'PV costs with optimism bias', width: 1.4, align: 'right' },
        { header: 'PV benefits', width: 1.3, align: 'right' },
        { header: 'NPSV', width: 1.3, align: 'right' },
        { header: 'NPSV against business as usual', width: 1.4, align: 'right' },
        { header: 'BCR', width: 0.9, align: 'right' },
        { header: 'Rank', width: 0.8, align: 'right' },
      ],
      rows: pvRows,
      rowHeaders: true,
      dense: true,
      source: source(ctx),
    }),
    para(note),
    ...missingBox(ctx, 'Complete the options appraisal', missing),
  ];
}

const SCORE_WORDS = ['Does not meet', 'Partly meets', 'Largely meets', 'Fully meets'] as const;
const scoreShade = (s: number): Shade => (s >= 3 ? 'strength-3' : s === 2 ? 'strength-2' : s === 1 ? 'strength-1' : 'strength-0');

/** {{block appraisal-scores}}: each short-listed option scored 0–3 against the critical success factors and spending objectives. */
function appraisalScores(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  if (bc === null) return noData(ctx, 'options appraisal');
  const { criteria, options } = bc.data.appraisal;
  const short = options.filter((o) => o.role !== null);
  if (criteria.length === 0 || short.length === 0) {
    ctx.warn('empty-data', 'The scoring matrix is empty: no critical success factors or short-listed options are recorded.');
    return [guidance('Score the short list', 'Add the critical success factors and spending objectives, and score each short-listed option against them from 0 (does not meet) to 3 (fully meets).')];
  }
  const ordered = [...criteria.filter((c) => c.kind === 'spending-objective'), ...criteria.filter((c) => c.kind === 'csf')];
  const rows: TableCell[][] = ordered.map((c) => [
    cell(`${c.kind === 'csf' ? 'Critical success factor' : 'Spending objective'}: ${c.label}`),
    ...short.map((o) => {
      const s = o.scores.find((x) => x.criterionId === c.id);
      if (!s) return cell('Not scored');
      return { content: t(`${s.score} ${SCORE_WORDS[s.score]}${s.note ? `: ${s.note}` : ''}`), shade: scoreShade(s.score) };
    }),
  ]);
  const figures = new Map(bc.appraisal.options.map((o) => [o.optionId, o]));
  rows.push([cell('Total score'), ...short.map((o) => cell(`${formatNumber(figures.get(o.id)?.scoreTotal ?? 0)} of ${formatNumber(figures.get(o.id)?.scoreMax ?? 0)}`, { align: 'right' }))]);
  return [
    table(ctx, 'appraisal-scores', {
      caption: 'Short-listed options scored against the spending objectives and critical success factors (0 does not meet, 3 fully meets)',
      columns: [{ header: 'Objective or factor', width: 3.2 }, ...short.map((o) => ({ header: optionLabel(o), width: 2 }))],
      rows,
      rowHeaders: true,
      dense: short.length > 4,
      source: source(ctx),
    }),
  ];
}

/** How firmly the figures support the ranking, in words a committee can weigh. */
function robustness(percent: number | null): string {
  if (percent === null) return '';
  if (percent < 5) return 'The ranking is fragile';
  if (percent < 15) return 'The ranking is sensitive';
  if (percent < 30) return 'The ranking is reasonably robust';
  return 'The ranking is robust';
}

/** {{block switching-values}}: how far the preferred option's costs or benefits (and each line) would have to move for it to lose first place, with a reading of the result. */
function switchingValues(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  if (bc === null) return noData(ctx, 'options appraisal');
  const a = bc.appraisal;
  const name = (id: string) => a.options.find((o) => o.optionId === id)?.name ?? id;
  const s = a.switching;
  if (s.kind === 'no-preferred' || s.kind === 'no-rival') {
    ctx.warn('empty-data', 'Switching values need a preferred option and at least one other short-listed option.');
    return [guidance('Complete the short list', 'Switching values compare the preferred option with the others on the short list: mark one option as preferred and short-list at least one other.')];
  }
  const preferred = a.options.find((o) => o.optionId === a.preferredId) as OptionAppraisal;
  const reading: string[] = [];
  if (s.kind === 'not-first') {
    reading.push(
      `On the monetised figures, the preferred option is not the best value for money: ${name(s.leaderId)} has a net present social value ${pounds(s.shortfall)} higher. The case for the preferred option therefore rests on what the figures leave out: its scores against the spending objectives and critical success factors, and its non-monetised benefits, which the decision maker should weigh explicitly.`,
    );
    return [para(reading.join(' '))];
  }
  const v = s.values;
  const rows: TableCell[][] = [
    [cell('All costs (present value, with optimism bias)'), cell(pounds(preferred.pvCostsAdjusted), { align: 'right' }), cell(`Rise of ${pounds(v.costRise.amount)}`, { align: 'right' }), cell(v.costRise.percent === null ? 'Not applicable' : `+${pct(v.costRise.percent)}`, { align: 'right' })],
    [
      cell('All monetised benefits (present value)'),
      cell(preferred.monetised ? pounds(preferred.pvBenefits) : 'Not monetised', { align: 'right' }),
      cell(v.benefitFall.possible ? `Fall of ${pounds(v.benefitFall.amount)}` : 'Cannot switch', { align: 'right' }),
      cell(v.benefitFall.possible && v.benefitFall.percent !== null ? `−${pct(v.benefitFall.percent)}` : 'Not applicable', { align: 'right' }),
    ],
    ...v.lines
      .filter((l) => l.pv > 0)
      .map((l) => {
        const possible = l.kind === 'cost' || l.amount <= l.pv;
        return [
          cell(`${l.kind === 'cost' ? 'Cost' : 'Benefit'}: ${l.label}`),
          cell(pounds(l.pv), { align: 'right' }),
          cell(possible ? `${l.kind === 'cost' ? 'Rise' : 'Fall'} of ${pounds(l.amount)}` : 'Cannot switch', { align: 'right' }),
          cell(possible && l.percent !== null ? `${l.kind === 'cost' ? '+' : '−'}${pct(l.percent)}` : 'Not applicable', { align: 'right' }),
        ];
      }),
  ];
  const tie = v.margin < 0.5;
  reading.push(
    tie
      ? `The preferred option and ${name(v.runnerUpId)} have the same net present social value, so the smallest change in either would decide between them; the choice rests on the scores against the objectives and critical success factors.`
      : `The preferred option leads ${name(v.runnerUpId)}, the next best, by ${pounds(v.margin)} of net present social value. ${robustness(v.costRise.percent)}: its costs would have to rise by more than ${v.costRise.percent === null ? pounds(v.margin) : pct(v.costRise.percent)} before ${name(v.runnerUpId)} offered better value.`,
  );
  if (!tie) {
    if (!preferred.monetised) reading.push('None of its benefits is monetised, so this is a comparison of costs; the benefits are weighed in the scoring against the objectives.');
    else if (!v.benefitFall.possible) reading.push('Even if none of its monetised benefits were realised, it would still rank first.');
    else if (v.benefitFall.percent !== null) reading.push(`It would also lose first place if its monetised benefits fell by more than ${pct(v.benefitFall.percent)}.`);
    const fragile = v.lines.filter((l) => l.pv > 0 && l.percent !== null && l.percent < 15 && (l.kind === 'cost' || l.amount <= l.pv));
    if (fragile.length > 0) reading.push(`The estimates to watch are ${listInWords(fragile.map((l) => `“${l.label}” (${l.kind === 'cost' ? 'a rise' : 'a fall'} of ${pct(l.percent!)})`))}.`);
  }
  if (preferred.bcr !== null) reading.push(`Its monetised benefits are worth ${formatMoney(Math.round(preferred.bcr * 100) / 100)} for each £1 of cost (a benefit–cost ratio of ${formatNumber(preferred.bcr, 2)}).`);
  return [
    table(ctx, 'switching-values', {
      caption: `Switching values: the change that would cost the preferred option first place to ${name(v.runnerUpId)}`,
      columns: [
        { header: 'What changes', width: 3.6 },
        { header: 'Present value', width: 1.5, align: 'right' },
        { header: 'Change needed', width: 1.7, align: 'right' },
        { header: 'As a percentage', width: 1.4, align: 'right' },
      ],
      rows,
      rowHeaders: true,
      source: source(ctx),
    }),
    para(reading.join(' ')),
  ];
}

/** {{block financial-profile}}: the preferred option's capital and revenue costs by year against each funding source, the gap, and the affordability paragraph and MTFS effect. */
function financialProfileBlock(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  if (bc === null) return noData(ctx, 'financial case');
  const p = bc.profile;
  const stage = stageOf(ctx);
  const missing = missingParts(bc.data, stage).appraisal.filter((m) => /first financial year|preferred/.test(m));
  if (p === null) return missingBox(ctx, 'Complete the financial case', missing.length > 0 ? missing : ['the short list has no “preferred way forward” option']);
  const line = (label: string, values: readonly number[], total: number) => [cell(label), ...values.map((v) => cell(pounds(v), { align: 'right' })), cell(pounds(total), { align: 'right' })];
  const sum = (xs: readonly number[]) => xs.reduce((x, y) => x + y, 0);
  const rows: TableCell[][] = [
    line('Capital costs', p.capital, p.totals.capital),
    line('Revenue costs', p.revenue, p.totals.revenue),
    line('Total costs', p.costs, p.totals.costs),
    ...p.funding.map((f) => line(`${f.label} (${FUNDING_KIND_WORDS[f.kind]}, ${f.kindOf}${f.confirmed ? '' : ', not yet confirmed'})`, f.amounts, f.total)),
    line('Total funding', p.fundingTotal, p.totals.funding),
    line('Funding gap (shortfall; a minus is a surplus)', p.gap, p.totals.gap),
  ];
  const gapYears = p.gap.map((g, i) => (g > 0.5 ? `${p.yearLabels[i]} (${pounds(g)})` : '')).filter((s) => s !== '');
  const words: string[] = [
    `The preferred option costs ${pounds(p.totals.costs)} over ${bc.period || `${formatNumber(p.yearLabels.length)} years`}: ${pounds(p.totals.capital)} capital and ${pounds(p.totals.revenue)} revenue, in cash terms without optimism bias.`,
  ];
  if (p.funding.length === 0) words.push('No funding sources are recorded, so none of the cost is yet funded.');
  else words.push(`Funding of ${pounds(p.totals.funding)} is identified${p.unconfirmed > 0.5 ? `, of which ${pounds(p.unconfirmed)} is not yet confirmed` : ', all of it confirmed'}.`);
  if (gapYears.length === 0) words.push(p.totals.gap < -0.5 ? `The proposal is affordable: funding exceeds costs in every year, by ${pounds(-p.totals.gap)} in total.` : 'The proposal is affordable: funding meets costs in every year.');
  else {
    const surplus = -sum(p.gap.filter((g) => g < 0));
    const after = p.totals.gap <= 0.5 ? ', although surpluses in other years cover it over the period if the money can be carried forward' : surplus > 0.5 ? `, or ${pounds(p.totals.gap)} over the period after the surplus in other years` : '';
    words.push(`It is not yet affordable: there is a shortfall of ${pounds(sum(p.gap.filter((g) => g > 0)))} in ${listInWords(gapYears)}${after}.`);
  }
  const mtfs = bc.data.financial.mtfsEffect.trim();
  const accounting = bc.data.financial.accountingTreatment.trim();
  const blocks: Block[] = [
    table(ctx, 'financial-profile', {
      caption: 'Financial profile of the preferred option: costs and funding by financial year (cash)',
      columns: [{ header: 'Costs and funding', width: 3.6 }, ...yearColumns(p.yearLabels), { header: 'Total', width: 1.4, align: 'right' }],
      rows,
      rowHeaders: true,
      dense: p.yearLabels.length > 5,
      source: source(ctx),
    }),
    para(words.join(' ')),
  ];
  if (mtfs) blocks.push(para(`Effect on the medium-term financial strategy: ${mtfs}`));
  else if (gapYears.length > 0 || stage === 'OBC' || stage === 'FBC') {
    ctx.warn('empty-data', 'The financial case does not say how the proposal affects the medium-term financial strategy.');
    blocks.push(guidance('Say how it affects the medium-term financial strategy', 'Say how the costs and any gap fit the medium-term financial strategy, and how a gap will be closed.'));
  }
  if (accounting) blocks.push(para(`Accounting treatment: ${accounting}`));
  return [...blocks, ...missingBox(ctx, 'Complete the financial case', missing)];
}

const DELIVERY_LABELS: Record<(typeof DELIVERY_MODELS)[number], string> = {
  'in-house': 'In-house delivery by the library service',
  partner: 'Delivery with a partner under an agreement',
  commissioned: 'Commissioned from a provider',
  framework: 'Call-off from a framework agreement',
  'grant-funded': 'Delivered by a grant-funded organisation',
  other: 'Another delivery model',
};
export const RISK_HOLDER_LABELS: Record<(typeof RISK_HOLDERS)[number], string> = { council: 'The council', shared: 'Shared', 'partner-or-supplier': 'Partner or supplier' };

/** {{block commercial-case}}: the deal, as a short table of terms, the risk allocation table and the staffing and social value paragraphs. */
function commercialCase(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  if (bc === null) return noData(ctx, 'commercial case');
  const c = bc.data.commercial;
  const terms: Array<[string, string]> = [
    ['Delivery model', c.deliveryModel === null ? '' : DELIVERY_LABELS[c.deliveryModel]],
    ['Procurement route', c.procurementRoute],
    ['Contract or agreement', c.agreementType],
    ['Term', c.term],
    ['Payment mechanism', c.paymentMechanism],
    ['Staffing and TUPE', c.staffing],
    ['Social value', c.socialValue],
  ];
  const given = terms.filter(([, v]) => v.trim() !== '');
  if (given.length === 0 && c.riskAllocation.length === 0) return noData(ctx, 'commercial case');
  const out: Block[] = [
    table(ctx, 'commercial-terms', {
      caption: 'The deal: delivery model, route to market and terms',
      columns: [
        { header: 'Element', width: 2.2 },
        { header: 'Proposed arrangement', width: 7 },
      ],
      rows: given.map(([k, v]) => [cell(k), cell(v)]),
      rowHeaders: true,
    }),
  ];
  if (c.riskAllocation.length > 0)
    out.push(
      table(ctx, 'risk-allocation', {
        caption: 'Risk allocation: who bears each commercial risk',
        columns: [
          { header: 'Risk', width: 3.4 },
          { header: 'Held by', width: 1.8 },
          { header: 'How', width: 4 },
        ],
        rows: c.riskAllocation.map((r) => [cell(r.risk), cell(RISK_HOLDER_LABELS[r.holder]), cell(r.note)]),
        rowHeaders: true,
        source: source(ctx),
      }),
    );
  const unstated = terms.filter(([, v]) => v.trim() === '').map(([k]) => k.toLowerCase());
  if (stageOf(ctx) === 'FBC' && unstated.length > 0) out.push(...missingBox(ctx, 'Complete the commercial case', [`the ${listInWords(unstated)} ${unstated.length === 1 ? 'is' : 'are'} not stated`]));
  return out;
}

/** {{block case-governance}}: board, sponsor and lead officer, and how delivery is overseen. */
function governance(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  if (bc === null) return noData(ctx, 'management case');
  const m = bc.data.management;
  const rows = [
    ['Programme or project board', m.board],
    ['Senior responsible owner (sponsor)', m.sponsor],
    ['Lead officer', m.leadOfficer],
  ].filter(([, v]) => v!.trim() !== '');
  const out: Block[] = [];
  if (rows.length > 0)
    out.push(
      table(ctx, 'case-governance', {
        caption: 'Governance of delivery',
        columns: [
          { header: 'Role', width: 3 },
          { header: 'Who', width: 6 },
        ],
        rows: rows.map(([k, v]) => [cell(k!), cell(v!)]),
        rowHeaders: true,
      }),
    );
  if (m.arrangements.trim()) out.push(para(m.arrangements.trim()));
  if (out.length === 0) {
    ctx.warn('empty-data', 'The governance of delivery is not recorded: name the board, the sponsor and the lead officer.');
    return [guidance('Name who governs delivery', 'Name the board, the senior responsible owner and the lead officer, and say how issues are escalated.')];
  }
  return out;
}

const dateText = (d: string | null) => (d === null ? 'Date to be set' : formatDate(d));
const byDate = (a: Milestone, b: Milestone) => (a.date ?? '9999').localeCompare(b.date ?? '9999');

/** {{block milestone-plan}}: milestones in date order. */
function milestonePlan(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  if (bc === null) return noData(ctx, 'milestone plan');
  const ms = [...bc.data.management.milestones].sort(byDate);
  if (ms.length === 0) {
    ctx.warn('empty-data', 'The milestone plan is empty.');
    return [guidance('Add the milestones', 'Add the main milestones with their dates and owners: the decision, mobilisation, start of delivery, reviews.')];
  }
  return [
    table(ctx, 'milestone-plan', {
      caption: 'Milestone plan',
      columns: [
        { header: 'Milestone', width: 4.4 },
        { header: 'Date', width: 2 },
        { header: 'Owner', width: 3 },
      ],
      rows: ms.map((m) => [cell(m.label), cell(dateText(m.date)), cell(m.owner)]),
      rowHeaders: true,
      source: source(ctx),
    }),
  ];
}

/** {{block benefits-plan}}: each benefit with its measure, baseline, target, owner and date; baseline and target from the map's KPI where linked. */
function benefitsPlan(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  const missing = missingParts(bc?.data ?? null, stageOf(ctx)).benefits;
  if (bc === null || bc.benefits.length === 0) return missingBox(ctx, 'Add the benefits realisation plan', missing.length > 0 ? missing : ['the benefits realisation plan has no benefits']);
  const linked = bc.benefits.filter((b) => b.kpi !== null).length;
  return [
    table(ctx, 'benefits-plan', {
      caption: 'Benefits realisation plan',
      columns: [
        { header: 'Benefit', width: 2.6 },
        { header: 'Measure', width: 2.4 },
        { header: 'Baseline', width: 1.8 },
        { header: 'Target', width: 1.8 },
        { header: 'Owner', width: 1.8 },
        { header: 'By', width: 1.4 },
      ],
      rows: bc.benefits.map((b) => [cell(b.planned.benefit), cell(b.measure), cell(b.baseline), cell(b.target), cell(b.planned.owner), cell(b.planned.date === null ? 'Date to be set' : formatDate(b.planned.date, 'month'))]),
      rowHeaders: true,
      dense: true,
      source: linked > 0 ? `${source(ctx)}; baselines and targets of benefits measured by a council KPI are the KPI’s, from the alignment map` : source(ctx),
    }),
    ...missingBox(ctx, 'Complete the benefits realisation plan', missing),
  ];
}

const ratingCell = (r: { score: number; band: RiskBand } | null): TableCell =>
  r === null ? cell('Not assessed') : { content: t(`${r.score} ${RISK_BAND_LABELS[r.band]}`), shade: RISK_BAND_SHADES[r.band], align: 'right' };

/** {{block case-risk-register}}: the register, highest inherent rating first, with owners, ratings and residual ratings. */
function caseRiskRegister(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  const missing = missingParts(bc?.data ?? null, stageOf(ctx)).risks;
  if (bc === null || bc.risks.length === 0) return missingBox(ctx, 'Add the risk register', missing.length > 0 ? missing : ['the risk register has no risks']);
  const risks = [...bc.risks].sort((a, b) => b.rating.inherent.score - a.rating.inherent.score);
  return [
    table(ctx, 'case-risk-register', {
      caption: 'Risk register: likelihood and impact scored 1 to 5, rating = likelihood × impact (1–4 low, 5–9 medium, 10–15 high, 16–25 very high)',
      columns: [
        { header: 'Risk', width: 2 },
        { header: 'Cause and effect', width: 2.6 },
        { header: 'Likelihood × impact', width: 1.1, align: 'right' },
        { header: 'Rating', width: 1.2, align: 'right' },
        { header: 'Mitigation', width: 2.6 },
        { header: 'Residual rating', width: 1.2, align: 'right' },
        { header: 'Owner', width: 2 },
      ],
      rows: risks.map(({ entry: r, rating }) => [
        cell(r.risk),
        cell([r.cause && `Cause: ${asSentence(r.cause)}`, r.effect && `Effect: ${asSentence(r.effect)}`].filter(Boolean).join(' ')),
        cell(`${r.likelihood} × ${r.impact}`, { align: 'right' }),
        ratingCell(rating.inherent),
        cell(r.mitigation),
        ratingCell(rating.residual),
        cell(r.owner || 'No owner'),
      ]),
      rowHeaders: true,
      dense: true,
      source: source(ctx),
    }),
    ...missingBox(ctx, 'Complete the risk register', missing),
  ];
}

/** {{block assurance-plan}}: assurance and gateway reviews in date order, then the post-implementation review. */
function assurancePlan(ctx: BlockContext, bc: BusinessCaseFacts | null): Block[] {
  if (bc === null) return noData(ctx, 'assurance plan');
  const m = bc.data.management;
  const out: Block[] = [];
  if (m.assurance.length > 0)
    out.push(
      table(ctx, 'assurance-plan', {
        caption: 'Assurance and gateway reviews',
        columns: [
          { header: 'Review', width: 4.4 },
          { header: 'Date', width: 2 },
          { header: 'By', width: 3 },
        ],
        rows: [...m.assurance].sort(byDate).map((a) => [cell(a.label), cell(dateText(a.date)), cell(a.owner)]),
        rowHeaders: true,
      }),
    );
  if (m.postImplementationReview.trim()) out.push(para(`Post-implementation review: ${m.postImplementationReview.trim()}`));
  if (out.length === 0) {
    ctx.warn('empty-data', 'No assurance reviews or post-implementation review are planned.');
    return [guidance('Plan assurance and review', 'List the assurance and gateway reviews with their dates, and say when and by whom the post-implementation review will be done.')];
  }
  return out;
}

export function renderBusinessCaseBlock(ctx: BlockContext, name: BusinessCaseBlockName): Block[] {
  const bc = ctx.facts.businessCase;
  switch (name) {
    case 'appraisal-options':
      return appraisalOptions(ctx, bc);
    case 'appraisal-table':
      return appraisalTable(ctx, bc);
    case 'appraisal-scores':
      return appraisalScores(ctx, bc);
    case 'switching-values':
      return switchingValues(ctx, bc);
    case 'financial-profile':
      return financialProfileBlock(ctx, bc);
    case 'commercial-case':
      return commercialCase(ctx, bc);
    case 'case-governance':
      return governance(ctx, bc);
    case 'milestone-plan':
      return milestonePlan(ctx, bc);
    case 'benefits-plan':
      return benefitsPlan(ctx, bc);
    case 'case-risk-register':
      return caseRiskRegister(ctx, bc);
    case 'assurance-plan':
      return assurancePlan(ctx, bc);
  }
}
