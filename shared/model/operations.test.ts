/**
 * Cascade-safe edits on the complete fixture (every kind of entity and reference): after each one the workbook
 * must still pass validateWorkbook, and the references must have gone, or moved, exactly where expected.
 */
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import { emptyWorkbook, link, objective } from '../../tests/fixtures/hand-built-workbook';
import {
  ensureLibraryEvidence,
  indentObjective,
  mergeObjectives,
  moveAmongSiblings,
  moveObjectiveTo,
  normaliseHierarchy,
  outdentObjective,
  removeEvidence,
  removeKpi,
  removeLink,
  removeDraft,
  removeObjective,
  removePartner,
  removeService,
  setLink,
} from './operations';
import { readWorkbookText, validateWorkbook } from './workbook-format';
import type { Workbook } from './workbook-schema';

const FIXTURE_TEXT = readFileSync(COMPLETE_WORKBOOK, 'utf8');

function fixture(): Workbook {
  const read = readWorkbookText(FIXTURE_TEXT);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
}

function expectValid(wb: Workbook) {
  const checked = validateWorkbook(wb);
  expect(checked.ok ? [] : (checked.error.issues ?? [{ path: '', message: checked.error.message }])).toEqual(
    [],
  );
}

// The fixture's ids, by what they are.
const O = {
  healthTheme: 'obj_4mcu64ruuku7',
  loneliness: 'obj_ivgm8zzcazcq',
  lonelinessOutcome: 'obj_gr7q22pc2qpy',
  healthLiteracy: 'obj_kmtiu5zcytt4',
  economyTheme: 'obj_mjrwa6grvxk5',
  digitalSkills: 'obj_gxr8v59rwn3m',
  jobseekers: 'obj_4vfjz6vsks76',
  childrenTheme: 'obj_jtqgg62hu4ny',
  reading: 'obj_zffage9ww92z',
  families: 'obj_kcyc96yjzvhp',
};
const S = {
  readingGroups: 'svc_sdxwttgapk4d',
  digitalChampions: 'svc_97svgpy3b6hi',
  computers: 'svc_5vf7v2zsjbi6',
  readingWell: 'svc_pbr3dhfrs2jg',
  chattyCafe: 'svc_cp7evzyavz5g',
  authorEvents: 'svc_97iutsgi7hy6',
  summerReading: 'svc_yy6chwa5g9d5',
  rhymetime: 'svc_79kwvjzmnj3n',
  homeLibrary: 'svc_5b6sp3cjm3ne',
  jobclub: 'svc_wtnm4p63j4im',
};

const workshop = (wb: Workbook) => wb.workshops[0]!;
const activity = <K extends Workbook['workshops'][number]['activities'][number]['kind']>(
  wb: Workbook,
  kind: K,
) =>
  workshop(wb).activities.find((a) => a.kind === kind) as Extract<
    Workbook['workshops'][number]['activities'][number],
    { kind: K }
  >;
const allVotes = (wb: Workbook) =>
  workshop(wb)
    .activities.flatMap((a) =>
      a.kind === 'dot-vote' || a.kind === 'points' ? a.ballots.flatMap((b) => b.allocations) : [],
    )
    .reduce((n, al) => n + al.amount, 0);
const titles = (wb: Workbook) =>
  wb.objectives.map(
    (o) =>
      `${o.title} (${o.level}${o.parentId ? ` under ${wb.objectives.find((p) => p.id === o.parentId)?.title}` : ''})`,
  );

describe('the fixture', () => {
  it('starts valid', () => expectValid(fixture()));
});

