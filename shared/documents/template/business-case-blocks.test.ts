/**
 * The business case blocks on the bound document: the sample's Digital Champions case, bound as the app binds it,
 * prints the figures the appraisal works out (one set of facts: the tables, the reading and the summary agree),
 * rounds them as stated, takes a linked benefit's baseline and target from the KPI, and changes with the stage; a
 * final is refused, naming each missing part, while an Outline Business Case lacks a part the Green Book expects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appraise, financialProfile } from '../../analysis/appraisal';
import type { BusinessCaseData } from '../../model/business-case-schema';
import { loadSampleWorkbook } from '../../samples/sample-workbook';
import { bindDocument, type BindOutput } from '../bind';
import { allBlocks, inlineText, type DocModel, type TableBlock } from '../model';
import { documentPlainText } from '../plain-text';
import { formatMoney } from '../../text/numbers';
import { loadTemplate } from './load-template';

const DIR = join(import.meta.dirname, '../../../templates/five-case-business-case');
const template = (() => {
  const files = Object.fromEntries(readdirSync(DIR).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(DIR, f), 'utf8')]));
  const t = loadTemplate({ folder: 'five-case-business-case', manifestText: readFileSync(join(DIR, 'template.json'), 'utf8'), files });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
})();
const sample = (() => {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();
const draft = sample.drafts.find((d) => d.id === 'drf_nsc_digital_champions')!;
const data = draft.businessCase!;

function bind(opts: { businessCase?: BusinessCaseData | null; stage?: string; mode?: 'draft' | 'final' } = {}) {
  const answers = Object.fromEntries(draft.answers.map((a) => [a.questionId, a.value]));
  if (opts.stage) answers.stage = opts.stage;
  return bindDocument(template, sample, answers, {
    protectiveMarking: 'OFFICIAL',
    generatedAt: new Date('2026-11-28T10:00:00Z'),
    scope: draft.scope,
    businessCase: opts.businessCase === undefined ? data : opts.businessCase,
    mode: opts.mode ?? 'draft',
  });
}
function bound(opts: Parameters<typeof bind>[0] = {}): BindOutput {
  const r = bind(opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const table = (doc: DocModel, id: string) => allBlocks(doc).find((b): b is TableBlock => b.kind === 'table' && b.id === id);
const rowOf = (t: TableBlock, first: string) => t.rows.find((r) => inlineText(r[0]!.content).startsWith(first))!.map((c) => inlineText(c.content));
const pounds = (n: number) => formatMoney(Math.round(n));

describe('business case blocks on the bound sample', () => {
  const out = bound({ mode: 'final' });
  const doc = out.document;
  const result = appraise(data.appraisal);
  const byName = (name: string) => result.options.find((o) => o.name === name)!;

  it('prints the appraisal the maths works out, ranked, with the rate and price base stated', () => {
    const t = table(doc, 'appraisal-table')!;
    const pref = byName('Continue in all eight libraries');
    expect(rowOf(t, 'Continue in all eight libraries')).toEqual([
      'Continue in all eight libraries (preferred way forward)',
      pounds(pref.pvCosts),
      `10%: ${pounds(pref.optimismBias)}`,
      pounds(pref.pvCostsAdjusted),
      pounds(pref.pvBenefits),
      pounds(pref.npsv),
      pounds(pref.npsvVsBau!),
      '1.95',
      '1st',
    ]);
    // Each figure is rounded once from the exact value, as the note says: PV benefits 408,961.76 prints £408,962 and
    // PV costs with optimism bias 209,717.34 prints £209,717, but NPSV 199,244.42 prints £199,244, not their
    // difference £199,245.
    expect(rowOf(t, 'Continue')[4]).toBe('£408,962');
    expect(rowOf(t, 'Continue')[3]).toBe('£209,717');
    expect(rowOf(t, 'Continue')[5]).toBe('£199,244');
    expect(documentPlainText(doc)).toContain('Figures are rounded to the nearest pound, so columns may not add exactly.');
    expect(t.rows.map((r) => inlineText(r[8]!.content))).toEqual(['1st', '2nd', '3rd', '4th']);
    expect(rowOf(t, 'Stop when the grant ends')[4]).toBe('None');
    const text = documentPlainText(doc);
    expect(text).toContain('Present values are discounted at 3.5% a year, the Green Book\'s social time preference rate for years 0 to 30, with 2026/27 as year 0');
    expect(text).toContain('All amounts are in 2026/27 prices.');
  });

  it('prints costs by year split into capital and revenue, with the discount factors to four places', () => {
    const t = table(doc, 'appraisal-costs')!;
    expect(t.columns.map((c) => c.header)).toEqual(['Option and line', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31', 'Total']);
    expect(rowOf(t, 'Continue in all eight libraries: capital')).toEqual(['Continue in all eight libraries: capital', '£10,000', '£0', '£0', '£6,000', '£0', '£16,000']);
    expect(rowOf(t, 'Continue in all eight libraries: revenue').at(-1)).toBe('£187,500');
    expect(rowOf(t, 'Discount factor').slice(1, 6)).toEqual(['1.0000', '0.9662', '0.9335', '0.9019', '0.8714']);
  });

  it('gives switching values and a reading worded from them', () => {
    const t = table(doc, 'switching-values')!;
    if (result.switching.kind !== 'values') throw new Error('expected switching values');
    const v = result.switching.values;
    expect(rowOf(t, 'All costs')).toEqual(['All costs (present value, with optimism bias)', pounds(byName('Continue in all eight libraries').pvCostsAdjusted), `Rise of ${pounds(v.margin)}`, '+56.9%']);
    expect(rowOf(t, 'All monetised benefits')[3]).toBe('−29.2%');
    const text = documentPlainText(doc);
    expect(text).toContain(`The preferred option leads Commission a voluntary sector provider, the next best, by ${pounds(v.margin)} of net present social value. The ranking is robust: its costs would have to rise by more than 56.9%`);
  });

  it('prints the financial profile against funding with the gap each year and the MTFS effect', () => {
    const p = financialProfile(data)!;
    const t = table(doc, 'financial-profile')!;
    expect(rowOf(t, 'Total costs').slice(1)).toEqual([...p.costs, p.totals.costs].map(pounds));
    expect(rowOf(t, 'Funding gap')).toEqual(['Funding gap (shortfall; a minus is a surplus)', '£0', '£0', '£17,500', '£23,500', '£17,500', '£58,500']);
    expect(rowOf(t, 'Northshire Public Health')[0]).toBe('Northshire Public Health (partner contribution, revenue, not yet confirmed)');
    const text = documentPlainText(doc);
    expect(text).toContain('Funding of £145,000 is identified, of which £40,000 is not yet confirmed. It is not yet affordable: there is a shortfall of £58,500 in 2028/29 (£17,500), 2029/30 (£23,500) and 2030/31 (£17,500).');
    expect(text).toContain('Effect on the medium-term financial strategy: The first two years are funded');
  });

  it('takes a linked benefit’s baseline and target from the KPI, and rates and orders the risk register', () => {
    const b = table(doc, 'benefits-plan')!;
    expect(rowOf(b, 'More adults using the internet')).toEqual([
      'More adults using the internet',
      'Adults who have used the internet in the last three months',
      '91% of adults (16+) (2024)',
      '95% of adults (16+) (2029)',
      'Libraries Strategy and Development Manager',
      'December 2028',
    ]);
    const r = table(doc, 'case-risk-register')!;
    expect(r.rows.map((row) => inlineText(row[3]!.content))).toEqual(['12 High', '12 High', '8 Medium', '6 Medium']);
    expect(rowOf(r, 'Volunteer numbers fall').slice(5)).toEqual(['3 Low', 'Digital Champions coordinator']);
    expect(r.rows.every((row) => row[3]!.shade !== undefined)).toBe(true);
  });

  it('prints the commercial case and the management case from the data', () => {
    expect(rowOf(table(doc, 'commercial-terms')!, 'Delivery model')[1]).toBe('In-house delivery by the library service');
    expect(rowOf(table(doc, 'risk-allocation')!, 'Public health contribution changes')[1]).toBe('Shared');
    expect(table(doc, 'milestone-plan')!.rows.map((r) => inlineText(r[1]!.content))[0]).toBe('12 February 2026');
    expect(documentPlainText(doc)).toContain('Post-implementation review: The Libraries Strategy and Development Manager will review');
  });

  it('makes a final with nothing missing and no guidance left', () => {
    expect(out.blockers).toEqual([]);
    expect(allBlocks(doc).some((b) => b.kind === 'callout' && b.tone === 'guidance')).toBe(false);
  });

  it('shows a Strategic Outline Case the long and short list without the money detail', () => {
    const soc = bound({ stage: 'SOC', mode: 'final' }).document;
    expect(table(soc, 'appraisal-options')).toBeDefined();
    expect(table(soc, 'appraisal-scores')).toBeDefined();
    expect(table(soc, 'appraisal-table')).toBeUndefined();
    expect(table(soc, 'switching-values')).toBeUndefined();
    expect(table(soc, 'financial-profile')).toBeUndefined();
    // Even without costs, a Strategic Outline Case can be final once its short list is complete.
    const noCosts = structuredClone(data);
    for (const o of noCosts.appraisal.options) o.costs = [];
    expect(bind({ stage: 'SOC', mode: 'final', businessCase: noCosts }).ok).toBe(true);
  });
});

describe('a final Outline Business Case is refused while a required part is missing', () => {
  it('names each missing part in plain words, in the section that needs it', () => {
    const partial = structuredClone(data);
    partial.appraisal.firstYear = null;
    partial.appraisal.options = partial.appraisal.options.filter((o) => o.role !== 'alternative');
    partial.appraisal.options.find((o) => o.role === 'do-minimum')!.costs = [];
    partial.management.benefits = [];
    partial.management.risks[1]!.owner = ' ';
    partial.management.risks[2]!.owner = '';
    const r = bind({ businessCase: partial, mode: 'final' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues).toEqual([
      { path: 'Section “4.2 Options considered”', message: 'Complete the short list: The short list has no “alternative” option. Complete this in the Documents step’s business case forms.' },
      {
        path: 'Section “4.4 Costs, benefits and value for money”',
        message:
          'Complete the options appraisal: The short list has no “alternative” option, the first financial year of the appraisal is not set and the option “Volunteer-only sessions in four libraries” has no costs. Complete this in the Documents step’s business case forms.',
      },
      {
        path: 'Section “6.1 Cost and funding of the preferred option”',
        message: 'Complete the financial case: The first financial year of the appraisal is not set. Complete this in the Documents step’s business case forms.',
      },
      {
        path: 'Section “7.3 Risk register”',
        message: 'Complete the risk register: 2 risks have no owner (“Funding from 2028/29 not secured”, “Volunteer numbers fall”). Complete this in the Documents step’s business case forms.',
      },
      { path: 'Section “7.4 Benefits realisation plan”', message: 'Add the benefits realisation plan: The benefits realisation plan has no benefits. Complete this in the Documents step’s business case forms.' },
    ]);
    // A draft of the same shows the same boxes and lists the same blockers, so the officer sees them before asking for a final.
    expect(bound({ businessCase: partial }).blockers.map((b) => b.where)).toEqual(r.error.issues!.map((i) => i.path));
  });
});
