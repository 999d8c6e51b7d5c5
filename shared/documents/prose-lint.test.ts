import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { earlyWorkbook, emptyWorkbook, hostileWorkbook, largeWorkbook, sampleWorkbook } from '../../tests/fixtures/documents/workbooks';
import { validateWorkbook } from '../model/workbook-format';
import type { Workbook } from '../model/workbook-schema';
import { bindDocument } from './bind';
import { decisionBasis } from './decision-basis';
import { text, type Block, type DocModel, type Inline } from './model';
import { describeFinding, lintProse, type ProseFinding, type ProseFindingKind } from './prose-lint';
import { loadTemplate, type Template } from './template/load-template';

function doc(blocks: Block[], references: DocModel['references'] = []): DocModel {
  return {
    properties: { title: 'T', subject: '', author: '', organisation: '', language: 'en-GB', keywords: [], description: '', generatedAt: '2026-11-28T10:00:00Z', templateId: 't', templateVersion: '1' },
    marking: 'OFFICIAL',
    runningTitle: 'T',
    titlePage: { title: 'A business case', subtitle: '', organisation: 'Northshire County Council', details: [] },
    sections: [{ orientation: 'portrait', blocks: [{ kind: 'heading', level: 1, id: 'h', content: [text('1 Summary')] }, ...blocks] }],
    references,
  };
}
const para = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const kinds = (d: DocModel, mode: 'draft' | 'final' = 'final'): ProseFindingKind[] => lintProse(d, { mode }).map((f) => f.kind);
const findings = (s: string, mode: 'draft' | 'final' = 'final'): ProseFinding[] => lintProse(doc([para(text(s))]), { mode });
const found = (s: string, mode: 'draft' | 'final' = 'final') => findings(s, mode).map((f) => [f.kind, f.text]);