describe('removeService', () => {
  it('removes its links, dismissed suggestions, votes, grid places and workshop scope, and stays valid', () => {
    const wb = fixture();
    wb.dismissedSuggestions.push({ serviceId: S.digitalChampions, objectiveId: O.reading });
    removeService(wb, S.digitalChampions);
    expectValid(wb);
    expect(wb.services.some((s) => s.id === S.digitalChampions)).toBe(false);
    expect(wb.alignments.some((a) => a.serviceId === S.digitalChampions)).toBe(false);
    expect(wb.alignments).toHaveLength(9);
    expect(wb.dismissedSuggestions).toEqual([]);
    const points = activity(wb, 'points');
    expect(points.optionIds).toEqual([S.chattyCafe, S.summerReading, S.homeLibrary]);
    expect(points.scope.serviceIds).not.toContain(S.digitalChampions);
    expect(points.ballots.flatMap((b) => b.allocations.map((a) => a.optionId))).not.toContain(
      S.digitalChampions,
    );
  });

  it('keeps ideas captured against it, with no target, and drops its walk-the-map proposals', () => {
    const wb = fixture();
    removeService(wb, S.jobclub);
    expectValid(wb);
    const idea = activity(wb, 'ideas').ideas.find((i) => i.id === 'ide_7zkhz44dvbb5')!;
    expect(idea.targetId).toBeNull();
    expect(idea.text).toBe('Jobclub at Felpersham as well as Borchester');
    expect(activity(wb, 'walk-the-map').proposals.map((p) => p.serviceId)).toEqual([
      S.chattyCafe,
      S.homeLibrary,
      S.authorEvents,
    ]);
  });

  it('does nothing to a workbook without that service', () => {
    const wb = fixture();
    removeService(wb, 'svc_notthere');
    expect(wb).toEqual(fixture());
  });
});

describe('removeObjective', () => {
  it('removes a theme with everything beneath it and every reference to them, and stays valid', () => {
    const wb = fixture();
    // A surviving link that cites a KPI of an objective about to go.
    wb.alignments.find((a) => a.id === 'aln_zym9cfrgpkb3')!.kpiIds.push('kpi_gsmabtezjfe7');
    wb.dismissedSuggestions.push({ serviceId: S.computers, objectiveId: O.healthLiteracy });
    removeObjective(wb, O.healthTheme);
    expectValid(wb);
    expect(wb.objectives.map((o) => o.id)).toEqual([
      O.economyTheme,
      O.digitalSkills,
      O.jobseekers,
      O.childrenTheme,
      O.reading,
      O.families,
    ]);
    expect(wb.alignments.map((a) => a.id)).toEqual([
      'aln_zym9cfrgpkb3',
      'aln_4pdg4jsbw563',
      'aln_xtmddnchchk2',
      'aln_t6xqcriefiiv',
      'aln_2swthehw2wym',
    ]);
    expect(wb.alignments[0]!.kpiIds).toEqual(['kpi_5ndiwqmu8drq']);
    expect(wb.dismissedSuggestions).toEqual([]);
    // The ICB's objectives overlapped only with health ones.
    expect(wb.partners[0]!.objectives.map((po) => po.objectiveIds)).toEqual([[], []]);
    const w = workshop(wb);
    expect(activity(wb, 'dot-vote').optionIds).toEqual([O.digitalSkills, O.reading]);
    expect(activity(wb, 'ideas').ideas.find((i) => i.id === 'ide_3xkde4vr2q4e')!.targetId).toBeNull();
    expect(activity(wb, 'walk-the-map').proposals.map((p) => p.objectiveId)).toEqual([O.jobseekers]);
    expect(w.actions.map((a) => a.objectiveId)).toEqual([null, O.jobseekers, null]);
  });

  it('removes only the outcome when an outcome goes', () => {
    const wb = fixture();
    removeObjective(wb, O.families);
    expectValid(wb);
    expect(wb.objectives).toHaveLength(9);
    expect(wb.alignments.some((a) => a.objectiveId === O.families)).toBe(false);
  });

  it('works as one immer step, leaving the original untouched', () => {
    const before = fixture();
    const after = produce(before, (draft) => removeObjective(draft, O.economyTheme));
    expectValid(after);
    expect(after.objectives).toHaveLength(7);
    expect(before).toEqual(fixture());
  });
});

