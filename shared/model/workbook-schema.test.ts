import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK, readEnvelope, type LooseJson } from '../../tests/fixtures/fixtures';
import { PROTECTIVE_MARKINGS, UNIVERSAL_OFFERS, OBJECTIVE_LEVELS, PARTNER_TYPES } from './vocabulary';
import { readWorkbookText, serialiseWorkbook, validateWorkbook } from './workbook-format';
import { WorkbookSchema, type Workbook } from './workbook-schema';

function completeWorkbook(): Workbook {
  const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
}

/** The complete fixture with one change, as an untrusted object (as it would arrive from a file). */
function changed(edit: (wb: LooseJson) => void): unknown {
  const { workbook } = readEnvelope(COMPLETE_WORKBOOK);
  edit(workbook);
  return workbook;
}

function problems(candidate: unknown): Array<{ path: string; message: string }> {
  const result = validateWorkbook(candidate, ['workbook']);
  if (result.ok) throw new Error('Expected the workbook to be refused');
  return result.error.issues ?? [];
}

describe('the complete workbook fixture', () => {
  const wb = completeWorkbook();

  it('is valid and has every kind of entity the model holds', () => {
    expect(wb.authority).toMatchObject({ gss: 'E10000099', type: 'County council' });
    expect(new Set(wb.objectives.map((o) => o.level))).toEqual(new Set(OBJECTIVE_LEVELS));
    expect(wb.objectives.some((o) => o.kpis.some((k) => k.baseline && k.target && k.baseline.period.start))).toBe(true);
    expect(wb.objectives.some((o) => o.source?.page && o.priority?.workshopId)).toBe(true);
    expect(new Set(wb.services.map((s) => s.offer))).toEqual(new Set(UNIVERSAL_OFFERS));
    for (const s of wb.services) expect(s.measures.length, s.name).toBeGreaterThan(0);
    expect(wb.services.some((s) => s.cost && s.staffFte !== null && s.volunteers !== null && s.branches.length > 1)).toBe(true);
    expect(new Set(wb.alignments.map((a) => a.provenance.kind))).toEqual(new Set(['officer', 'workshop', 'suggestion', 'import']));
    expect(new Set(wb.alignments.map((a) => a.strength))).toEqual(new Set([0, 1, 2, 3]));
    expect(wb.alignments.some((a) => a.provenance.note.startsWith('Agreed at workshop on') && a.provenance.workshopId)).toBe(true);
    expect(wb.alignments.some((a) => a.evidenceIds.length > 0 && a.kpiIds.length > 0)).toBe(true);
    expect(new Set(wb.evidence.map((e) => e.quality))).toEqual(new Set(['strong', 'moderate', 'limited', 'anecdotal']));
    expect(wb.partners.length).toBeGreaterThan(1);
    expect(wb.partners.every((p) => p.objectives.every((po) => po.objectiveIds.length > 0))).toBe(true);
    expect(PARTNER_TYPES).toEqual(expect.arrayContaining(wb.partners.map((p) => p.type)));
    const workshop = wb.workshops[0]!;
    expect(new Set(workshop.activities.map((a) => a.kind))).toEqual(new Set(['ideas', 'dot-vote', 'points', 'two-by-two', 'walk-the-map']));
    expect(workshop.participants.length).toBeGreaterThan(0);
    expect(workshop.decisions.length).toBeGreaterThan(0);
    expect(workshop.actions.length).toBeGreaterThan(0);
    expect(workshop.parkingLot.length).toBeGreaterThan(0);
    const ballots = workshop.activities.flatMap((a) => (a.kind === 'dot-vote' || a.kind === 'points' ? a.ballots : []));
    expect(ballots.length).toBeGreaterThan(0);
    expect(wb.drafts[0]).toMatchObject({ protectiveMarking: expect.stringMatching(PROTECTIVE_MARKINGS.join('|')) });
    expect(wb.drafts[0]!.answers.length).toBeGreaterThan(0);
  });

  it('is written exactly as the app would write it, so it also tests the serialiser', () => {
    expect(serialiseWorkbook(wb)).toBe(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  });
});

describe('schema validation', () => {
  it('fills in defaults for fields an older or hand-written file leaves out', () => {
    const parsed = WorkbookSchema.parse({
      id: 'wb_minimal0001',
      title: '  Minimal  ',
      created: '2025-01-01T00:00:00Z',
      modified: '2025-01-01T00:00:00Z',
      services: [{ id: 'svc_1', name: 'Rhymetime', offer: "Children's Promise" }],
    });
    expect(parsed.title).toBe('Minimal');
    expect(parsed.authority).toBeNull();
    expect(parsed.services[0]).toMatchObject({ outcomes: [], cost: null, staffFte: null, measures: [], branches: [] });
    expect(parsed.alignments).toEqual([]);
  });

  it('names the field, the entity and the rule for a value of the wrong type', () => {
    const issues = problems(
      changed((wb) => {
        wb.services[1].staffFte = 'one and a half';
      }),
    );
    expect(issues).toEqual([
      { path: 'workbook.services[1] “Digital Champions drop-in sessions”.staffFte', message: 'Expected a number' },
    ]);
  });

  it('reports a missing required field, an unknown field and a bad enum value at their paths', () => {
    const issues = problems(
      changed((wb) => {
        delete wb.objectives[0].title;
        wb.services[0].colour = 'blue';
        wb.services[0].offer = 'Libraries';
        wb.alignments[2].strength = 5;
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'workbook.objectives[0].title', message: 'This is required but missing' },
        { path: 'workbook.services[0] “Reading groups”', message: 'Unexpected field "colour"' },
        { path: 'workbook.services[0] “Reading groups”.offer', message: expect.stringMatching(/^Must be one of: "Reading", "Information and Digital"/) },
        { path: 'workbook.alignments[2].strength', message: 'Strength must be 0 (none), 1 (weak), 2 (medium) or 3 (strong)' },
      ]),
    );
  });

  it('reports problems deep inside KPIs and workshop activities', () => {
    const issues = problems(
      changed((wb) => {
        wb.objectives[1].kpis[0].baseline.period.start = '31/03/2024';
        wb.workshops[0].activities[3].placements[0].x = 1.5;
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'workbook.objectives[1] “Reduce loneliness and social isolation among older residents”.kpis[0].baseline.period.start',
      'workbook.workshops[0] “Libraries and the Council Plan: partner workshop”.activities[3].placements[0].x',
    ]);
    expect(issues[0]!.message).toBe('Expected a date such as 2023-04-01');
  });

  it('refuses an unknown workshop activity kind', () => {
    const issues = problems(
      changed((wb) => {
        wb.workshops[0].activities[0].kind = 'world-cafe';
      }),
    );
    expect(issues[0]!.path).toBe('workbook.workshops[0] “Libraries and the Council Plan: partner workshop”.activities[0].kind');
  });

  it('refuses links that are not http(s), such as javascript: and file:', () => {
    for (const url of ['javascript:alert(1)', 'file:///C:/Windows/system.ini', 'data:text/html,<b>x</b>', 'https://']) {
      const issues = problems(
        changed((wb) => {
          wb.evidence[0].url = url;
        }),
      );
      expect(issues, url).toEqual([
        {
          path: 'workbook.evidence[0] “Further analysis to value the health and educational benefit…”.url',
          message: 'Link must start with https:// or http://',
        },
      ]);
    }
  });

  it('refuses ids that are not short tokens', () => {
    const issues = problems(
      changed((wb) => {
        wb.services[0].id = 'svc <script>';
        wb.services[1].id = `svc_${'x'.repeat(80)}`;
      }),
    );
    expect(issues.map((i) => i.message)).toEqual([
      'Id may contain only letters, digits, "_" and "-"',
      'Id is longer than 64 characters',
    ]);
  });

  it('refuses a non-English GSS code and empty titles', () => {
    const issues = problems(
      changed((wb) => {
        wb.authority.gss = 'W06000015';
        wb.objectives[0].title = '   ';
      }),
    );
    expect(issues).toHaveLength(2);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'workbook.objectives[0].title', message: 'This must not be empty' },
        { path: 'workbook.authority.gss', message: 'Expected an English GSS code such as E10000012' },
      ]),
    );
  });

  it('lists at most 20 problems but counts them all', () => {
    const result = validateWorkbook(
      changed((wb) => {
        for (const s of wb.services) {
          s.staffFte = -1;
          s.volunteers = -1;
          s.offer = 'None';
        }
      }),
      ['workbook'],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toHaveLength(20);
    expect(result.error.message).toMatch(/\(and 29 more problems\)\.$/);
  });
});
