/**
 * One set of facts, checked on the bound document (not only on the facts object): over generated workbooks and
 * the sample, every figure the narrative prints equals the same figure in the key figures, the contribution table,
 * the chart and the matrix; the matrix agrees cell by cell with the workbook's links after the roll-up, worked out
 * here independently of the engine; objectives come in tree order however they were added; counts of people are
 * never summed across services; the wording of each contribution follows its strength.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyWorkbook, link, objective, service } from '../../../tests/fixtures/hand-built-workbook';
import { inTreeOrder, objectiveCodes } from '../../analysis/hierarchy';
import type { Strength } from '../../model/vocabulary';
import type { DraftScope, Objective, Workbook } from '../../model/workbook-schema';
import { loadSampleWorkbook } from '../../samples/sample-workbook';
import { bindDocument } from '../bind';
import { allBlocks, inlineText, type Block, type DocModel, type TableBlock } from '../model';
import { documentPlainText } from '../plain-text';
import { formatDate } from '../../text/dates';
import { loadTemplate, type Template } from '../template/load-template';

const GENERATED_AT = new Date('2031-06-15T10:00:00Z');

const CHECK_SECTION = [
  'Narrative: {{#if totals.assessable}}covered {{totals.covered}} of {{totals.assessable}}{{else}}no objectives{{/if}}; strong {{totals.strong}}; services {{totals.services}}; libraries {{totals.libraries}}.',
  '',
  '{{summary}}',
  '',
  '{{block key-figures}}',
  '',
  '{{block coverage-by-objective}}',
  '',
  '{{block coverage-chart}}',
  '',
  '{{block contributions heading="3"}}',
  '',
  '{{block service-reach}}',
  '',
  '{{block wider-service}}',
  '',
  '{{block alignment-matrix}}',
  '',
  'As at {{asAt | date}}.',
].join('\n');

function checkTemplate(scope: 'proposal' | 'whole-service'): Template {
  const t = loadTemplate({
    folder: 'consistency',
    manifestText: JSON.stringify({ id: 'consistency', name: 'Consistency', kind: 'other', version: '1.0.0', scope, document: { title: 'Check' }, questions: [], sections: [{ file: 'a.md' }] }),
    files: { 'a.md': CHECK_SECTION },
  });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

/** The roll-up worked out from the raw links, independently of the engine: service|objective → strength. */
function expectedMatrix(wb: Workbook, serviceIds: readonly string[], objectiveIds: readonly string[]): Map<string, Strength> {
  const byId = new Map(wb.objectives.map((o) => [o.id, o]));
  const reportedOf = (id: string): string | null => {
    let top: Objective | null = null;
    for (let o = byId.get(id); o; o = o.parentId ? byId.get(o.parentId) : undefined) if (o.level !== 'theme') top = o;
    // A theme with nothing beneath it stands for itself.
    return top?.id ?? (wb.objectives.some((o) => o.parentId === id) ? null : id);
  };
  const inScope = new Set(serviceIds);
  const wanted = new Set(objectiveIds);
  const out = new Map<string, Strength>();
  for (const a of wb.alignments) {
    const target = reportedOf(a.objectiveId);
    if (a.strength === 0 || !target || !inScope.has(a.serviceId) || !wanted.has(target)) continue;
    const key = `${a.serviceId}|${target}`;
    out.set(key, Math.max(out.get(key) ?? 0, a.strength) as Strength);
  }
  return out;
}

const WORD: Record<string, Strength> = { None: 0, Weak: 1, Medium: 2, Strong: 3 };
const num = (s: string) => Number(s.replace(/,/g, ''));
const tables = (doc: DocModel, prefix: string) => allBlocks(doc).filter((b): b is TableBlock => b.kind === 'table' && b.id.startsWith(prefix));
const cellText = (t: TableBlock, r: number, c: number) => inlineText(t.rows[r]![c]!.content);

interface Checked {
  readonly doc: DocModel;
  readonly serviceIds: readonly string[];
  readonly objectiveIds: readonly string[];
}

