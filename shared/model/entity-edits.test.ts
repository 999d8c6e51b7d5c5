/**
 * The named edits on the complete fixture: each changes exactly what it names, reports when it finds nothing
 * to change, and leaves a workbook that still validates (so it can be saved and reopened).
 */
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { COMPLETE_WORKBOOK } from '../../tests/fixtures/fixtures';
import {
  addCatalogueServices,
  addMeasure,
  addPartnerObjective,
  attachEvidence,
  detachEvidence,
  removeMeasure,
  removePartnerObjective,
  updateEvidence,
  updateMeasure,
  updatePartner,
  updatePartnerObjective,
  updateService,
} from './entity-edits';
import { newService } from './factories';
import { readWorkbookText, validateWorkbook } from './workbook-format';
import type { Workbook } from './workbook-schema';
import {
  addComparator,
  addOwnFigures,
  MAX_CHOSEN_COMPARATORS,
  removeComparator,
  removeOwnFiguresFrom,
  setPopulation,
  setWorkbookAuthor,
  setWorkbookTitle,
} from './workbook-edits';

function fixture(): Workbook {
  const read = readWorkbookText(readFileSync(COMPLETE_WORKBOOK, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
}

function expectValid(wb: Workbook) {
  const checked = validateWorkbook(wb);
  expect(checked.ok ? [] : (checked.error.issues ?? [{ message: checked.error.message }])).toEqual([]);
}

const LIBRARY_ITEM = {
  id: 'lib-test-finding',
  title: 'A finding',
  publisher: 'A publisher',
  year: '2024',
  url: 'https://example.org/finding',
  keyFinding: 'What it shows.',
  figure: '12%',
  kind: 'national-research',
  quality: 'strong',
} as const;

describe('service edits', () => {
  it('changes only the named fields of the named service', () => {
    const wb = fixture();
    const [first, second] = wb.services;
    const next = produce(wb, (d) => void updateService(d, first!.id, { name: 'Renamed', staffFte: 2.5 }));
    expect(next.services[0]).toEqual({ ...first, name: 'Renamed', staffFte: 2.5 });
    expect(next.services[1]).toBe(second);
    expectValid(next);
  });

  it('says when the service is not there, and changes nothing', () => {
    const wb = fixture();
    let found = true;
    const next = produce(wb, (d) => void (found = updateService(d, 'svc_missing', { name: 'x' })));
    expect(found).toBe(false);
    expect(next).toBe(wb);
  });

  it('adds, changes and removes a figure of a service', () => {
    const wb = fixture();
    const s = wb.services[0]!;
    const measure = { id: 'measure_new', label: 'Sessions', value: 12, unit: 'sessions', period: { label: '2025/26', start: '2025-04-01', end: '2026-03-31' }, source: '' };
    const added = produce(wb, (d) => void addMeasure(d, s.id, measure));
    expect(added.services[0]!.measures.at(-1)).toEqual(measure);
    const changed = produce(added, (d) => void updateMeasure(d, s.id, 'measure_new', { value: 14 }));
    expect(changed.services[0]!.measures.at(-1)!.value).toBe(14);
    let removed = false;
    const gone = produce(changed, (d) => void (removed = removeMeasure(d, s.id, 'measure_new')));
    expect(removed).toBe(true);
    expect(gone.services[0]!.measures).toEqual(s.measures);
    expectValid(gone);
  });

  it('adds catalogue services with their library evidence copied in once', () => {
    const wb = fixture();
    const a = newService({ name: 'Code club', offer: 'Information and Digital' });
    const b = newService({ name: 'Homework help', offer: 'Reading' });
    const next = produce(wb, (d) => addCatalogueServices(d, [{ service: a, evidence: [LIBRARY_ITEM] }, { service: b, evidence: [LIBRARY_ITEM] }]));
    const copies = next.evidence.filter((e) => e.libraryRef === LIBRARY_ITEM.id);
    expect(copies).toHaveLength(1);
    expect(next.services.slice(-2).map((s) => [s.name, s.evidenceIds])).toEqual([
      ['Code club', [copies[0]!.id]],
      ['Homework help', [copies[0]!.id]],
    ]);
    expectValid(next);
  });
});

describe('evidence edits', () => {
  it('changes an evidence item and never its origin', () => {
    const wb = fixture();
    const e = wb.evidence[0]!;
    const next = produce(wb, (d) => void updateEvidence(d, e.id, { title: 'New title', quality: 'limited' }));
    expect(next.evidence[0]).toEqual({ ...e, title: 'New title', quality: 'limited' });
  });

  it('attaches to and detaches from a service, an objective and a link, once each', () => {
    const wb = fixture();
    const link = wb.alignments[0]!;
    const holders = [
      { kind: 'service', serviceId: wb.services[0]!.id },
      { kind: 'objective', objectiveId: wb.objectives[0]!.id },
      { kind: 'link', serviceId: link.serviceId, objectiveId: link.objectiveId },
    ] as const;
    const extra = wb.evidence.at(-1)!.id;
    for (const holder of holders) {
      const attached = produce(wb, (d) => {
        attachEvidence(d, holder, { workbookId: extra });
        attachEvidence(d, holder, { workbookId: extra });
      });
      const listOf = (w: Workbook) =>
        holder.kind === 'service'
          ? w.services[0]!.evidenceIds
          : holder.kind === 'objective'
            ? w.objectives[0]!.evidenceIds
            : w.alignments[0]!.evidenceIds;
      expect(listOf(attached).filter((id) => id === extra)).toHaveLength(1);
      expectValid(attached);
      let detached = false;
      const back = produce(attached, (d) => void (detached = detachEvidence(d, holder, extra)));
      expect(detached).toBe(true);
      expect(listOf(back)).not.toContain(extra);
    }
  });

  it('copies library evidence in when attaching it, and refuses a holder that is not there', () => {
    const wb = fixture();
    let id: string | null = null;
    const next = produce(wb, (d) => void (id = attachEvidence(d, { kind: 'service', serviceId: wb.services[0]!.id }, { library: LIBRARY_ITEM })));
    expect(next.evidence.find((e) => e.id === id)?.libraryRef).toBe(LIBRARY_ITEM.id);
    let missing: string | null = 'unset';
    const same = produce(wb, (d) => void (missing = attachEvidence(d, { kind: 'objective', objectiveId: 'obj_missing' }, { library: LIBRARY_ITEM })));
    expect(missing).toBeNull();
    expect(same).toBe(wb);
  });

  it('does not remove another item when detaching evidence that is not attached', () => {
    const wb = fixture();
    const s = wb.services[0]!;
    let detached = true;
    const next = produce(wb, (d) => void (detached = detachEvidence(d, { kind: 'service', serviceId: s.id }, 'evidence_not_attached')));
    expect(detached).toBe(false);
    expect(next.services[0]!.evidenceIds).toEqual(s.evidenceIds);
  });
});

describe('partner edits', () => {
  it('changes a partner and adds, changes and removes one of its objectives', () => {
    const wb = fixture();
    const p = wb.partners[0]!;
    const po = { id: 'partnerObjective_new', title: 'Reduce loneliness', description: '', objectiveIds: [wb.objectives[0]!.id] };
    const next = produce(wb, (d) => {
      updatePartner(d, p.id, { contact: 'Sam Lee, commissioning manager' });
      addPartnerObjective(d, p.id, po);
      updatePartnerObjective(d, p.id, po.id, { description: 'By 2028' });
    });
    expect(next.partners[0]!.contact).toBe('Sam Lee, commissioning manager');
    expect(next.partners[0]!.objectives.at(-1)).toEqual({ ...po, description: 'By 2028' });
    expectValid(next);
    const back = produce(next, (d) => void removePartnerObjective(d, p.id, po.id));
    expect(back.partners[0]!.objectives).toEqual(p.objectives);
  });
});

describe('workbook edits', () => {
  it('sets the title and author', () => {
    const next = produce(fixture(), (d) => {
      setWorkbookTitle(d, 'Council Plan alignment');
      setWorkbookAuthor(d, 'Head of Libraries');
    });
    expect([next.title, next.author]).toEqual(['Council Plan alignment', 'Head of Libraries']);
  });

  it('keeps the population year and source when only the value changes, and clears it on null', () => {
    const wb = produce(fixture(), (d) => {
      d.authority!.population = { value: 100_000, year: 'mid-2024', source: 'ONS' };
    });
    const changed = produce(wb, (d) => void setPopulation(d, { value: 101_234.4 }));
    expect(changed.authority!.population).toEqual({ value: 101_234, year: 'mid-2024', source: 'ONS' });
    const cleared = produce(changed, (d) => void setPopulation(d, { value: null }));
    expect(cleared.authority!.population).toBeNull();
    let set = true;
    produce(cleared, (d) => void (set = setPopulation(d, { year: '2025' })));
    expect(set).toBe(false);
  });

  it('adds a comparator once, up to the limit, and removes it', () => {
    const wb = produce(fixture(), (d) => void (d.libraryData.comparator.chosen = []));
    const next = produce(wb, (d) => {
      expect(addComparator(d, 'E10000012')).toBe(true);
      expect(addComparator(d, 'E10000012')).toBe(false);
    });
    expect(next.libraryData.comparator.chosen).toEqual(['E10000012']);
    const full = produce(wb, (d) => {
      for (let i = 0; i < MAX_CHOSEN_COMPARATORS; i++) addComparator(d, `E06${String(i).padStart(6, '0')}`);
      expect(addComparator(d, 'E10000012')).toBe(false);
    });
    expect(full.libraryData.comparator.chosen).toHaveLength(MAX_CHOSEN_COMPARATORS);
    expectValid(full);
    const back = produce(next, (d) => void removeComparator(d, 'E10000012'));
    expect(back.libraryData.comparator.chosen).toEqual([]);
  });

  it('removes every figure from one file and says how many', () => {
    const figure = (id: string, source: string) => ({
      id,
      measure: 'visits' as const,
      library: 'Central',
      libraryRef: '',
      detail: '',
      period: { label: 'April 2025', start: '2025-04-01', end: '2025-04-30' },
      value: 10,
      source,
    });
    const wb = produce(fixture(), (d) => {
      d.libraryData.figures = [];
      addOwnFigures(d, [figure('figure_a', 'a.csv'), figure('figure_b', 'b.csv'), figure('figure_c', 'a.csv')]);
    });
    let removed = 0;
    const next = produce(wb, (d) => void (removed = removeOwnFiguresFrom(d, 'a.csv')));
    expect(removed).toBe(2);
    expect(next.libraryData.figures.map((f) => f.id)).toEqual(['figure_b']);
    expectValid(next);
  });
});
