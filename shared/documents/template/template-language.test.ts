import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkbookText } from '../../model/workbook-format';
import type { Workbook } from '../../model/workbook-schema';
import { bindDocument } from '../bind';
import { allBlocks, inlineText, type Block, type DocModel } from '../model';
import { documentPlainText } from '../plain-text';
import { formatDate, isoDate } from '../../text/dates';
import { formatMoney, formatPercent, formatPerThousand, parseMoney } from '../../text/numbers';
import { loadTemplate, type Template } from './load-template';

const fixture = (): Workbook => {
  const r = readWorkbookText(readFileSync(new URL('../../../tests/fixtures/complete-workbook.awbook', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.workbook;
};

const manifest = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'test',
    name: 'Test',
    kind: 'other',
    version: '1.0.0',
    document: { title: 'Test for {{authority.name}}' },
    questions: [
      { id: 'decision', label: 'Decision sought', kind: 'paragraphs', required: true, hint: 'Say what is asked.' },
      { id: 'cost', label: 'Cost', kind: 'money' },
      { id: 'stage', label: 'Stage', kind: 'choice', options: [{ value: 'OBC', label: 'Outline Business Case' }, { value: 'FBC', label: 'Full Business Case' }] },
    ],
    sections: [{ file: 'a.md' }],
    ...extra,
  });

function load(section: string, extra: Record<string, unknown> = {}) {
  return loadTemplate({ folder: 'test-template', manifestText: manifest(extra), files: { 'a.md': section } });
}

function loaded(section: string): Template {
  const t = load(section);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

function bind(section: string, answers: Record<string, string> = {}, wb = fixture()): DocModel {
  const r = bindDocument(loaded(section), wb, answers, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z') });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.document;
}

const text = (doc: DocModel) => documentPlainText(doc);

describe('hostile and broken templates give located errors', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['prototype via constructor', 'Hello {{constructor.constructor}}', /a\.md, line 1, column 9: "constructor" cannot be used/],
    ['__proto__', '\n\n  {{authority.__proto__.polluted}}', /a\.md, line 3, column 5: "__proto__" cannot be used/],
    ['prototype', '{{workbook.prototype}}', /"prototype" cannot be used/],
    ['code injection with a call', '{{constructor.constructor("return process")()}}', /"constructor" cannot be used|cannot be used inside/],
    ['code injection with brackets', '{{authority["name"]}}', /a\.md, line 1, column 12: the character "\[" cannot be used inside \{\{ \}\}/],
    ['script expression', '{{ process.exit(1) }}', /the character "\(" cannot be used/],
    ['unclosed block', 'Intro\n{{#each services as s}}\n- {{s.name}}\n', /a\.md, line 2, column 1: \{\{#each\}\} is never closed/],
    ['unclosed tag', 'Intro {{authority.name', /a\.md, line 1, column 7: this "\{\{" is not closed/],
    ['mismatched close', '{{#if summary}}x{{/each}}', /\{\{\/each\}\} does not match the \{\{#if\}\} opened at line 1, column 1/],
    ['stray close', 'text }} more', /"\}\}" has no matching "\{\{"/],
    ['unknown helper', '{{totals.cost | shell "rm -rf"}}', /"shell" is not a helper/],
    ['unknown block', '{{block run-script}}', /"run-script" is not a named block/],
    ['unknown answer', '{{answers.nope}}', /"answers\.nope" names a question that is not in template\.json/],
    ['inline block', 'See {{block alignment-matrix}} here', /must be on a line of its own/],
  ];
  for (const [name, section, message] of cases)
    it(name, () => {
      const t = load(section);
      expect(t.ok).toBe(false);
      if (!t.ok) {
        expect(t.error.message).toMatch(message);
        expect(t.error.issues?.[0]?.path).toMatch(/^a\.md:\d+:\d+$/);
      }
    });

  it('refuses section files outside the folder (path traversal)', () => {
    const t = loadTemplate({ folder: 'evil', manifestText: manifest({ sections: [{ file: '../../etc/passwd.md' }] }), files: {} });
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.message).toMatch(/template\.json, line \d+, column \d+: A section file is a name ending in \.md/);
  });

  it('refuses a manifest with __proto__ and reports its line', () => {
    const t = loadTemplate({ folder: 'evil', manifestText: '{\n  "__proto__": { "polluted": true },\n  "id": "x"\n}', files: {} });
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.message).toMatch(/template\.json, line 2, column 3: .*"__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports invalid JSON in the manifest with its position', () => {
    const t = loadTemplate({ folder: 'x', manifestText: '{\n  "id": "x",\n  "name": \n}', files: {} });
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.message).toMatch(/template\.json, line 4, column 1: template\.json is not valid JSON/);
  });

  it('names a missing section file', () => {
    const t = loadTemplate({ folder: 'x', manifestText: manifest(), files: {} });
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.error.message).toMatch(/"a\.md" is listed but not in the template folder/);
  });

  it('a runtime mistake (a loop over a value that is not a list) is a located error, not an exception', () => {
    const r = bindDocument(loaded('ok\n\n{{#each summary as s}}x{{/each}}'), fixture(), {}, { protectiveMarking: 'NONE', generatedAt: new Date() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.path).toBe('a.md:3:9');
  });

  it('an unknown field names the fields that exist', () => {
    const r = bindDocument(loaded('{{authority.nmae}}'), fixture(), {}, { protectiveMarking: 'NONE', generatedAt: new Date() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/"authority" has no field "nmae"\. Its fields are: name, officialName/);
  });
});

describe('values are data, never markup', () => {
  it('Markdown and HTML in workbook text are shown literally', () => {
    const wb = fixture();
    wb.services[0]!.name = '**Bold** <script>alert(1)</script> [link](javascript:alert(1)) # not a heading';
    const doc = bind('{{#each services as s}}\n{{s.name}}\n\n{{/each}}', {}, wb);
    const first = allBlocks(doc).find((b) => b.kind === 'paragraph')!;
    expect(first.kind === 'paragraph' && first.content).toEqual([{ kind: 'text', text: wb.services[0]!.name }]);
    expect(allBlocks(doc).some((b) => b.kind === 'heading')).toBe(false);
  });

  it('an answer in Markdown keeps its lists and emphasis, but cannot add headings or unsafe links', () => {
    const doc = bind('{{answers.decision}}', { decision: '# Take over\n\nWe *ask* for:\n\n- one\n- two\n\n[x](javascript:alert(1)) [ok](https://example.org)' });
    const blocks = allBlocks(doc);
    expect(blocks.some((b) => b.kind === 'heading')).toBe(false);
    expect(blocks.some((b) => b.kind === 'list' && b.items.length === 2)).toBe(true);
    const links = blocks.flatMap((b) => (b.kind === 'paragraph' ? b.content.filter((i) => i.kind === 'link') : []));
    expect(links).toEqual([{ kind: 'link', href: 'https://example.org', children: [{ kind: 'text', text: 'ok' }] }]);
  });
});

describe('binding', () => {
  it('unanswered questions become marked guidance and are listed', () => {
    const r = bindDocument(loaded('# Decision\n\n{{answers.decision}}\n\nCost: {{answers.cost | money}}.'), fixture(), {}, { protectiveMarking: 'OFFICIAL', generatedAt: new Date() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const blocks = allBlocks(r.value.document);
    const box = blocks.find((b): b is Extract<Block, { kind: 'callout' }> => b.kind === 'callout');
    expect(box?.tone).toBe('guidance');
    expect(box?.title).toBe('To complete: Decision sought');
    expect(text(r.value.document)).toContain('Cost: [To complete: Cost].');
    expect(r.value.unanswered.map((q) => q.id)).toEqual(['decision', 'cost']);
    expect(r.value.warnings.find((w) => w.kind === 'unanswered-required')?.questionId).toBe('decision');
  });

  it('warns about strong claims without evidence, from the analysis', () => {
    const r = bindDocument(loaded('x'), fixture(), {}, { protectiveMarking: 'NONE', generatedAt: new Date() });
    expect(r.ok && r.value.warnings.some((w) => w.kind === 'unsupported-claim' && /cites no evidence/.test(w.message))).toBe(true);
  });

  it('loops, conditions, choices and helpers', () => {
    const doc = bind(
      '{{#each services as s}}{{#if @first}}First: {{s.name}}.{{/if}}{{/each}}\n\n{{#if answers.stage == "OBC"}}Outline{{else}}Other{{/if}} ({{choices.stage}}); {{#if answers.stage in "FBC,BJC"}}late{{else}}early{{/if}}.\n\nTotal {{answers.cost | money "short"}}; services {{totals.services | plural "service"}}; share {{totals.coveredShare | percent}}.',
      { stage: 'OBC', cost: '£1.25m' },
    );
    const wb = fixture();
    expect(text(doc)).toContain(`First: ${wb.services[0]!.name}.`);
    expect(text(doc)).toContain('Outline (Outline Business Case); early.');
    expect(text(doc)).toContain(`Total £1.25m; services ${wb.services.length} services; share 100%.`);
  });

  it('control tags on their own lines leave no blank lines, so loops can build Markdown tables', () => {
    const doc = bind('| Service | Offer |\n| --- | --- |\n{{#each services as s}}\n  {{#if s.name}}\n| {{s.name}} | {{s.offer}} |\n  {{/if}}\n{{/each}}\n');
    const tables = allBlocks(doc).filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.kind === 'table' && tables[0]!.rows.length).toBe(fixture().services.length);
  });

  it('named blocks put words beside every colour', () => {
    const doc = bind('{{block alignment-matrix}}');
    const cells = allBlocks(doc).flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []));
    const shaded = cells.filter((c) => c.shade);
    expect(shaded.length).toBeGreaterThan(0);
    for (const c of shaded) expect(inlineText(c.content)).toMatch(/^(None|Weak|Medium|Strong)$/);
  });

  it('the coverage chart has alt text written from its data', () => {
    const doc = bind('{{block coverage-chart}}');
    const fig = allBlocks(doc).find((b) => b.kind === 'figure');
    expect(fig?.kind === 'figure' && fig.alt).toMatch(/^Horizontal bar chart of the number of library services contributing to each of \d+ council objectives/);
  });

  it('a template that needs a partner warns when none is chosen', () => {
    const t = load('{{block partner-alignment}}', { partner: 'required' });
    if (!t.ok) throw new Error(t.error.message);
    const r = bindDocument(t.value, fixture(), {}, { protectiveMarking: 'NONE', generatedAt: new Date(), partnerId: null });
    expect(r.ok && r.value.warnings.map((w) => w.kind)).toContain('missing-partner');
  });

  it('counts words for a word limit as the Documents step does: a bullet or dash alone is not a word', () => {
    const t = load('{{answers.decision}}', {
      questions: [{ id: 'decision', label: 'Decision sought', kind: 'paragraphs', wordLimit: 4 }],
    });
    if (!t.ok) throw new Error(t.error.message);
    const warnings = (answer: string) => {
      const r = bindDocument(t.value, fixture(), { decision: answer }, { protectiveMarking: 'NONE', generatedAt: new Date() });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.warnings.filter((w) => w.kind === 'word-limit').map((w) => w.message);
    };
    expect(warnings('- Approve the\n- pilot — now')).toEqual([]);
    expect(warnings('Approve the pilot now, please')).toEqual(['“Decision sought” has 5 words; the limit is 4.']);
  });
});

describe('UK formats', () => {
  it('formats dates, money, percentages and rates per 1,000', () => {
    expect(formatDate('2026-11-28')).toBe('28 November 2026');
    expect(formatDate('2026-04-01', 'short')).toBe('01/04/2026');
    expect(formatMoney(1250000)).toBe('£1,250,000');
    expect(formatMoney(1250000, 'short')).toBe('£1.25m');
    expect(formatMoney(42500.5)).toBe('£42,500.50');
    expect(formatPercent(0.423)).toBe('42%');
    expect(formatPercent(7.5, true)).toBe('7.5%');
    expect(formatPerThousand(12400, 215000)).toBe('57.7 per 1,000 residents');
    expect(formatPerThousand(12400, null)).toMatch(/not available/);
    expect(parseMoney('£450k')).toBe(450000);
    expect(parseMoney('1,250,000')).toBe(1250000);
    expect(parseMoney('a lot')).toBeNull();
  });

  it('dates a document by the day where the officer is, not the UTC day', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      const halfPastMidnightBst = new Date('2026-07-01T23:30:00Z');
      expect(isoDate(halfPastMidnightBst)).toBe('2026-07-02');
      expect(formatDate(halfPastMidnightBst)).toBe('2 July 2026');
      const r = bindDocument(loaded('Made on {{generated.date | date}}'), fixture(), {}, { protectiveMarking: 'NONE', generatedAt: halfPastMidnightBst });
      if (!r.ok) throw new Error(r.error.message);
      expect(text(r.value.document)).toContain('Made on 2 July 2026');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
