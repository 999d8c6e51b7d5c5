import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEnvelope, VERSION_1_WORKBOOK, VERSION_3_WORKBOOK } from '../../tests/fixtures/fixtures';
import { CURRENT_VERSION, MIGRATIONS, migrate } from './migrations';
import { readWorkbookText, serialiseWorkbook } from './workbook-format';

const v1Text = readFileSync(VERSION_1_WORKBOOK, 'utf8');

function openV1() {
  const read = readWorkbookText(v1Text);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

describe('opening a version 1 workbook', () => {
  it('is really a version 1 file, with periods as plain labels', () => {
    const envelope = readEnvelope(VERSION_1_WORKBOOK);
    expect(envelope.version).toBe(1);
    expect(CURRENT_VERSION).toBeGreaterThan(1);
    expect(typeof envelope.workbook.services[0].measures[0].period).toBe('string');
    expect(typeof envelope.workbook.objectives[1].kpis[0].baseline.period).toBe('string');
  });

  it('reports the version it was written in', () => {
    expect(openV1().fileVersion).toBe(1);
  });

  it('turns KPI baseline and target labels into structured periods', () => {
    const { workbook } = openV1();
    const kpi = (name: string) => workbook.objectives.flatMap((o) => o.kpis).find((k) => k.name === name)!;
    expect(kpi('Adults who feel lonely often or always').baseline).toEqual({
      value: 7.9,
      period: { label: '2023/24', start: '2023-04-01', end: '2024-03-31' },
    });
    expect(kpi('Adults who feel lonely often or always').target?.period).toEqual({ label: '2027/28', start: '2027-04-01', end: '2028-03-31' });
    expect(kpi('Reading Well books issued').baseline?.period).toEqual({ label: 'Q2 2024/25', start: '2024-07-01', end: '2024-09-30' });
    expect(kpi('Jobclub attendances referred by Jobcentre Plus').baseline?.period).toEqual({
      label: '2023-04-01/P3M',
      start: '2023-04-01',
      end: '2023-06-30',
    });
    expect(kpi('Under-fives attending Rhymetime').target).toBeNull();
  });

  it('turns service measure and cost labels into structured periods, keeping labels it cannot date', () => {
    const { workbook } = openV1();
    const service = (name: string) => workbook.services.find((s) => s.name === name)!;
    const readingGroups = service('Reading groups');
    expect(readingGroups.measures.map((m) => m.period)).toEqual([
      { label: '2023/24', start: '2023-04-01', end: '2024-03-31' },
      { label: 'Autumn term 2024', start: null, end: null },
    ]);
    expect(readingGroups.cost?.period).toEqual({ label: '2022 – 2023', start: '2022-04-01', end: '2023-03-31' });
    expect(service('Home Library Service and audiobooks').measures[1]!.period).toEqual({
      label: '2023-04-01/P1Y',
      start: '2023-04-01',
      end: '2024-03-31',
    });
    expect(service('Rhymetime and Storytime for under-fives').measures[1]!.period).toEqual({
      label: 'March 2024',
      start: '2024-03-01',
      end: '2024-03-31',
    });
    expect(service('Rhymetime and Storytime for under-fives').cost).toEqual({
      amount: 4100,
      period: { label: '', start: null, end: null },
      source: 'Events budget',
    });
  });

  it('leaves everything else as it was', () => {
    const { workbook } = openV1();
    const original = readEnvelope(VERSION_1_WORKBOOK).workbook;
    expect(workbook.title).toBe(original.title);
    expect(workbook.alignments).toEqual(original.alignments);
    expect(workbook.evidence).toEqual(original.evidence);
    expect(workbook.partners).toEqual(original.partners);
    expect(workbook.services.map((s) => s.id)).toEqual(original.services.map((s: { id: string }) => s.id));
  });

  it('re-serialises as the current version, which reads back identically and is not migrated again', () => {
    const { workbook } = openV1();
    const text = serialiseWorkbook(workbook);
    expect(JSON.parse(text)).toMatchObject({ format: 'alignment-workbench', version: CURRENT_VERSION });
    const again = readWorkbookText(text);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.fileVersion).toBe(CURRENT_VERSION);
    expect(again.value.workbook).toEqual(workbook);
    expect(serialiseWorkbook(again.value.workbook)).toBe(text);
  });
});

