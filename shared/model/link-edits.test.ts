import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { emptyWorkbook, link, objective, service } from '../../tests/fixtures/hand-built-workbook';
import { dismissSuggestion, linkPositions, setStrengths, updateLink } from './link-edits';
import { validateWorkbook } from './workbook-format';
import type { Provenance, Workbook } from './workbook-schema';

const by: Provenance = { kind: 'officer', date: '2026-12-07', by: 'Sam', workshopId: null, note: '' };

function base(): Workbook {
  const wb = emptyWorkbook();
  wb.objectives = [objective('o1', 'Reduce loneliness', 'objective', null), objective('o2', 'Good jobs', 'objective', null)];
  wb.services = [service('s1', 'Chatter and Natter', 'Health and Wellbeing', []), service('s2', 'Job club', 'Information and Digital', [])];
  wb.alignments = [{ ...link('a1', 's1', 'o1', 2), rationale: 'Attendance survey', evidenceIds: [] }];
  wb.dismissedSuggestions = [{ serviceId: 's2', objectiveId: 'o2' }, { serviceId: 's2', objectiveId: 'o1' }];
  return wb;
}

describe('setting strengths on the map', () => {
  it('changes, adds and clears cells in one edit, keeping what an existing link records', () => {
    const wb = base();
    const next = produce(wb, (d) =>
      setStrengths(
        d,
        [
          { serviceId: 's1', objectiveId: 'o1', strength: 3 },
          { serviceId: 's2', objectiveId: 'o2', strength: 1 },
        ],
        by,
        linkPositions(wb),
      ),
    );
    expect(next.alignments.map((a) => [a.serviceId, a.objectiveId, a.strength, a.rationale, a.provenance.by])).toEqual([
      ['s1', 'o1', 3, 'Attendance survey', wb.alignments[0]!.provenance.by],
      ['s2', 'o2', 1, '', 'Sam'],
    ]);
    // A cell given a strength is no longer a dismissed suggestion; another dismissed cell stays dismissed.
    expect(next.dismissedSuggestions).toEqual([{ serviceId: 's2', objectiveId: 'o1' }]);
    expect(validateWorkbook(next).ok).toBe(true);

    const cleared = produce(next, (d) => setStrengths(d, [{ serviceId: 's1', objectiveId: 'o1', strength: 'clear' }], by));
    expect(cleared.alignments.map((a) => a.id)).toEqual([next.alignments[1]!.id]);
  });

  it('clears the same cell named twice only once', () => {
    const wb = produce(base(), (d) => void d.alignments.push(link('a2', 's2', 'o2', 1)));
    const next = produce(wb, (d) =>
      setStrengths(
        d,
        [
          { serviceId: 's1', objectiveId: 'o1', strength: 'clear' },
          { serviceId: 's1', objectiveId: 'o1', strength: 'clear' },
        ],
        by,
      ),
    );
    expect(next.alignments.map((a) => a.id)).toEqual(['a2']);
  });

  it('changes a link’s own fields and records a dismissed suggestion once', () => {
    const next = produce(base(), (d) => {
      expect(updateLink(d, 's1', 'o1', { confidence: 'high' })).toBe(true);
      expect(updateLink(d, 's2', 'o1', { confidence: 'high' })).toBe(false);
      dismissSuggestion(d, 's1', 'o2');
      dismissSuggestion(d, 's1', 'o2');
    });
    expect(next.alignments[0]!.confidence).toBe('high');
    expect(next.dismissedSuggestions.filter((x) => x.serviceId === 's1')).toHaveLength(1);
  });
});