describe('removeEvidence, removeKpi, removePartner, removeLink', () => {
  it('removes evidence from links, services and objectives', () => {
    const wb = fixture();
    removeEvidence(wb, 'evd_3he4yzfakq3g');
    expectValid(wb);
    expect(wb.evidence).toHaveLength(5);
    expect(wb.alignments.find((a) => a.id === 'aln_ieqid3jfn39v')!.evidenceIds).toEqual([]);
    expect(wb.services.find((s) => s.id === S.readingWell)!.evidenceIds).toEqual([]);
    expect(wb.objectives.find((o) => o.id === O.healthLiteracy)!.evidenceIds).toEqual([]);
  });

  it('removes a KPI from its objective and from every link that cites it', () => {
    const wb = fixture();
    removeKpi(wb, O.loneliness, 'kpi_gsmabtezjfe7');
    expectValid(wb);
    expect(wb.objectives.find((o) => o.id === O.loneliness)!.kpis).toEqual([]);
    expect(wb.alignments.find((a) => a.id === 'aln_6rjqey8xw4k8')!.kpiIds).toEqual(['kpi_f5sh34ucr6qv']);
    expect(wb.alignments.find((a) => a.id === 'aln_7ih4iqpsh7g6')!.kpiIds).toEqual([]);
    // The business case's planned benefit it measured is unlinked; the other keeps its own measure.
    expect(wb.drafts[0]!.businessCase!.management.benefits.map((b) => b.kpiId)).toEqual([null, null]);
  });

  it('removes a partner and unhooks the drafts addressed to it', () => {
    const wb = fixture();
    removePartner(wb, 'ptn_zjjgaikjux2x');
    expectValid(wb);
    expect(wb.partners).toHaveLength(3);
    expect(wb.drafts[0]!.partnerId).toBeNull();
  });

  it('removes one link only', () => {
    const wb = fixture();
    removeLink(wb, S.chattyCafe, O.loneliness);
    expectValid(wb);
    expect(wb.alignments.map((a) => a.id)).not.toContain('aln_6rjqey8xw4k8');
    expect(wb.alignments).toHaveLength(9);
  });
});

describe('setLink', () => {
  const provenance = { kind: 'officer' as const, date: '2026-11-28', by: 'Test', workshopId: null, note: '' };

  it('creates a link with defaults and the provenance, and clears a dismissal of that pair', () => {
    const wb = fixture();
    wb.dismissedSuggestions.push(
      { serviceId: S.readingGroups, objectiveId: O.reading },
      { serviceId: S.rhymetime, objectiveId: O.reading },
    );
    const made = setLink(wb, S.readingGroups, O.reading, { strength: 2 }, provenance);
    expectValid(wb);
    expect(made).toMatchObject({
      serviceId: S.readingGroups,
      objectiveId: O.reading,
      strength: 2,
      confidence: 'medium',
      rationale: '',
      evidenceIds: [],
      kpiIds: [],
      provenance,
    });
    expect(wb.alignments.at(-1)).toBe(made);
    expect(wb.dismissedSuggestions).toEqual([{ serviceId: S.rhymetime, objectiveId: O.reading }]);
  });

  it('updates an existing link in place rather than adding a second', () => {
    const wb = fixture();
    setLink(wb, S.chattyCafe, O.loneliness, { strength: 2, confidence: 'low' }, provenance);
    expectValid(wb);
    expect(wb.alignments).toHaveLength(10);
    const l = wb.alignments.find((a) => a.id === 'aln_6rjqey8xw4k8')!;
    expect([l.strength, l.confidence, l.evidenceIds.length, l.provenance.kind]).toEqual([
      2,
      'low',
      2,
      'workshop',
    ]);
  });
});

