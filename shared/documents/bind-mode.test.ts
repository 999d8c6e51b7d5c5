/**
 * Draft and final: a draft keeps its guidance and lists what stops a final; a final has no guidance box, no marked
 * phrase and no placeholder, and is refused, with each missing thing located, until nothing is missing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newDraftScope } from '../model/factories';
import { readWorkbookText } from '../model/workbook-format';
import type { Workbook } from '../model/workbook-schema';
import { bindDocument, type BindOptions } from './bind';
import { allBlocks, guidanceIn, type DocModel } from './model';
import { documentPlainText } from './plain-text';
import { loadTemplate, type Template } from './template/load-template';

const fixture = (): Workbook => {
  const r = readWorkbookText(readFileSync(new URL('../../tests/fixtures/complete-workbook.awbook', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.workbook;
};

const SECTION = [
  '# The decision',
  '',
  '{{answers.decision}}',
  '',
  'The cost is {{answers.cost | money}} over the period.',
  '',
  '{{answers.background}}',
  '',
  '{{#guidance}}',
  'Say who approved the figures.',
  '{{/guidance}}',
  '',
  '# Evidence',
  '',
  '{{block evidence-list}}',
].join('\n');

function template(extra: Record<string, unknown> = {}): Template {
  const t = loadTemplate({
    folder: 'mode-template',
    manifestText: JSON.stringify({
      id: 'mode',
      name: 'Mode test',
      kind: 'other',
      version: '1.0.0',
      document: { title: 'Mode test' },
      questions: [
        { id: 'decision', label: 'Decision sought', kind: 'paragraphs', required: true, hint: 'Say what is asked.' },
        { id: 'cost', label: 'Cost', kind: 'money' },
        { id: 'background', label: 'Background', kind: 'paragraphs', hint: 'What led here.' },
      ],
      sections: [{ file: 'a.md' }],
      ...extra,
    }),
    files: { 'a.md': SECTION },
  });
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

const options = (fields: Partial<BindOptions> = {}): BindOptions => ({ protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z'), ...fields });
const guidanceOf = (doc: DocModel) => allBlocks(doc).flatMap(guidanceIn);
const complete = { decision: 'Approve the Digital Champions programme.', cost: '85000' };

describe('bindDocument in draft and final', () => {
  it('keeps guidance in a draft, marks it DRAFT, and lists the required answer that stops a final', () => {
    const r = bindDocument(template(), fixture(), {}, options());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.document.status).toBe('draft');
    const titles = guidanceOf(r.value.document).map((g) => g.title);
    expect(titles).toEqual(expect.arrayContaining(['To complete: Decision sought', 'To complete: Background', 'Guidance for the author (delete before publishing)', '']));
    expect(r.value.blockers).toEqual([{ kind: 'unanswered-required', where: 'Question “Decision sought”', questionId: 'decision', message: 'Required and not answered.' }]);
  });

  it('refuses a final while a required question is unanswered, saying which and where', () => {
    const r = bindDocument(template(), fixture(), { cost: '85000' }, options({ mode: 'final' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/^A final “Mode test” cannot be made yet: one thing is missing/);
    expect(r.error.issues).toEqual([{ path: 'Question “Decision sought”', message: 'Required and not answered.' }]);
  });

  it('makes a final with no guidance box, no marked phrase and no placeholder once the required answers are in', () => {
    const draft = bindDocument(template(), fixture(), complete, options({ mode: 'draft' }));
    const final = bindDocument(template(), fixture(), complete, options({ mode: 'final' }));
    if (!draft.ok || !final.ok) throw new Error('bind failed');
    expect(draft.value.blockers).toEqual([]);
    // The draft still has the author's guidance and the optional question's box; the final has neither.
    expect(guidanceOf(draft.value.document).length).toBeGreaterThan(0);
    expect(guidanceOf(final.value.document)).toEqual([]);
    expect(allBlocks(final.value.document).some((b) => b.kind === 'callout' && b.tone === 'guidance')).toBe(false);
    const text = documentPlainText(final.value.document);
    expect(text).not.toMatch(/To complete|Guidance for the author|Say who approved|What led here/);
    expect(text).toContain('Approve the Digital Champions programme.');
    expect(text).toContain('£85,000');
    expect(final.value.document.status).toBe('final');
  });

  it('refuses a final for a fact the workbook lacks, located by its section, and a draft lists it too', () => {
    const wb = { ...fixture(), evidence: [] };
    const draft = bindDocument(template(), wb, complete, options());
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.blockers).toEqual([expect.objectContaining({ kind: 'missing-fact', where: 'Section “Evidence”' })]);
    const final = bindDocument(template(), wb, complete, options({ mode: 'final' }));
    expect(!final.ok && final.error.issues).toEqual([{ path: 'Section “Evidence”', message: expect.stringMatching(/^No evidence recorded: Add the research/) }]);
  });

  it('refuses a final proposal with no services in scope, and one without its partner', () => {
    const wb = fixture();
    const r = bindDocument(template({ partner: 'required' }), wb, complete, options({ mode: 'final', scope: newDraftScope() }));
    // With nothing in scope, the evidence the document would cite is missing too.
    expect(!r.ok && r.error.issues?.map((i) => i.path)).toEqual(['Partner', 'Scope', 'Section “Evidence”']);
    const whole = bindDocument(template({ scope: 'whole-service' }), wb, complete, options({ mode: 'final', scope: newDraftScope() }));
    expect(whole.ok).toBe(true);
  });
});
