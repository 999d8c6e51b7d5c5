/**
 * The whole analysis and its summary paragraph. Each sentence is checked word for word against the numbers
 * worked out in coverage.test.ts for the hand-built workbook.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyWorkbook,
  handBuiltWorkbook,
  link,
  objective,
  service,
} from '../../tests/fixtures/hand-built-workbook';
import { analyseWorkbook } from './report';

describe('analyseWorkbook', () => {
  it('totals the hand-built workbook', () => {
    expect(analyseWorkbook(handBuiltWorkbook()).totals).toEqual({
      objectives: 9,
      // Without children: Fewer lonely adults, More active people, Digital skills for all, Support new firms,
      // Keep the roads safe, Every child ready for school.
      assessable: 6,
      covered: 3,
      strong: 2,
      services: 7,
      linkedServices: 3,
      // Rhymetime's 0 is not a link.
      links: 5,
      evidencedLinks: 3,
    });
  });

  it('carries every part of the analysis', () => {
    const r = analyseWorkbook(handBuiltWorkbook());
    expect(r.objectives).toHaveLength(9);
    expect(r.services).toHaveLength(7);
    expect(r.gaps.map((g) => g.objectiveId)).toEqual(['obj_O2', 'obj_O6', 'obj_O4', 'obj_O5']);
    expect(r.unlinkedServiceIds).toEqual(['svc_S3', 'svc_S5', 'svc_S6', 'svc_S7']);
    expect(r.weakClaims.map((c) => c.alignmentId)).toEqual(['aln_A3', 'aln_A4', 'aln_A6']);
    expect(r.outcomes).toHaveLength(7);
    expect(r.suggestions).toHaveLength(7);
  });

  it('writes the summary of a realistic workbook sentence by sentence', () => {
    const sentences = analyseWorkbook(handBuiltWorkbook()).summary.split(/(?<=\.) (?=[0-9A-Z“])/);
    expect(sentences).toEqual([
      'Of Essex library service’s 7 services, 3 contribute to 3 of the council’s 6 objectives (50%), with a strong contribution to 2.',
      // Scores: Digital skills for all 12, Fewer lonely adults 9, More active people 1.
      'The strongest contributions are to “Digital skills for all”, “Fewer lonely adults” and 1 other.',
      'Three objectives have no library contribution yet (“Support new firms”, “Keep the roads safe” and “Every child ready for school”), which may be opportunities.',
      'One objective has only weak contributions.',
      'Four services are not yet linked to any objective (“Rhymetime”, “Exhibitions”, “Reading Well” and 1 other) and could be questioned in a budget round.',
      // 3 of 5 links.
      'Of the 5 links, 60% cite evidence.',
      'Three medium or strong claims rest on weak or no evidence and should be strengthened before the case goes to committee.',
    ]);
  });

  it('says there is nothing to assess in an empty workbook', () => {
    const r = analyseWorkbook(emptyWorkbook());
    expect(r.summary).toBe(
      'The library service has not recorded any council objectives yet, so there is nothing to assess.',
    );
    expect(r.totals).toEqual({
      objectives: 0,
      assessable: 0,
      covered: 0,
      strong: 0,
      services: 0,
      linkedServices: 0,
      links: 0,
      evidencedLinks: 0,
    });
    expect(r.gaps).toEqual([]);
  });

  it('says no contribution can be shown without services, counting only the objectives assessed', () => {
    const wb = emptyWorkbook();
    wb.authority = {
      gss: 'E06000014',
      name: 'York',
      type: 'Unitary authority',
      region: 'Yorkshire and The Humber',
      population: null,
    };
    wb.objectives = [
      objective('obj_T', 'A greener city', 'theme', null),
      objective('obj_A', 'Net zero by 2030', 'objective', 'obj_T'),
      objective('obj_B', 'More trees', 'objective', 'obj_T'),
    ];
    const r = analyseWorkbook(wb);
    expect(r.summary).toBe(
      'York library service has recorded 2 objectives but no services yet, so no contribution can be shown.',
    );
    // Both objectives are gaps, with no candidates (there are no services to suggest).
    expect(r.gaps.map((g) => [g.title, g.status, g.candidates.length])).toEqual([
      ['Net zero by 2030', 'gap', 0],
      ['More trees', 'gap', 0],
    ]);
  });

  it('writes one objective, one service and one evidenced strong link in the singular, with no warnings until the evidence goes', () => {
    const wb = emptyWorkbook();
    wb.objectives = [objective('obj_A', 'Every child reads well', 'objective', null)];
    wb.services = [service('svc_A', 'Summer Reading Challenge', "Children's Promise", [2])];
    wb.evidence = [
      {
        id: 'evd_A',
        title: 'SRC evaluation',
        publisher: '',
        year: '2024',
        url: '',
        keyFinding: '',
        figure: '',
        kind: 'report',
        quality: 'strong',
        origin: 'officer',
        libraryRef: '',
      },
    ];
    wb.alignments = [link('aln_A', 'svc_A', 'obj_A', 3, 'high', ['evd_A'])];
    expect(analyseWorkbook(wb).summary).toBe(
      'The library service’s 1 service contributes to 1 of the council’s 1 objective (100%), with a strong contribution to 1. The strongest contribution is to “Every child reads well”. The one link cites evidence.',
    );
    wb.alignments[0]!.evidenceIds = [];
    expect(analyseWorkbook(wb).summary).toMatch(
      /The one link does not cite evidence\. One medium or strong claim rests on weak or no evidence and should be strengthened before the case goes to committee\.$/,
    );
  });

  it('lists at most three names and counts the rest', () => {
    const wb = emptyWorkbook();
    wb.objectives = ['A', 'B', 'C', 'D', 'E'].map((t) =>
      objective(`obj_${t}`, `Objective ${t}`, 'objective', null),
    );
    wb.services = [service('svc_A', 'Library', 'Reading', [])];
    expect(analyseWorkbook(wb).summary).toContain(
      'Five objectives have no library contribution yet (“Objective A”, “Objective B”, “Objective C” and 2 others)',
    );
  });
});