describe('mergeObjectives', () => {
  it('combines links to the strongest, unions evidence and KPIs, and redirects partner and workshop references', () => {
    const wb = fixture();
    // Chatty Café and the Home Library Service are linked to both objectives being merged.
    wb.alignments.push(
      {
        ...link('aln_extra1', S.chattyCafe, O.healthLiteracy, 1, 'low', ['evd_3he4yzfakq3g']),
        rationale: 'Some health talks.',
        kpiIds: ['kpi_cfcrcw7pwgxh'],
      },
      link('aln_extra2', S.homeLibrary, O.healthLiteracy, 3, 'high'),
    );
    wb.dismissedSuggestions.push({ serviceId: S.computers, objectiveId: O.healthLiteracy });
    const votesBefore = allVotes(wb);

    mergeObjectives(wb, O.loneliness, [O.healthLiteracy]);
    expectValid(wb);

    expect(wb.objectives.map((o) => o.id)).not.toContain(O.healthLiteracy);
    const kept = wb.objectives.find((o) => o.id === O.loneliness)!;
    expect(kept.kpis.map((k) => k.id)).toEqual(['kpi_gsmabtezjfe7', 'kpi_cfcrcw7pwgxh']);
    expect(kept.evidenceIds).toEqual(['evd_dmjcukm73pmt', 'evd_vu96yv8nxk5b', 'evd_3he4yzfakq3g']);

    const toKept = wb.alignments.filter((a) => a.objectiveId === O.loneliness);
    expect(toKept.map((a) => [a.id, a.serviceId, a.strength])).toEqual([
      ['aln_6rjqey8xw4k8', S.chattyCafe, 3],
      // Reading Well was linked to health literacy only: its link moves across unchanged.
      ['aln_ieqid3jfn39v', S.readingWell, 3],
      // Medium on the kept objective, strong on the merged one: strong.
      ['aln_7ih4iqpsh7g6', S.homeLibrary, 3],
    ]);
    const chatty = toKept[0]!;
    expect(chatty.evidenceIds).toEqual(['evd_vu96yv8nxk5b', 'evd_dmjcukm73pmt', 'evd_3he4yzfakq3g']);
    expect(chatty.kpiIds).toEqual(['kpi_gsmabtezjfe7', 'kpi_f5sh34ucr6qv', 'kpi_cfcrcw7pwgxh']);
    expect(chatty.rationale.endsWith('\n\nSome health talks.')).toBe(true);
    expect(wb.alignments.map((a) => a.id)).not.toContain('aln_extra1');
    expect(wb.dismissedSuggestions).toEqual([]);

    // The ICB's second objective overlapped with health literacy; now with the merged objective.
    expect(wb.partners[0]!.objectives.map((po) => po.objectiveIds)).toEqual([
      [O.loneliness, O.lonelinessOutcome],
      [O.loneliness],
    ]);

    // Workshop: the idea about health literacy now points at the kept objective; votes for it count for the
    // kept one (ballot 2 gave loneliness 2 dots and health literacy 1), so no vote is lost.
    expect(activity(wb, 'ideas').ideas.find((i) => i.id === 'ide_3xkde4vr2q4e')!.targetId).toBe(O.loneliness);
    const vote = activity(wb, 'dot-vote');
    expect(vote.optionIds).toEqual([O.loneliness, O.digitalSkills, O.reading]);
    expect(vote.scope.objectiveIds).toEqual([O.loneliness, O.digitalSkills, O.reading]);
    expect(vote.ballots.find((b) => b.id === 'bal_dot2')!.allocations).toEqual([
      { optionId: O.loneliness, amount: 3 },
    ]);
    expect(allVotes(wb)).toBe(votesBefore);
  });

  it('moves the children of a merged objective to the one kept, and its workshop actions and proposals', () => {
    const wb = fixture();
    const votesBefore = allVotes(wb);
    mergeObjectives(wb, O.loneliness, [O.digitalSkills]);
    expectValid(wb);
    expect(wb.objectives.find((o) => o.id === O.jobseekers)).toMatchObject({
      parentId: O.loneliness,
      level: 'outcome',
    });
    // The digital skills links (Digital Champions strong, computers medium) move across.
    expect(wb.alignments.filter((a) => a.objectiveId === O.loneliness).map((a) => a.serviceId)).toEqual([
      S.chattyCafe,
      S.digitalChampions,
      S.computers,
      S.homeLibrary,
    ]);
    const vote = activity(wb, 'dot-vote');
    expect(vote.ballots.map((b) => b.allocations)).toEqual([
      [{ optionId: O.loneliness, amount: 3 }],
      [
        { optionId: O.loneliness, amount: 2 },
        { optionId: O.healthLiteracy, amount: 1 },
      ],
      [
        { optionId: O.loneliness, amount: 2 },
        { optionId: O.reading, amount: 1 },
      ],
      [{ optionId: O.loneliness, amount: 3 }],
    ]);
    expect(allVotes(wb)).toBe(votesBefore);
    expect(activity(wb, 'ideas').scope.objectiveIds).toEqual([O.loneliness]);
    expect(activity(wb, 'ideas').ideas.find((i) => i.id === 'ide_hv5vuspj98um')!.targetId).toBe(O.loneliness);
    expect(wb.partners[1]!.objectives[0]!.objectiveIds).toEqual([O.loneliness, O.jobseekers]);
  });

  it('combines two proposals for the same pair in a walk-the-map into the kept one’s, at the strongest, with both rationales', () => {
    const wb = fixture();
    const walk = activity(wb, 'walk-the-map');
    walk.proposals.push({
      serviceId: S.chattyCafe,
      objectiveId: O.healthLiteracy,
      strength: 1,
      rationale: 'Health talks now and then.',
      objections: 'Not really health.',
      agreed: false,
      confidence: 'low',
    });
    mergeObjectives(wb, O.healthLiteracy, [O.loneliness]);
    expectValid(wb);
    const proposals = activity(wb, 'walk-the-map').proposals;
    expect(proposals.map((p) => `${p.serviceId}→${p.objectiveId}:${p.strength}`)).toEqual([
      `${S.jobclub}→${O.jobseekers}:3`,
      `${S.homeLibrary}→${O.healthLiteracy}:2`,
      `${S.authorEvents}→${O.healthTheme}:0`,
      `${S.chattyCafe}→${O.healthLiteracy}:3`,
    ]);
    expect(proposals[3]).toMatchObject({
      rationale: 'Health talks now and then.\n\nStrong local survey evidence.',
      objections: 'Not really health.',
      agreed: false,
      confidence: 'low',
    });
  });

  it('gives a merged option one place on a two-by-two grid: the kept one’s own', () => {
    const wb = fixture();
    const grid = activity(wb, 'two-by-two');
    grid.optionIds.push(O.loneliness, O.healthLiteracy, O.reading);
    grid.placements.push(
      { optionId: O.healthLiteracy, x: 0.1, y: 0.1 },
      { optionId: O.loneliness, x: 0.9, y: 0.9 },
      { optionId: O.reading, x: 0.5, y: 0.5 },
    );
    mergeObjectives(wb, O.loneliness, [O.healthLiteracy, O.reading]);
    expectValid(wb);
    expect(grid.optionIds.slice(4)).toEqual([O.loneliness]);
    expect(grid.placements.slice(4)).toEqual([{ optionId: O.loneliness, x: 0.9, y: 0.9 }]);
    // Without a place of its own, the first merged one's place is kept.
    const other = fixture();
    const otherGrid = activity(other, 'two-by-two');
    otherGrid.optionIds.push(O.healthLiteracy, O.reading);
    otherGrid.placements.push(
      { optionId: O.healthLiteracy, x: 0.1, y: 0.1 },
      { optionId: O.reading, x: 0.5, y: 0.5 },
    );
    mergeObjectives(other, O.loneliness, [O.healthLiteracy, O.reading]);
    expectValid(other);
    expect(otherGrid.placements.slice(4)).toEqual([{ optionId: O.loneliness, x: 0.1, y: 0.1 }]);
  });

  it('keeps the hierarchy valid when a theme is merged into an outcome', () => {
    const wb = fixture();
    mergeObjectives(wb, O.families, [O.economyTheme]);
    expectValid(wb);
    // The theme's objective cannot sit under an outcome: it moves up beside it, as an outcome of the same objective.
    expect(wb.objectives.find((o) => o.id === O.digitalSkills)).toMatchObject({
      parentId: O.reading,
      level: 'outcome',
    });
    expect(wb.objectives.find((o) => o.id === O.jobseekers)).toMatchObject({ level: 'outcome' });
  });

  it('refuses to merge an objective into its own descendant, and ignores the kept one in the list', () => {
    const wb = fixture();
    mergeObjectives(wb, O.lonelinessOutcome, [O.healthTheme, O.lonelinessOutcome]);
    expect(wb).toEqual(fixture());
    mergeObjectives(wb, 'obj_notthere', [O.loneliness]);
    expect(wb).toEqual(fixture());
  });
});