/** Binds and checks every agreement the issue asks for; returns what it found for further checks. */
function bindAndCheck(wb: Workbook, template: Template, scope: DraftScope | undefined, partnerId: string | null = null): Checked {
  const bound = bindDocument(template, wb, {}, { protectiveMarking: 'NONE', generatedAt: GENERATED_AT, scope, partnerId });
  if (!bound.ok) throw new Error(bound.error.message);
  const doc = bound.value.document;
  const text = documentPlainText(doc);
  const whole = template.manifest.scope === 'whole-service' || !scope || scope.wholeService;
  const serviceIds = wb.services.filter((s) => whole || scope.serviceIds.includes(s.id)).map((s) => s.id);
  const names = new Map(wb.services.map((s) => [s.name, s.id]));
  const codes = objectiveCodes(wb.objectives);
  const codeToId = new Map([...codes].map(([id, code]) => [code, id]));

  // The contribution table: its rows are the objectives in scope, in tree order.
  const coverage = tables(doc, 'coverage-by-objective')[0];
  const objectiveIds = coverage ? coverage.rows.map((_, r) => codeToId.get(cellText(coverage, r, 0).split(' ')[0]!)!) : [];
  const order = new Map(inTreeOrder(wb.objectives).map(({ objective: o }, i) => [o.id, i]));
  expect(objectiveIds.map((id) => order.get(id))).toEqual([...objectiveIds.map((id) => order.get(id))].sort((a, b) => a! - b!));
  const expected = expectedMatrix(wb, serviceIds, objectiveIds);

  // The matrix, cell by cell, against the links after the roll-up; every contribution appears in it.
  const seen = new Set<string>();
  for (const m of tables(doc, 'alignment-matrix'))
    m.rows.forEach((row, r) => {
      const serviceId = names.get(cellText(m, r, 0))!;
      expect(serviceIds).toContain(serviceId);
      m.columns.slice(1).forEach((col, c) => {
        const objectiveId = codeToId.get(col.header)!;
        const key = `${serviceId}|${objectiveId}`;
        expect(WORD[cellText(m, r, c + 1)], key).toBe(expected.get(key) ?? 0);
        seen.add(key);
      });
      void row;
    });
  for (const key of expected.keys()) expect(seen, `matrix shows ${key}`).toContain(key);

  // Table, chart and matrix give the same counts for each objective.
  const chart = allBlocks(doc).find((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure');
  objectiveIds.forEach((id, r) => {
    const counts = [3, 2, 1].map((s) => [...expected].filter(([k, v]) => k.endsWith(`|${id}`) && v === s).length);
    expect([2, 3, 4].map((c) => num(cellText(coverage!, r, c)))).toEqual(counts);
    expect(chart?.chart.bars[r]?.values).toEqual(counts);
    const best = Math.max(0, ...counts.map((n, i) => (n > 0 ? 3 - i : 0)));
    expect(WORD[cellText(coverage!, r, 1)]).toBe(best);
  });

  // The narrative's totals equal the key figures and the table.
  const covered = objectiveIds.filter((id) => [...expected.keys()].some((k) => k.endsWith(`|${id}`))).length;
  const strong = objectiveIds.filter((id) => [...expected].some(([k, v]) => k.endsWith(`|${id}`) && v === 3)).length;
  const coveredText = objectiveIds.length === 0 ? 'no objectives' : `covered ${covered} of ${objectiveIds.length}`;
  expect(text).toContain(`Narrative: ${coveredText}; strong ${strong}; services ${serviceIds.length};`);
  const figures = allBlocks(doc).find((b): b is Extract<Block, { kind: 'key-figures' }> => b.kind === 'key-figures');
  const figure = (label: RegExp) => figures?.items.find((i) => label.test(i.label))?.value;
  if (objectiveIds.length > 0) {
    const value = figure(/^council objectives? contributed to$/);
    expect(value).toBe(covered === objectiveIds.length ? String(objectiveIds.length) : `${covered} of ${objectiveIds.length}`);
  }
  expect(figure(/strong contribution$/) ?? '0').toBe(String(strong));
  if (serviceIds.length > 0) expect(figure(/services?( in this proposal)?$/)).toBe(String(serviceIds.length));
  const libraries = new Set(wb.services.filter((s) => serviceIds.includes(s.id)).flatMap((s) => s.branches.map((b) => (b.libraryRef || b.name).toLowerCase())));
  expect(text).toContain(`libraries ${libraries.size}.`);
  if (libraries.size > 0) expect(figure(/delivering (it|them)$/)).toBe(String(libraries.size));

  // Each objective's sentence uses the words of its strengths, and only those.
  for (const b of allBlocks(doc))
    if (b.kind === 'list')
      for (const item of b.items) {
        const line = inlineText(item.content);
        const id = codeToId.get(line.split(' ')[0]!);
        if (!id || !objectiveIds.includes(id)) continue;
        const strengths = [...expected].filter(([k]) => k.endsWith(`|${id}`)).map(([, v]) => v);
        expect(/strong contribution/.test(line), line).toBe(strengths.includes(3));
        expect(/ contributes?\b/.test(line), line).toBe(strengths.includes(2));
        expect(/some contribution/.test(line), line).toBe(strengths.includes(1));
      }

  // Counts of people are given per service, never added up.
  const volunteers = new Set(wb.services.map((s) => s.volunteers).filter((v): v is number => v !== null));
  for (const m of text.matchAll(/([\d,]+) volunteers?\b/g)) expect(volunteers, m[0]).toContain(num(m[1]!));

  // Words that read wrong, and dates that are not the workbook's.
  expect(text).not.toMatch(/\b0 of 0\b|contribution contribution|\band \d+ others?\b|None of contribution/);
  expect(text).toContain(`As at ${formatDate(wb.modified)}.`);
  // The title page carries the day the document was made; the figures are as at the workbook's last change.
  expect(text.replace(`Date: ${formatDate(GENERATED_AT)}`, '')).not.toContain(formatDate(GENERATED_AT));
  return { doc, serviceIds, objectiveIds };
}

// ---- Generated workbooks ---------------------------------------------------------------------------------

interface Shape {
  themes: Array<{ objectives: Array<{ outcomes: number }> }>;
  topObjectives: number;
  services: Array<{ branches: number[]; volunteers: number | null }>;
  links: Array<{ s: number; o: number; strength: Strength; evidence: boolean }>;
  shuffle: number[];
  inScope: boolean[];
  whole: boolean;
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  themes: fc.array(fc.record({ objectives: fc.array(fc.record({ outcomes: fc.nat({ max: 2 }) }), { maxLength: 4 }) }), { maxLength: 4 }),
  topObjectives: fc.nat({ max: 2 }),
  services: fc.array(fc.record({ branches: fc.array(fc.nat({ max: 6 }), { maxLength: 3 }), volunteers: fc.option(fc.nat({ max: 300 }), { nil: null }) }), { maxLength: 8 }),
  links: fc.array(fc.record({ s: fc.nat(), o: fc.nat(), strength: fc.constantFrom<Strength>(0, 1, 2, 3), evidence: fc.boolean() }), { maxLength: 40 }),
  shuffle: fc.array(fc.nat(), { maxLength: 40 }),
  inScope: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  whole: fc.boolean(),
});

function buildWorkbook(shape: Shape): { wb: Workbook; scope: DraftScope } {
  const wb = emptyWorkbook('Generated');
  wb.modified = '2027-02-03T09:00:00Z';
  const objectives: Objective[] = [];
  shape.themes.forEach((t, i) => {
    const theme = objective(`obj_t${i}`, `Theme ${i}`, 'theme', null);
    objectives.push(theme);
    t.objectives.forEach((o, j) => {
      objectives.push(objective(`obj_t${i}o${j}`, `Objective ${i}.${j}`, 'objective', theme.id));
      for (let k = 0; k < o.outcomes; k++) objectives.push(objective(`obj_t${i}o${j}c${k}`, `Outcome ${i}.${j}.${k}`, 'outcome', `obj_t${i}o${j}`));
    });
  });
  for (let i = 0; i < shape.topObjectives; i++) objectives.push(objective(`obj_top${i}`, `Stand-alone objective ${i}`, 'objective', null));
  // Objectives added in any order: move some to the end, as an officer adding them later would.
  for (const n of shape.shuffle) if (objectives.length > 1) objectives.push(...objectives.splice(n % objectives.length, 1));
  wb.objectives = objectives;
  wb.services = shape.services.map((s, i) => ({
    ...service(`svc_${i}`, `Service ${i}`, 'Reading', []),
    branches: s.branches.map((b) => ({ libraryRef: '', name: `Library ${b}` })),
    volunteers: s.volunteers,
  }));
  wb.evidence = [{ id: 'evd_1', title: 'Local survey', publisher: 'Council', year: '2026', url: '', keyFinding: 'Found', figure: '', kind: 'local-data', quality: 'moderate', origin: 'officer', libraryRef: '' }];
  const pairs = new Set<string>();
  wb.alignments = [];
  if (wb.services.length > 0 && objectives.length > 0)
    shape.links.forEach((l, i) => {
      const s = wb.services[l.s % wb.services.length]!.id;
      const o = objectives[l.o % objectives.length]!.id;
      if (pairs.has(`${s}|${o}`)) return;
      pairs.add(`${s}|${o}`);
      wb.alignments.push(link(`aln_${i}`, s, o, l.strength, 'medium', l.evidence ? ['evd_1'] : []));
    });
  const scope: DraftScope = {
    wholeService: shape.whole,
    serviceIds: wb.services.filter((_, i) => shape.inScope[i]).map((s) => s.id),
    objectiveIds: [],
    amount: null,
    period: { label: '', start: null, end: null },
  };
  return { wb, scope };
}

describe('one set of facts in every part of a bound document', () => {
  it('agrees across narrative, key figures, table, chart and matrix for generated workbooks, in any scope', () => {
    const proposal = checkTemplate('proposal');
    const whole = checkTemplate('whole-service');
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { wb, scope } = buildWorkbook(shape);
        bindAndCheck(wb, proposal, scope);
        bindAndCheck(wb, whole, scope);
      }),
      { numRuns: 150 },
    );
  });

  it('rolls outcome links up to their objective in the matrix, so a service linked only to an outcome is not shown as None', () => {
    const wb = emptyWorkbook('Roll-up');
    wb.objectives = [objective('obj_T', 'Health', 'theme', null), objective('obj_O', 'Wellbeing', 'objective', 'obj_T'), objective('obj_C', 'Less loneliness', 'outcome', 'obj_O')];
    wb.services = [service('svc_A', 'Reading Friends', 'Health and Wellbeing', []), service('svc_B', 'Book lending', 'Reading', [])];
    wb.alignments = [link('aln_1', 'svc_A', 'obj_C', 3), link('aln_2', 'svc_B', 'obj_O', 1), link('aln_3', 'svc_B', 'obj_C', 2)];
    const { doc } = bindAndCheck(wb, checkTemplate('whole-service'), undefined);
    const m = tables(doc, 'alignment-matrix')[0]!;
    expect(m.columns.map((c) => c.header)).toEqual(['Service', '1.1']);
    expect(m.rows.map((_, r) => [cellText(m, r, 0), cellText(m, r, 1)])).toEqual([
      ['Reading Friends', 'Strong'],
      ['Book lending', 'Medium'],
    ]);
    expect(documentPlainText(doc)).toContain('Reading Friends makes a strong contribution; Book lending contributes.');
  });

  it('names every contributing service: in the sentence, or in a table after the list when there are too many for a sentence', () => {
    const wb = emptyWorkbook('Many');
    wb.objectives = [objective('obj_T', 'Health', 'theme', null), objective('obj_O', 'Wellbeing', 'objective', 'obj_T')];
    wb.services = Array.from({ length: 10 }, (_, i) => service(`svc_${i}`, `Service ${i}`, 'Reading', []));
    wb.alignments = wb.services.map((s, i) => link(`aln_${i}`, s.id, 'obj_O', i < 4 ? 3 : 2));
    const { doc } = bindAndCheck(wb, checkTemplate('whole-service'), undefined);
    const text = documentPlainText(doc);
    expect(text).toContain('1.1 Wellbeing: 4 services make a strong contribution and 6 services contribute; the table after this list names them.');
    const named = tables(doc, 'alignment-matrix').find((t) => t.caption === 'Services contributing to theme 1, Health')!;
    expect(named.rows.map((_, r) => cellText(named, r, 0))).toEqual(wb.services.map((s) => s.name));
  });

  it('splits a large matrix into one table per theme with its own caption', () => {
    const wb = emptyWorkbook('Large');
    for (let t = 0; t < 3; t++) {
      wb.objectives.push(objective(`obj_t${t}`, `Theme ${t}`, 'theme', null));
      for (let o = 0; o < 6; o++) wb.objectives.push(objective(`obj_t${t}o${o}`, `Objective ${t}.${o}`, 'objective', `obj_t${t}`));
    }
    wb.services = [service('svc_1', 'Everything', 'Reading', [])];
    wb.alignments = wb.objectives.filter((o) => o.level === 'objective').map((o, i) => link(`aln_${i}`, 'svc_1', o.id, 2));
    const { doc } = bindAndCheck(wb, checkTemplate('whole-service'), undefined);
    expect(tables(doc, 'alignment-matrix').map((t) => t.caption)).toEqual([
      'Alignment matrix: theme 1, Theme 0',
      'Alignment matrix: theme 2, Theme 1',
      'Alignment matrix: theme 3, Theme 2',
    ]);
  });
});