describe('prose lint rules', () => {
  it.each<[string, ProseFindingKind, string]>([
    ['Reading Well makes no contribution contribution.', 'doubled-word', 'contribution contribution'],
    ['The The library opens on Monday.', 'doubled-word', 'The The'],
    ['Readers found it very helpful.., The Reading Agency said.', 'doubled-punctuation', 'helpful..'],
    ['The cost is set out below., with figures.', 'doubled-punctuation', 'below.,'],
    ['Why now?. Because funding ends.', 'doubled-punctuation', 'now?.'],
    ['The rate fell, , as planned.', 'doubled-punctuation', 'fell, ,'],
    ['The rate fell to 5.9 % last year.', 'space-before-percent', '9 %'],
    ['The rate fell to 5.9\u00A0% last year.', 'space-before-percent', '9\u00A0%'],
    ['The library reaches 0 of 0 objectives.', 'zero-of-zero', '0 of 0'],
    ['Services, e.g. Rhymetime, help.', 'latin-abbreviation', 'e.g.'],
    ['Services, eg Rhymetime, help.', 'latin-abbreviation', 'eg'],
    ['The core offer (i.e. lending) is free.', 'latin-abbreviation', 'i.e.'],
    ['Books, computers, etc. are free.', 'latin-abbreviation', 'etc.'],
    ['As set out in the Council Plan, page p. 8, the aim is clear.', 'broken-phrase', 'page p. 8'],
    ['None of contribution links cite evidence.', 'broken-phrase', 'None of contribution'],
    ['The library runs 1 services in the county.', 'broken-phrase', '1 services'],
    ['The evidence comes from .', 'broken-phrase', 'from .'],
    ['The partner () agrees.', 'broken-phrase', '()'],
    ['It is an library service.', 'broken-phrase', 'an library'],
    ['It is a objective of the plan.', 'broken-phrase', 'a objective'],
    ['Write the summary here {{answers.summary}}.', 'placeholder', '{{answers.summary}}'],
    ['TODO: add the cost.', 'placeholder', 'TODO'],
    ['Submitted to [Commissioner] on time.', 'placeholder', '[Commissioner]'],
    ['It is good. 13 objectives have no library contribution.', 'starts-with-digit', '13 objectives'],
    ['81% of links cite evidence.', 'starts-with-digit', '81% of'],
    ['Services include Rhymetime, Lego club and 7 others.', 'and-n-others', 'and 7 others'],
    ['Services include Rhymetime and 1 other.', 'and-n-others', 'and 1 other'],
  ])('finds %j', (sentence, kind, offending) => {
    expect(found(sentence)).toContainEqual([kind, offending]);
  });

  it.each([
    'The council had had no library objective before 2025.',
    'Readers say “wait for it...” before the twist.',
    'The rate fell to 5.9% in 2024/25, and 12 of 24 services link to it.',
    'Services, for example Rhymetime, help families; that is, lending is free.',
    'The Council Plan 2025 to 2029, page 8, sets the aim.',
    'None of the services is linked yet; all of them could be.',
    'Nearly half of families in poverty were registered; both of us agree.',
    'None of Northshire’s 24 services is linked yet.',
    'The library runs 1 service in 1 branch, from 1 April, and 1 was closed.',
    'It is an hour long, a one-off, a useful and an honest session, a European project.',
    'The cost is £85,000 (2026/27). Figures are rounded.',
    'In all, 2,074 claims are recorded. Of the 37 links, 81% cite evidence.',
    'The Council Plan, p. 8, says so. It is clear.',
    'This cites the evaluation [3] and the guidance [12].',
    'A value of 1.5 million, 2:1 odds and 10:30.',
    '1.2 Help older and disabled people stay independent: the home library service makes a strong contribution.',
  ])('passes %j', (sentence) => {
    expect(findings(sentence).map(describeFinding)).toEqual([]);
  });

  it('allows guidance and question markers in a draft but not in a final', () => {
    const d = doc([
      para(text('Submitted to [Commissioner]. '), { kind: 'guidance', text: 'Say who decides.' }),
      { kind: 'callout', tone: 'guidance', title: 'Guidance for the author', blocks: [para(text('Delete this.'))] },
    ]);
    expect(kinds(d, 'draft')).toEqual([]);
    expect(lintProse(d, { mode: 'final' }).map((f) => f.text)).toEqual(['To complete: Say who decides.', '[Commissioner]', 'Guidance for the author']);
    // "{{" and "TODO" are never meant to be printed, draft or not.
    expect(kinds(doc([para(text('Cost: {{answers.cost}}'))]), 'draft')).toEqual(['placeholder']);
  });

  it('reads citations as numbers, so they are not placeholders and close up with the full stop', () => {
    const d = doc([para(text('Readers benefit '), { kind: 'citation', refId: 'e1' }, text('.'))], [{ id: 'e1', text: 'The Reading Agency (2023). Impact.' }]);
    expect(kinds(d)).toEqual([]);
  });

  it('says where each finding is: the heading above, and the table and its cell', () => {
    const d = doc([
      { kind: 'heading', level: 2, id: 'k', content: [text('1.2 Key figures')] },
      {
        kind: 'table',
        id: 't',
        caption: 'Table 1: Services',
        columns: [{ header: 'Service', width: 1 }],
        rows: [[{ content: [text('Rhymetime, e.g. for toddlers')] }]],
      },
      { kind: 'key-figures', title: 'Key figures', items: [{ value: '0', label: 'of 0 services linked', source: 'Workbook' }] },
    ]);
    expect(lintProse(d, { mode: 'final' })).toEqual([
      { kind: 'latin-abbreviation', text: 'e.g.', where: '1.2 Key figures › Table 1: Services', excerpt: 'Rhymetime, e.g. for toddlers' },
      { kind: 'zero-of-zero', text: '0 of 0', where: '1.2 Key figures › Key figures', excerpt: '0 of 0 services linked' },
    ]);
  });

  it('does not hold numbered headings, table cells or chart labels to the sentence-start rule', () => {
    const d = doc([
      { kind: 'heading', level: 2, id: 'o', content: [text('3.1 Healthy lives')] },
      { kind: 'table', id: 't', caption: 'Table 2: KPIs', columns: [{ header: 'Baseline', width: 1 }], rows: [[{ content: [text('66.9% of adults (2023/24)')] }]] },
    ]);
    expect(kinds(d)).toEqual([]);
  });
});