describe('hierarchy moves', () => {
  it('moves an objective among its siblings, and refuses at either end', () => {
    const wb = fixture();
    expect(moveAmongSiblings(wb, O.healthLiteracy, -1)).toBe(true);
    expectValid(wb);
    expect(wb.objectives.filter((o) => o.parentId === O.healthTheme).map((o) => o.id)).toEqual([
      O.healthLiteracy,
      O.loneliness,
    ]);
    expect(moveAmongSiblings(wb, O.healthLiteracy, -1)).toBe(false);
    expect(moveAmongSiblings(wb, O.childrenTheme, 1)).toBe(false);
    expect(moveAmongSiblings(wb, O.healthTheme, 1)).toBe(true);
    expect(wb.objectives.filter((o) => o.parentId === null).map((o) => o.id)).toEqual([
      O.economyTheme,
      O.healthTheme,
      O.childrenTheme,
    ]);
  });

  it('indents a theme under the theme above: it becomes an objective and its own objectives outcomes', () => {
    const wb = fixture();
    expect(indentObjective(wb, O.economyTheme)).toBe(true);
    expectValid(wb);
    expect(wb.objectives.find((o) => o.id === O.economyTheme)).toMatchObject({
      parentId: O.healthTheme,
      level: 'objective',
    });
    expect(wb.objectives.find((o) => o.id === O.digitalSkills)).toMatchObject({
      parentId: O.economyTheme,
      level: 'outcome',
    });
    // An outcome cannot hold outcomes: the jobseekers outcome moves up beside its old parent.
    expect(wb.objectives.find((o) => o.id === O.jobseekers)).toMatchObject({
      parentId: O.economyTheme,
      level: 'outcome',
    });
    // It is now the last child of the health theme.
    expect(wb.objectives.filter((o) => o.parentId === O.healthTheme).map((o) => o.id)).toEqual([
      O.loneliness,
      O.healthLiteracy,
      O.economyTheme,
    ]);
  });

  it('will not indent the first of its siblings, or under an outcome', () => {
    const wb = fixture();
    expect(indentObjective(wb, O.healthTheme)).toBe(false);
    wb.objectives.push(objective('obj_second', 'More people join groups', 'outcome', O.loneliness));
    expect(indentObjective(wb, 'obj_second')).toBe(false);
    expectValid(wb);
  });

  it('outdents an outcome to sit after its old parent as an objective', () => {
    const wb = fixture();
    expect(outdentObjective(wb, O.lonelinessOutcome)).toBe(true);
    expectValid(wb);
    expect(wb.objectives.find((o) => o.id === O.lonelinessOutcome)).toMatchObject({
      parentId: O.healthTheme,
      level: 'objective',
    });
    expect(wb.objectives.filter((o) => o.parentId === O.healthTheme).map((o) => o.id)).toEqual([
      O.loneliness,
      O.lonelinessOutcome,
      O.healthLiteracy,
    ]);
    expect(outdentObjective(wb, O.healthTheme)).toBe(false);
  });

  it('outdents an objective to the top level, still an objective', () => {
    const wb = fixture();
    expect(outdentObjective(wb, O.reading)).toBe(true);
    expectValid(wb);
    expect(wb.objectives.find((o) => o.id === O.reading)).toMatchObject({
      parentId: null,
      level: 'objective',
    });
    expect(wb.objectives.find((o) => o.id === O.families)).toMatchObject({
      parentId: O.reading,
      level: 'outcome',
    });
  });

  it('drags an objective beside another, under that one’s parent, with its children', () => {
    const wb = fixture();
    // Dragged up the list: it lands before the one it was dropped on.
    expect(moveObjectiveTo(wb, O.reading, O.digitalSkills)).toBe(true);
    expectValid(wb);
    expect(wb.objectives.filter((o) => o.parentId === O.economyTheme).map((o) => o.id)).toEqual([
      O.reading,
      O.digitalSkills,
    ]);
    expect(wb.objectives.find((o) => o.id === O.families)!.parentId).toBe(O.reading);
  });

  it('drags an objective down the list to land after the one it was dropped on', () => {
    const wb = fixture();
    expect(moveObjectiveTo(wb, O.loneliness, O.healthLiteracy)).toBe(true);
    expectValid(wb);
    expect(wb.objectives.filter((o) => o.parentId === O.healthTheme).map((o) => o.id)).toEqual([
      O.healthLiteracy,
      O.loneliness,
    ]);
  });

  it('drags an outcome to the top level, where it becomes an objective', () => {
    const wb = fixture();
    expect(moveObjectiveTo(wb, O.lonelinessOutcome, O.healthTheme)).toBe(true);
    expectValid(wb);
    expect(wb.objectives[0]).toMatchObject({ id: O.lonelinessOutcome, parentId: null, level: 'objective' });
  });

  it('refuses to drag an objective into its own subtree or onto itself', () => {
    const wb = fixture();
    expect(moveObjectiveTo(wb, O.childrenTheme, O.families)).toBe(false);
    expect(moveObjectiveTo(wb, O.reading, O.reading)).toBe(false);
    expect(wb).toEqual(fixture());
  });
});

