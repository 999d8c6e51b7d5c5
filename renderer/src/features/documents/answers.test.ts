import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../../shared/documents/plain-text';
import type { TemplateInfo, TemplateQuestion } from '../../../../shared/ipc/documents-contract';
import type { Draft } from '../../../../shared/model/workbook-schema';
import { createWorkbook } from '../../../../shared/model/new-workbook';
import { emptyBusinessCase } from '../../../../shared/model/business-case-schema';
import {
  answerOf,
  answerProblem,
  checkAnswers,
  filledRows,
  groupQuestions,
  newDraft,
  parseTableAnswer,
  questionFieldId,
  serialiseTableAnswer,
  setAnswer,
} from './answers';

const q = (over: Partial<TemplateQuestion> & Pick<TemplateQuestion, 'id' | 'kind'>): TemplateQuestion => ({
  label: over.id,
  hint: '',
  required: false,
  options: [],
  columns: [],
  defaultValue: null,
  group: '',
  wordLimit: null,
  ...over,
});

const template: TemplateInfo = {
  id: 'five-case-business-case',
  name: 'Business case (Five Case Model)',
  kind: 'business-case',
  description: '',
  version: '1.0.0',
  origin: 'built-in',
  folder: '/templates/five-case-business-case',
  partner: 'none',
  basedOn: 'none',
  scope: 'proposal',
  questions: [
    q({ id: 'stage', kind: 'choice', required: true, options: [{ value: 'SOC', label: 'SOC' }, { value: 'OBC', label: 'OBC' }], defaultValue: 'OBC', group: 'About' }),
    q({ id: 'decision', label: 'Decision sought', kind: 'paragraphs', required: true, group: 'About' }),
    q({ id: 'cost', label: 'Total cost', kind: 'money', group: 'Money' }),
  ],
};

describe('document drafts', () => {
  it('start with the template’s default answers and the chosen marking', () => {
    const d = newDraft(template, 'OFFICIAL-SENSITIVE', createWorkbook({ title: 'Test' }), new Date('2026-11-28T10:00:00Z'));
    expect(d.id).toMatch(/^drf_/);
    expect(d).toMatchObject({
      templateId: 'five-case-business-case',
      title: 'Business case (Five Case Model)',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      partnerId: null,
      created: '2026-11-28T10:00:00.000Z',
      answers: [{ questionId: 'stage', value: 'OBC' }],
    });
  });

  it('for a committee report, start from the latest business case with decision data, and its services', () => {
    const report: TemplateInfo = { ...template, id: 'committee-report', kind: 'committee-report', basedOn: 'business-case', questions: [] };
    const wb = createWorkbook({ title: 'Test' });
    expect(newDraft(report, 'OFFICIAL', wb).basedOnDraftId).toBeNull();
    const at = new Date('2026-11-28T10:00:00Z');
    const older = { ...newDraft(template, 'OFFICIAL', wb, at), businessCase: emptyBusinessCase(), modified: '2026-01-01T00:00:00.000Z' };
    const newer = { ...newDraft(template, 'OFFICIAL', wb, at), businessCase: emptyBusinessCase(), scope: { ...older.scope, serviceIds: ['svc_a'] } };
    const noData = { ...newDraft(template, 'OFFICIAL', wb, new Date('2026-12-01T10:00:00Z')) };
    const d = newDraft(report, 'OFFICIAL', { ...wb, drafts: [older, newer, noData] });
    expect(d.basedOnDraftId).toBe(newer.id);
    expect(d.scope.serviceIds).toEqual(['svc_a']);
  });

  it('set, change and clear answers, stamping the draft as modified', () => {
    const d0 = newDraft(template, 'OFFICIAL', createWorkbook({ title: 'Test' }), new Date('2026-11-28T10:00:00Z'));
    const d1 = produce(d0, (d) => setAnswer(d, 'decision', 'Approve the hub', new Date('2026-11-28T11:00:00Z')));
    expect(answerOf(d1, 'decision')).toBe('Approve the hub');
    expect(d1.modified).toBe('2026-11-28T11:00:00.000Z');
    const d2 = produce(d1, (d) => setAnswer(d, 'decision', 'Approve the new hub'));
    expect(d2.answers.filter((a) => a.questionId === 'decision')).toHaveLength(1);
    const d3 = produce(d2, (d) => setAnswer(d, 'decision', '   '));
    expect(answerOf(d3, 'decision')).toBe('');
    expect(d3.answers.map((a) => a.questionId)).toEqual(['stage']);
  });
});