describe('the sample workbook and its drafts', () => {
  const sample = () => {
    const r = loadSampleWorkbook();
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const builtIn = (id: string): Template => {
    const dir = join(import.meta.dirname, '..', '..', '..', 'templates', id);
    const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const t = loadTemplate({ folder: id, manifestText: readFileSync(join(dir, 'template.json'), 'utf8'), files });
    if (!t.ok) throw new Error(t.error.message);
    return t.value;
  };

  it('agrees in the check template for each draft’s scope', () => {
    const wb = sample();
    for (const d of wb.drafts) bindAndCheck(wb, checkTemplate(builtIn(d.templateId).manifest.scope), d.scope, d.partnerId);
  });

  it('has a finished draft for every built-in template: scoped, every question answered, no review notes in the body', () => {
    const wb = sample();
    const ids = readdirSync(join(import.meta.dirname, '..', '..', '..', 'templates'));
    expect(new Set(wb.drafts.map((d) => d.templateId))).toEqual(new Set(ids));
    for (const d of wb.drafts) {
      const template = builtIn(d.templateId);
      expect(d.scope.wholeService, d.templateId).toBe(template.manifest.scope === 'whole-service');
      if (!d.scope.wholeService) expect(d.scope.serviceIds.length, d.templateId).toBeGreaterThan(0);
      const answers = Object.fromEntries(d.answers.map((a) => [a.questionId, a.value]));
      const bound = bindDocument(template, wb, answers, { protectiveMarking: 'OFFICIAL', generatedAt: GENERATED_AT, scope: d.scope, partnerId: d.partnerId });
      if (!bound.ok) throw new Error(bound.error.message);
      expect(bound.value.unanswered.map((q) => q.id), d.templateId).toEqual([]);
      const text = documentPlainText(bound.value.document);
      expect(text).not.toMatch(/should be strengthened|could be questioned|Where the case is thin|need stronger evidence|From the alignment map|\b0 of 0\b|contribution contribution|\band \d+ others?\b/);
      // Figures describe the scope: a proposal does not print the whole service's cost or service count.
      if (!d.scope.wholeService) {
        expect(text, d.templateId).not.toMatch(/\b24 services\b/);
        expect(text, d.templateId).toContain(`${d.scope.serviceIds.length} services in this proposal`);
      }
    }
  });

  it('prints the Digital Champions case for its three services and its £85,000', () => {
    const wb = sample();
    const d = wb.drafts.find((x) => x.templateId === 'five-case-business-case')!;
    const answers = Object.fromEntries(d.answers.map((a) => [a.questionId, a.value]));
    const bound = bindDocument(builtIn(d.templateId), wb, answers, { protectiveMarking: 'OFFICIAL', generatedAt: GENERATED_AT, scope: d.scope });
    if (!bound.ok) throw new Error(bound.error.message);
    const doc = bound.value.document;
    const figures = allBlocks(doc).find((b): b is Extract<Block, { kind: 'key-figures' }> => b.kind === 'key-figures')!;
    expect(figures.items.slice(0, 2).map((i) => [i.value, i.label])).toEqual([
      ['£85k', 'sum asked for (2026/27 and 2027/28)'],
      ['3', 'services in this proposal'],
    ]);
    const reach = tables(doc, 'service-reach')[0]!;
    expect(reach.rows.map((_, r) => cellText(reach, r, 0))).toEqual(d.scope.serviceIds.map((id) => wb.services.find((s) => s.id === id)!.name));
    expect(documentPlainText(doc)).toContain('How the rest of the library service contributes');
  });
});