describe('normaliseHierarchy', () => {
  it('puts every objective at a level its parent allows', () => {
    const wb = emptyWorkbook();
    wb.objectives = [
      objective('obj_a', 'Outcome at the top', 'outcome', null),
      objective('obj_b', 'Theme', 'theme', null),
      objective('obj_c', 'Theme under a theme', 'theme', 'obj_b'),
      objective('obj_d', 'Objective under an objective', 'objective', 'obj_c'),
      objective('obj_e', 'Under an outcome', 'outcome', 'obj_d'),
      objective('obj_f', 'Parent missing', 'outcome', 'obj_gone'),
      objective('obj_g', 'Theme under an outcome', 'theme', 'obj_a'),
    ];
    normaliseHierarchy(wb);
    expectValid(wb);
    expect(titles(wb)).toEqual([
      'Outcome at the top (objective)',
      'Theme (theme)',
      'Theme under a theme (objective under Theme)',
      'Objective under an objective (outcome under Theme under a theme)',
      // Its parent became an outcome, so it moves up beside it.
      'Under an outcome (outcome under Theme under a theme)',
      'Parent missing (objective)',
      // Its parent is an objective now, so it is an outcome of it.
      'Theme under an outcome (outcome under Outcome at the top)',
    ]);
  });

  it('changes nothing in a valid hierarchy', () => {
    const wb = fixture();
    normaliseHierarchy(wb);
    expect(wb).toEqual(fixture());
  });
});