describe('checking answers before export', () => {
  const draft = (answers: Record<string, string>): Pick<Draft, 'answers'> => ({
    answers: Object.entries(answers).map(([questionId, value]) => ({ questionId, value })),
  });

  it('lists each required question left blank, in the order asked, with a message naming it', () => {
    expect(checkAnswers(template.questions, draft({}), null)).toEqual([
      { questionId: 'stage', message: 'Choose an option for “stage”' },
      { questionId: 'decision', message: 'Answer “Decision sought”' },
    ]);
    expect(checkAnswers(template.questions, draft({ stage: 'SOC', decision: 'Approve' }), null)).toEqual([]);
  });

  it('ignores questions the template does not ask given the other answers', () => {
    expect(checkAnswers(template.questions, draft({ stage: 'SOC' }), new Set(['stage', 'cost']))).toEqual([]);
  });

  it('refuses answers in the wrong format even when the question is optional', () => {
    const cost = template.questions[2]!;
    for (const ok of ['1250000', '£1,250,000', '£1.25m', '250k', '£ 40,000.50']) expect(answerProblem(cost, ok), ok).toBeNull();
    for (const bad of ['a lot', '1,25,0', '£1.2.5m', '12 pounds'])
      expect(answerProblem(cost, bad), bad).toBe('Enter an amount in pounds for “Total cost”, for example 1250000 or £1.25m');
    const when = q({ id: 'date', label: 'Decision date', kind: 'date' });
    expect(answerProblem(when, '2026-02-29')).toBe('Enter a real date for “Decision date”');
    expect(answerProblem(when, '2028-02-29')).toBeNull();
    const n = q({ id: 'n', label: 'Branches', kind: 'number' });
    expect(answerProblem(n, '24')).toBeNull();
    expect(answerProblem(n, 'twenty')).toBe('Enter a number for “Branches”, for example 1250 or 3.5');
    expect(answerProblem(template.questions[0]!, 'XYZ')).toBe('Choose one of the options for “stage”');
  });

  it('treats a table with only empty rows as unanswered', () => {
    const t = q({ id: 'options', label: 'Options', kind: 'table', required: true, columns: [{ id: 'name', label: 'Option' }] });
    expect(answerProblem(t, serialiseTableAnswer([{ name: '  ' }]))).toBe('Add at least one row to “Options”');
    expect(answerProblem(t, '[{"name":""}]')).toBe('Add at least one row to “Options”');
    expect(answerProblem(t, serialiseTableAnswer([{ name: 'Do nothing' }]))).toBeNull();
  });
});

describe('table answers', () => {
  const columns = [
    { id: 'name', label: 'Option' },
    { id: 'description', label: 'Description' },
  ];
  it('round-trip as a JSON list of rows, keeping a row just added until the document is made', () => {
    const rows = [{ name: 'Do nothing', description: 'Keep the service as it is' }, { name: '', description: '' }, { name: 'Hub', description: 'Co-locate' }];
    const text = serialiseTableAnswer(rows);
    expect(parseTableAnswer(text, columns)).toEqual(rows);
    expect(filledRows(text, columns)).toEqual([rows[0], rows[2]]);
    expect(serialiseTableAnswer([{ name: ' ', description: '' }])).toBe('');
  });
  it('also read the line format the command line accepts, and tolerate odd JSON', () => {
    expect(parseTableAnswer('Do nothing | Keep it\nHub | Co-locate', columns)).toEqual([
      { name: 'Do nothing', description: 'Keep it' },
      { name: 'Hub', description: 'Co-locate' },
    ]);
    expect(parseTableAnswer('[{"name": 3}, null, "x"]', columns)).toEqual([{ name: '3', description: '' }]);
    expect(parseTableAnswer('', columns)).toEqual([]);
  });
});

describe('presentation helpers', () => {
  it('count words, not the punctuation between them', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  This paper seeks approval\n\nto co-locate —  two services. ')).toBe(8);
  });
  it('group questions under their headings in the order first met', () => {
    expect(groupQuestions(template.questions).map((g) => [g.group, g.questions.map((x) => x.id)])).toEqual([
      ['About', ['stage', 'decision']],
      ['Money', ['cost']],
    ]);
  });
  it('make field ids that are safe in the page whatever the template calls its questions', () => {
    expect(questionFieldId('decision')).toBe('doc-q-decision');
    expect(questionFieldId('a b"<x>')).toBe('doc-q-a_b__x_');
  });
});
