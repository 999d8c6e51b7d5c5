/**
 * The committee report bound from the sample's report to Cabinet: every section in order, the recommendations in
 * decision wording, the alternatives and money exactly as the business case it is based on prints them (the same
 * facts, the same rounding), and a final refused, in plain words, while the business case, the recommendations
 * or an implication is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appraise, financialProfile } from '../analysis/appraisal';
import type { BusinessCaseData } from '../model/business-case-schema';
import type { Draft, Workbook } from '../model/workbook-schema';
import { loadSampleWorkbook } from '../samples/sample-workbook';
import { bindDocument, questionsToAsk, type BindOutput } from './bind';
import { bindOptionsForDraft } from './decision-basis';
import { allBlocks, inlineText, type DocModel, type TableBlock } from './model';
import { readinessChecklist } from './readiness';
import { loadTemplate, type Template } from './template/load-template';
import { pounds } from './template/block-parts';

const REPORT_ID = 'drf_nsc_digital_champions_cabinet';
const CASE_ID = 'drf_nsc_digital_champions';
const AT = new Date('2026-11-28T10:00:00Z');

function builtIn(id: string): Template {
  const dir = join(import.meta.dirname, '..', '..', 'templates', id);
  const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const t = loadTemplate({ folder: id, manifestText: readFileSync(join(dir, 'template.json'), 'utf8'), files });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

function sample(): Workbook {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const draftOf = (wb: Workbook, id: string): Draft => wb.drafts.find((d) => d.id === id)!;
const answersOf = (d: Draft) => Object.fromEntries(d.answers.map((a) => [a.questionId, a.value]));

function bind(wb: Workbook, id: string, mode: 'draft' | 'final' = 'final', change: (d: Draft) => Draft = (d) => d) {
  const d = change(draftOf(wb, id));
  const w = { ...wb, drafts: wb.drafts.map((x) => (x.id === id ? d : x)) };
  return bindDocument(builtIn(d.templateId), w, answersOf(d), bindOptionsForDraft(w, d, AT, mode));
}

function bound(r: ReturnType<typeof bind>): BindOutput {
  if (!r.ok) throw new Error(`${r.error.message} ${JSON.stringify(r.error.issues)}`);
  return r.value;
}

const headings = (doc: DocModel) => allBlocks(doc).flatMap((b) => (b.kind === 'heading' ? [inlineText(b.content)] : []));
const tableById = (doc: DocModel, prefix: string) => allBlocks(doc).find((b): b is TableBlock => b.kind === 'table' && b.id.startsWith(prefix))!;
const rowText = (t: TableBlock) => t.rows.map((r) => r.map((c) => inlineText(c.content)));


describe('the sample’s committee report', () => {
  const wb = sample();
  const report = bound(bind(wb, REPORT_ID)).document;

  it('is based on the Digital Champions business case, which carries the appraisal', () => {
    expect(draftOf(wb, REPORT_ID).basedOnDraftId).toBe(CASE_ID);
    expect(draftOf(wb, CASE_ID).businessCase).not.toBeNull();
  });

  it('has every section of a council decision report, in order', () => {
    expect(headings(report)).toEqual([
      '1 Summary',
      '2 Recommendations',
      '3 Reasons for the recommendations',
      '3.1 Timetable for implementation',
      '4 Alternative options considered and rejected',
      '5 Background',
      '6 Consultation and engagement',
      '7 Implications',
      '7.1 Financial',
      '7.2 Legal',
      '7.3 Equality',
      '7.4 Human resources',
      '7.5 Property and assets',
      '7.6 Climate and environment',
      '7.7 Risk',
      '7.8 Data protection',
      '8 Appendices',
      '9 Background papers',
      'Appendix A: Equality impact assessment',
    ]);
    // The header block comes first, before the summary.
    const first = allBlocks(report).find((b) => b.kind === 'table' || b.kind === 'heading')!;
    expect(first.kind === 'table' && first.caption).toBe('Report details');
    expect(rowText(tableById(report, 'report-details')).map((r) => r[0])).toEqual([
      'Meeting',
      'Date of meeting',
      'Report of',
      'Cabinet member or portfolio',
      'Lead officer',
      'Report contact',
      'Wards affected',
      'Key decision',
      'Publication',
    ]);
    expect(rowText(tableById(report, 'report-details')).slice(7)).toEqual([
      ['Key decision', 'Yes. Forward plan reference FP/2026/014'],
      ['Publication', 'For general release'],
    ]);
  });

  it('numbers the recommendations in decision wording', () => {
    const blocks = allBlocks(report);
    const at = blocks.findIndex((b) => b.kind === 'paragraph' && inlineText(b.content) === 'Cabinet is recommended to:');
    expect(at).toBeGreaterThan(-1);
    const list = blocks[at + 1]!;
    expect(list.kind === 'list' && list.ordered).toBe(true);
    const items = list.kind === 'list' ? list.items.map((i) => inlineText(i.content)) : [];
    expect(items).toHaveLength(3);
    expect(items.map((s) => s.split(' ')[0])).toEqual(['approve', 'delegate', 'note']);
    expect(items.slice(0, 2).every((s) => s.endsWith(';'))).toBe(true);
    expect(items[2]!.endsWith('.')).toBe(true);
  });

  it('gives the alternatives rejected, with their reasons and figures, as the business case appraised them', () => {
    const bc = draftOf(wb, CASE_ID).businessCase!;
    const result = appraise(bc.appraisal);
    const rejected = result.shortList.filter((o) => o.optionId !== result.preferredId);
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    const text = allBlocks(report)
      .filter((b) => b.kind === 'list')
      .flatMap((b) => (b.kind === 'list' ? b.items.map((i) => inlineText(i.content)) : []));
    for (const o of rejected) {
      const reason = bc.appraisal.options.find((x) => x.id === o.optionId)!.reason;
      expect(text.some((s) => s.startsWith(`${o.name} (`) && s.includes(`Why it was not chosen: ${reason}`))).toBe(true);
    }
    const preferred = result.shortList.find((o) => o.optionId === result.preferredId)!;
    expect(rowText(tableById(report, 'alternative-options'))).toEqual(
      [preferred, ...rejected].map((o) => [
        `${o.name}${o === preferred ? ' (recommended)' : ''}`,
        pounds(o.costs.total.reduce((a, b) => a + b, 0)),
        pounds(o.pvCostsAdjusted),
        o.monetised ? pounds(o.pvBenefits) : 'Not monetised',
        pounds(o.npsv),
        String(o.rank),
      ]),
    );
  });

  it('prints the same costs, funding and NPSVs as the business case itself', () => {
    const caseDoc = bound(bind(wb, CASE_ID)).document;
    // NPSV: the business case's appraisal table and the report's alternatives table, option by option.
    const caseNpsv = new Map(rowText(tableById(caseDoc, 'appraisal-table')).map((r) => [r[0]!.replace(/ \(.*\)$/, ''), r[5]]));
    for (const r of rowText(tableById(report, 'alternative-options'))) expect(r[4], r[0]).toBe(caseNpsv.get(r[0]!.replace(/ \(recommended\)$/, '')));
    // Costs and funding by year: the business case's financial profile and the report's financial implications.
    const caseMoney = rowText(tableById(caseDoc, 'financial-profile'));
    const reportMoney = rowText(tableById(report, 'financial-implications'));
    expect(reportMoney.map((r) => r.slice(1))).toEqual(caseMoney.map((r) => r.slice(1)));
    const p = financialProfile(draftOf(wb, CASE_ID).businessCase!)!;
    expect(reportMoney[0]).toEqual(['Capital', ...p.capital.map(pounds), pounds(p.totals.capital)]);
    expect(reportMoney[1]).toEqual(['Revenue', ...p.revenue.map(pounds), pounds(p.totals.revenue)]);
    expect(reportMoney.at(-1)).toEqual(['Gap (a minus is a surplus)', ...p.gap.map(pounds), pounds(p.totals.gap)]);
  });

  it('lists the top risks from the register, highest rating first, each with its owner', () => {
    const risks = draftOf(wb, CASE_ID).businessCase!.management.risks;
    const rows = rowText(tableById(report, 'top-risks'));
    expect(rows.length).toBe(Math.min(5, risks.length));
    const scores = rows.map((r) => Number(/\((\d+)\)/.exec(r[1]!)![1]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const r of rows) expect(r[4]).toBe(risks.find((x) => x.risk === r[0])!.owner);
  });

  it('carries the full equality impact assessment as an appendix, with a summary in the equality implications', () => {
    const eqia = rowText(tableById(report, 'eqia'));
    expect(eqia.map((r) => r[0])).toEqual([
      'Age',
      'Disability',
      'Gender reassignment',
      'Marriage and civil partnership',
      'Pregnancy and maternity',
      'Race',
      'Religion or belief',
      'Sex',
      'Sexual orientation',
    ]);
    const summary = allBlocks(report).find((b) => b.kind === 'paragraph' && inlineText(b.content).startsWith('The equality impact assessment at Appendix A'));
    expect(summary && inlineText(summary.kind === 'paragraph' ? summary.content : [])).toContain('a positive effect on people by age, disability and race');
  });
});

describe('a final committee report is refused', () => {
  const wb = sample();
  const refusal = (change: (d: Draft) => Draft) => {
    const r = bind(wb, REPORT_ID, 'final', change);
    expect(r.ok).toBe(false);
    return r.ok ? [] : (r.error.issues ?? []).map((i) => `${i.path}: ${i.message}`);
  };
  const caseChanged = (change: (bc: BusinessCaseData) => BusinessCaseData) => {
    const w = structuredClone(wb);
    const d = draftOf(w, CASE_ID);
    d.businessCase = change(d.businessCase!);
    const r = bindDocument(builtIn('committee-report'), w, answersOf(draftOf(w, REPORT_ID)), bindOptionsForDraft(w, draftOf(w, REPORT_ID), AT, 'final'));
    expect(r.ok).toBe(false);
    return r.ok ? [] : (r.error.issues ?? []).map((i) => `${i.path}: ${i.message}`);
  };

  it('while it is based on no business case', () => {
    expect(refusal((d) => ({ ...d, basedOnDraftId: null }))).toEqual(['Business case: No business case is chosen: choose the business case this report asks a decision on.']);
  });

  it('while the business case has no preferred option, or no alternative rejected with a reason', () => {
    expect(
      caseChanged((bc) => ({ ...bc, appraisal: { ...bc.appraisal, options: bc.appraisal.options.map((o) => (o.role === 'preferred' ? { ...o, role: 'alternative' as const } : o)) } })),
    ).toContain(
      'Business case: The business case “Digital Champions 2026 to 2028: business case” has no preferred option: mark the option the report recommends as the preferred way forward.',
    );
    expect(caseChanged((bc) => ({ ...bc, appraisal: { ...bc.appraisal, options: bc.appraisal.options.filter((o) => o.role === 'preferred') } }))).toContain(
      'Business case: The business case “Digital Champions 2026 to 2028: business case” has no alternative option: a decision must record at least one option considered and rejected.',
    );
    expect(
      caseChanged((bc) => ({ ...bc, appraisal: { ...bc.appraisal, options: bc.appraisal.options.map((o) => (o.role === 'do-minimum' ? { ...o, reason: '' } : o)) } })),
    ).toEqual([
      'Business case: The option “Volunteer-only sessions in four libraries” in the business case “Digital Champions 2026 to 2028: business case” gives no reason it was not preferred.',
      'Section “4 Alternative options considered and rejected”: Give the reason this option was rejected in the business case',
    ]);
  });

  it('while it has no recommendations, or a required implication is not answered', () => {
    const without = (ids: string[]) => (d: Draft) => ({ ...d, answers: d.answers.filter((a) => !ids.includes(a.questionId)) });
    expect(refusal(without(['recommendations']))).toEqual(['Question “Recommendations”: Required and not answered.']);
    expect(refusal(without(['hr', 'data_protection', 'eqia']))).toEqual([
      'Question “Equality impact assessment”: Required and not answered.',
      'Question “Human resources implications”: Required and not answered.',
      'Question “Data protection implications”: Required and not answered.',
    ]);
  });

  it('while the equality impact assessment leaves out a protected characteristic', () => {
    const issues = refusal((d) => ({
      ...d,
      answers: d.answers.map((a) => (a.questionId === 'eqia' ? { ...a, value: JSON.stringify(JSON.parse(a.value).filter((r: { characteristic: string }) => r.characteristic !== 'Religion or belief')) } : a)),
    }));
    expect(issues).toEqual([
      'Section “Appendix A: Equality impact assessment”: Assess every protected characteristic: Add a row for religion or belief: the public sector equality duty covers all nine protected characteristics.',
    ]);
  });

  it('and the readiness checklist says the same before export', () => {
    const t = builtIn('committee-report');
    const template = t.manifest;
    const report = draftOf(wb, REPORT_ID);
    const askedQuestionIds = new Set(questionsToAsk(t, answersOf(report)).map((q) => q.id));
    expect(readinessChecklist({ workbook: wb, template, draft: report, askedQuestionIds }).filter((i) => i.blocksFinal)).toEqual([]);
    const items = readinessChecklist({ workbook: wb, template, draft: { ...report, basedOnDraftId: null }, askedQuestionIds }).filter((i) => i.blocksFinal);
    expect(items).toEqual([
      {
        kind: 'missing-business-case',
        blocksFinal: true,
        target: { kind: 'based-on-field' },
        message: 'No business case is chosen: choose the business case this report asks a decision on.',
      },
    ]);
  });
});