// ---- Every built-in template × five workbooks --------------------------------------------------------------

const TEMPLATES_DIR = new URL('../../templates/', import.meta.url);

function builtInTemplates(): Template[] {
  return readdirSync(TEMPLATES_DIR).map((id) => {
    const dir = join(TEMPLATES_DIR.pathname, id);
    const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const t = loadTemplate({ folder: id, manifestText: readFileSync(join(dir, 'template.json'), 'utf8'), files });
    if (!t.ok) throw new Error(t.error.message);
    return t.value;
  });
}

const fixtureAnswers: Readonly<Record<string, Record<string, string>>> = {
  'five-case-business-case': JSON.parse(readFileSync(new URL('../../tests/fixtures/documents/five-case-answers.json', import.meta.url), 'utf8')) as Record<string, string>,
  'committee-report': JSON.parse(readFileSync(new URL('../../tests/fixtures/documents/committee-answers.json', import.meta.url), 'utf8')) as Record<string, string>,
};

/** The answers, scope, partner and business case data a document is made with: the workbook's own draft for the template, else the fixture's answers. */
function draftFor(wb: Workbook, template: Template) {
  const draft = wb.drafts.find((d) => d.templateId === template.manifest.id);
  const answers = draft ? Object.fromEntries(draft.answers.map((a) => [a.questionId, a.value])) : (fixtureAnswers[template.manifest.id] ?? {});
  return {
    answers,
    scope: draft?.scope,
    partnerId: draft?.partnerId ?? wb.partners[0]?.id ?? null,
    businessCase: draft?.businessCase ?? null,
    basedOn: draft ? decisionBasis(wb, draft) : null,
  };
}

const WORKBOOKS: ReadonlyArray<[string, () => Workbook]> = [
  ['sample', sampleWorkbook],
  ['early', earlyWorkbook],
  ['empty', emptyWorkbook],
  ['hostile', hostileWorkbook],
  ['large', () => largeWorkbook({ objectives: 60, services: 150 })],
];

describe('prose lint over every built-in template and five workbooks', () => {
  const templates = builtInTemplates();

  it('has the five workbooks valid and every built-in template loaded', () => {
    expect(templates.map((t) => t.manifest.id).sort()).toEqual(['commissioning-bid', 'committee-report', 'five-case-business-case', 'partnership-proposal', 'strategic-alignment-statement']);
    for (const [name, make] of WORKBOOKS) expect(validateWorkbook(make(), ['workbook']).ok, name).toBe(true);
  });

  it.each(WORKBOOKS)('finds nothing new in any template with the %s workbook', (_name, make) => {
    const wb = make();
    const unexpected: string[] = [];
    for (const template of templates) {
      const { answers, scope, partnerId, businessCase, basedOn } = draftFor(wb, template);
      const bound = bindDocument(template, wb, answers, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z'), partnerId, businessCase, basedOn, ...(scope ? { scope } : {}) });
      if (!bound.ok) throw new Error(bound.error.message);
      for (const f of lintProse(bound.value.document, { mode: 'draft' })) unexpected.push(`${template.manifest.id}: ${describeFinding(f)}`);
    }
    expect(unexpected).toEqual([]);
  });

  it('finds no placeholders in a final made from a complete set of answers', () => {
    const wb = sampleWorkbook();
    const unexpected: string[] = [];
    let finals = 0;
    for (const template of templates) {
      const { answers, scope, partnerId, businessCase, basedOn } = draftFor(wb, template);
      if (Object.keys(answers).length === 0) continue;
      finals++;
      const bound = bindDocument(template, wb, answers, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z'), partnerId, businessCase, basedOn, mode: 'final', ...(scope ? { scope } : {}) });
      if (!bound.ok) throw new Error(`${template.manifest.id}: ${bound.error.message}`);
      for (const f of lintProse(bound.value.document, { mode: 'final' })) unexpected.push(`${template.manifest.id}: ${describeFinding(f)}`);
    }
    expect(finals).toBe(templates.length);
    expect(unexpected).toEqual([]);
  });

});