describe('version 2 to 3: drafts gain a scope', () => {
  const draft = { id: 'drf_1', templateId: 'five-case-business-case', title: 'Case', answers: [], created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z' };

  it('gives a draft written before scopes the whole service, as it described before', () => {
    expect(MIGRATIONS[2]!({ drafts: [draft] })).toEqual({
      drafts: [{ ...draft, scope: { wholeService: true, serviceIds: [], objectiveIds: [], amount: null, period: { label: '', start: null, end: null } } }],
    });
  });

  it('keeps a scope that is already there and leaves odd values for validation', () => {
    const scoped = { ...draft, scope: { wholeService: false, serviceIds: ['svc_1'] } };
    expect(MIGRATIONS[2]!({ drafts: [scoped, 'odd'] })).toEqual({ drafts: [scoped, 'odd'] });
    expect(MIGRATIONS[2]!({ drafts: null })).toEqual({ drafts: null });
  });
});

describe('migrate', () => {
  it('has one step for every version below the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) expect(typeof MIGRATIONS[v], `step from version ${v}`).toBe('function');
  });

  it('runs steps in order, one per version', () => {
    const seen: number[] = [];
    const steps = {
      1: (wb: Record<string, unknown>) => (seen.push(1), { ...wb, one: true }),
      2: (wb: Record<string, unknown>) => (seen.push(2), { ...wb, two: wb.one === true }),
    };
    expect(migrate({}, 1, steps, 3)).toEqual({ one: true, two: true });
    expect(seen).toEqual([1, 2]);
    expect(migrate({ x: 1 }, 3, steps, 3)).toEqual({ x: 1 });
  });

  it('refuses to skip a missing step', () => {
    expect(() => migrate({}, 1, {}, 2)).toThrow('No migration from file format version 1');
  });

  it('leaves values it does not understand for validation to report', () => {
    const odd = { services: [{ measures: 'not a list', cost: { amount: 1, period: 7 } }, 'not an object'], objectives: null };
    expect(migrate(odd, 1)).toEqual(odd);
  });

  it('reports a version 1 file that cannot be upgraded cleanly as a located problem, not a crash', () => {
    const envelope = readEnvelope(VERSION_1_WORKBOOK);
    envelope.workbook.services[0].measures[0].period = 42;
    const read = readWorkbookText(JSON.stringify(envelope));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe('INVALID_WORKBOOK');
    expect(read.error.message).toMatch(/workbook\.services\[0\] “Reading groups”\.measures\[0\]\.period: Expected an object, found number 42/);
  });
});

describe('opening a version 3 workbook', () => {
  const v3Text = readFileSync(VERSION_3_WORKBOOK, 'utf8');

  it('reads with nothing lost: drafts gain empty decision data, and saving writes the current version', () => {
    expect(readEnvelope(VERSION_3_WORKBOOK).version).toBe(3);
    const read = readWorkbookText(v3Text);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.fileVersion).toBe(3);
    const original = readEnvelope(VERSION_3_WORKBOOK).workbook;
    const { workbook } = read.value;
    expect(workbook.drafts.map((d) => [d.id, d.businessCase, d.basedOnDraftId])).toEqual(original.drafts.map((d: { id: string }) => [d.id, null, null]));
    expect(workbook.objectives.map((o) => o.title)).toEqual(original.objectives.map((o: { title: string }) => o.title));
    expect(workbook.alignments).toHaveLength(original.alignments.length);
    expect(JSON.parse(serialiseWorkbook(workbook))).toMatchObject({ version: CURRENT_VERSION });
  });
});