describe('ensureLibraryEvidence', () => {
  it('copies a library item into the workbook once', () => {
    const wb = fixture();
    const item = {
      id: 'lib-test',
      title: 'Libraries and loneliness',
      publisher: 'Libraries Connected',
      year: '2024',
      url: 'https://www.librariesconnected.org.uk/',
      keyFinding: 'Libraries reduce loneliness.',
      figure: '1 in 4',
      kind: 'national-research' as const,
      quality: 'moderate' as const,
    };
    const id = ensureLibraryEvidence(wb, item);
    expect(ensureLibraryEvidence(wb, item)).toBe(id);
    expectValid(wb);
    expect(wb.evidence.filter((e) => e.libraryRef === 'lib-test')).toEqual([
      { ...item, id, origin: 'library', libraryRef: 'lib-test' },
    ]);
  });
});

describe('removeDraft', () => {
  it('removes a business case draft and unlinks the committee report based on it, so the workbook stays valid', () => {
    const wb = fixture();
    const caseDraft = wb.drafts[0]!;
    const report = { ...structuredClone(caseDraft), id: 'drf_reportreport', templateId: 'committee-report', basedOnDraftId: caseDraft.id };
    wb.drafts.push(report);
    expectValid(wb);
    removeDraft(wb, caseDraft.id);
    expectValid(wb);
    expect(wb.drafts.map((d) => d.id)).toEqual(['drf_reportreport']);
    expect(wb.drafts[0]!.basedOnDraftId).toBeNull();
  });
});
