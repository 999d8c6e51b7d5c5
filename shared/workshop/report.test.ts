import { describe, expect, it } from 'vitest';
import { documentPlainText } from '../documents/plain-text';
import { headingsOf, type TableBlock } from '../documents/model';
import { newId } from '../model/ids';
import { loadSampleWorkbook } from '../samples/sample-workbook';
import type { Workbook } from '../model/workbook-schema';
import { buildWorkshopReport } from './report';

function sample(): Workbook {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  return structuredClone(r.value);
}
const AT = new Date('2025-02-13T10:00:00Z');
const tables = (doc: NonNullable<ReturnType<typeof buildWorkshopReport>>) =>
  doc.sections.flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === 'table');

describe('the workshop report', () => {
  it('follows the report structure public bodies expect', () => {
    const doc = buildWorkshopReport(sample(), 'wks_nsc_leadership_2025', { generatedAt: AT })!;
    expect(
      headingsOf(doc)
        .filter((h) => h.level === 1)
        .map((h) => h.text),
    ).toEqual([
      'Summary',
      'Purpose, scope and authority',
      'Date, venue, facilitator and attendees',
      'Agenda and methods',
      'What the room said and chose',
      'The map as agreed',
      'Decisions',
      'Disagreements and minority views',
      'Actions',
      'Parking lot',
      'What happens next',
    ]);
    expect(doc.properties).toMatchObject({
      title: 'Workshop report: Libraries and the Council Plan: leadership workshop',
      language: 'en-GB',
      author: 'Sam Ellison',
    });
    expect(new Set(headingsOf(doc).map((h) => h.id)).size).toBe(headingsOf(doc).length);
  });

  it('gives headings that repeat a title starting with a digit distinct ids that still start with a letter', () => {
    const wb = sample();
    const w = wb.workshops.find((x) => x.id === 'wks_nsc_leadership_2025')!;
    for (const a of w.activities) a.title = '100 points';
    const ids = headingsOf(buildWorkshopReport(wb, w.id, { generatedAt: AT })!)
      .filter((h) => h.text === '100 points')
      .map((h) => h.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('states the methods, voting modes, number of voters and the ties', () => {
    const text = documentPlainText(
      buildWorkshopReport(sample(), 'wks_nsc_leadership_2025', { generatedAt: AT })!,
    );
    expect(text).toContain('Method: Dot vote (3 dots each, secret ballots, 14 voters).');
    expect(text).toContain('Dot vote (2 dots each, one per option, counted from a paper wall, 14 voters)');
    // Plain text has straight quotes.
    expect(text).toContain(
      'Ties: "Benefits advice surgeries in the six busiest libraries" and "Lend tablets with data to people leaving hospital" received the same number of dots. The room re-voted on the tied items',
    );
    expect(text).toContain('came joint first (9 dots)');
    expect(text).toContain('Level of influence: Consult.');
    expect(text).toContain('Manages the library service, so not independent of the outcome');
  });

  it('includes decisions, dissent, objections, actions with owners, parking-lot dispositions and what happens next', () => {
    const doc = buildWorkshopReport(sample(), 'wks_nsc_leadership_2025', { generatedAt: AT })!;
    const text = documentPlainText(doc);
    expect(text).toContain('Two participants argued for leading with children');
    expect(text).toContain('The Jobcentre Plus partner thought strong overstates a six-month pilot');
    const actions = tables(doc).find((t) => t.caption === 'Actions')!;
    expect(actions.rows).toHaveLength(4);
    expect(
      actions.rows[0]!.map((c) => c.content.map((i) => (i.kind === 'text' ? i.text : '')).join('')),
    ).toEqual([
      'Start recording warm space visitors separately from footfall',
      'Area Manager (East)',
      '31 October 2025',
      'Open',
      'Monthly warm space counts appear in the performance report',
    ]);
    expect(text).toContain('A food bank run by the library service: Outside the library service');
    expect(text).toContain('When you will hear back: by 14 March 2025.');
    const map = tables(doc).find((t) => t.caption === 'Links agreed by the room')!;
    expect(map.rows).toHaveLength(12);
    expect(
      map.rows.every(
        (r) => r[4]!.content[0]!.kind === 'text' && (r[4]!.content[0] as { text: string }).text === 'Yes',
      ),
    ).toBe(true);
  });

  it('anonymises contributions: no authors, and attendance by organisation unless names are asked for', () => {
    const wb = sample();
    const w = wb.workshops[0]!;
    w.anonymity = 'named';
    w.participants.push({
      id: newId('participant'),
      name: 'Priya Natarajan',
      organisation: 'Northshire Libraries',
      role: 'Strategy manager',
    });
    const ideas = w.activities.find((a) => a.kind === 'ideas');
    if (ideas?.kind === 'ideas') ideas.ideas[0]!.author = 'Priya Natarajan';
    w.activities[0]!.notes = 'PRIVATE NOTE';
    const text = documentPlainText(buildWorkshopReport(wb, w.id, { generatedAt: AT })!);
    expect(text).not.toContain('Priya Natarajan');
    expect(text).not.toContain('PRIVATE NOTE');
    expect(text).toContain('Northshire Libraries');
    const named = documentPlainText(buildWorkshopReport(wb, w.id, { generatedAt: AT, includeNames: true })!);
    expect(named).toContain('Priya Natarajan');
    expect(named).not.toContain('PRIVATE NOTE');
  });

  it('says plainly when something did not happen, and marks an unclosed session as a draft', () => {
    const wb = sample();
    const w = wb.workshops[0]!;
    w.status = 'running';
    w.decisions = [];
    w.parkingLot = [];
    const vote = w.activities.find((a) => a.kind === 'dot-vote');
    if (vote?.kind === 'dot-vote') vote.revealed = false;
    const doc = buildWorkshopReport(wb, w.id, { generatedAt: AT })!;
    const text = documentPlainText(doc);
    expect(text).toContain('No decisions were recorded.');
    expect(text).toContain('Nothing was parked.');
    expect(text).toContain(
      'The results of this vote were not revealed in the session, so they are not reported.',
    );
    expect(doc.titlePage.details).toContainEqual({
      label: 'Status',
      value: 'Draft: the session has not been closed',
    });
    expect(buildWorkshopReport(wb, 'wks_missing', { generatedAt: AT })).toBeNull();
  });

  it('never leaves a table cell empty, and gives options with nothing a place in words, not “joint 11th”', () => {
    const wb = sample();
    const w = wb.workshops.find((x) => x.id === 'wks_nsc_leadership_2025')!;
    w.decisions.push({
      id: newId('decision'),
      text: 'Pilot tablet loans',
      rationale: '',
      method: '',
      result: '',
      decidedBy: '',
      dissent: '',
    });
    w.parkingLot.push({
      id: newId('parked'),
      text: 'Mobile library routes',
      disposition: 'open',
      detail: '',
      owner: '',
    });
    const vote = w.activities.find((a) => a.kind === 'dot-vote' && a.revealed)!;
    if (vote.kind !== 'dot-vote') throw new Error('no vote');
    // Two options nobody voted for.
    vote.optionIds.push(
      ...wb.objectives
        .filter((o) => o.level === 'objective' && !vote.optionIds.includes(o.id))
        .slice(0, 2)
        .map((o) => o.id),
    );
    const doc = buildWorkshopReport(wb, w.id, { generatedAt: AT })!;
    for (const table of tables(doc))
      for (const row of table.rows)
        for (const c of row) {
          const text = c.content.map((i) => ('text' in i ? i.text : '')).join('');
          expect(text.trim(), `a cell in “${table.caption}”`).not.toBe('');
          expect(text).not.toBe('None');
        }
    const results = tables(doc).find((x) => x.caption === `Results of “${vote.title}”`)!;
    const places = results.rows.map((r) =>
      r[r.length - 1]!.content.map((i) => ('text' in i ? i.text : '')).join(''),
    );
    const zero = results.rows.filter(
      (r) => r[2]!.content.map((i) => ('text' in i ? i.text : '')).join('') === '0',
    );
    expect(zero.length).toBeGreaterThan(0);
    expect(places.filter((x) => x === 'No dots')).toHaveLength(zero.length);
    expect(places.some((x) => /joint \d+th/.test(x) && zero.length > 1)).toBe(false);
  });

  it('has a “we heard, we did, what happens next” table and says why there are no next steps', () => {
    const wb = sample();
    const w = wb.workshops.find((x) => x.id === 'wks_nsc_leadership_2025')!;
    const doc = buildWorkshopReport(wb, w.id, { generatedAt: AT })!;
    const table = tables(doc).find((x) => x.caption === 'We heard, we did, what happens next')!;
    expect(table.columns.map((c) => c.header)).toEqual(['We heard', 'We did', 'What happens next']);
    const text = documentPlainText(doc);
    for (const a of w.actions) expect(text).toContain(a.text);
    expect(table.rows.length).toBeGreaterThanOrEqual(w.actions.length + w.decisions.length);
    w.nextSteps = '';
    w.noNextStepsReason = 'a listening session; the council replies in its consultation response.';
    expect(documentPlainText(buildWorkshopReport(wb, w.id, { generatedAt: AT })!)).toContain(
      'There are no next steps: a listening session; the council replies in its consultation response.',
    );
  });
});
