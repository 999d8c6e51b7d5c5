import { describe, expect, it } from 'vitest';
import { loadSampleWorkbook } from '../samples/sample-workbook';
import { documentSnapshot, documentSnapshotText } from './document-snapshot';
import { validateWorkbook } from './workbook-format';
import type { Workbook } from './workbook-schema';

/** The sample workbook with a sentinel planted in every place a document must never carry. */
function planted(): Workbook {
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  const wb = structuredClone(r.value);
  wb.author = 'SENTINEL-AUTHOR';
  wb.notes = 'SENTINEL-OFFICER-NOTES';
  const workshop = wb.workshops[0]!;
  workshop.facilitator = 'SENTINEL-FACILITATOR';
  workshop.participants.push({ id: 'par_sentinel', name: 'SENTINEL-PARTICIPANT', organisation: 'Somewhere', role: '' });
  workshop.activities[0]!.notes = 'SENTINEL-FACILITATOR-NOTES';
  wb.partners[0]!.contact = 'SENTINEL-CONTACT';
  wb.partners[1]!.name = 'SENTINEL-OTHER-PARTNER';
  wb.drafts.push({ ...wb.drafts[0]!, id: 'drf_sentinel', title: 'SENTINEL-OTHER-DRAFT', answers: [{ questionId: 'q', value: 'SENTINEL-ANSWER' }] });
  wb.alignments[0]!.provenance.by = 'SENTINEL-RECORDER';
  return wb;
}

describe('documentSnapshot', () => {
  const wb = planted();
  const partnerId = wb.partners[0]!.id;

  it('carries none of the notes, names, other partners or drafts, and is itself a workbook the app opens', () => {
    const text = documentSnapshotText(wb, { serviceIds: null, objectiveIds: null, partnerId, includeNames: false });
    expect(text.match(/SENTINEL-[A-Z-]+/g) ?? []).toEqual([]);
    const snapshot = documentSnapshot(wb, { serviceIds: null, objectiveIds: null, partnerId, includeNames: false });
    expect(validateWorkbook(snapshot).ok).toBe(true);
    expect(snapshot.partners.map((p) => p.id)).toEqual([partnerId]);
    expect(snapshot).toMatchObject({ workshops: [], drafts: [], notes: '', author: '' });
  });

  it('keeps the officer’s and contacts’ names only when the export was made with names', () => {
    const snapshot = documentSnapshot(wb, { serviceIds: null, objectiveIds: null, partnerId, includeNames: true });
    expect(snapshot.author).toBe('SENTINEL-AUTHOR');
    expect(snapshot.partners[0]!.contact).toBe('SENTINEL-CONTACT');
    expect(JSON.stringify(snapshot)).not.toMatch(/SENTINEL-(PARTICIPANT|FACILITATOR|OFFICER-NOTES|OTHER|ANSWER)/);
  });

  it('keeps only the document’s scope: its services, its objectives with the themes above them, and the links between', () => {
    const service = wb.alignments[0]!.serviceId;
    const objective = wb.objectives.find((o) => o.id === wb.alignments[0]!.objectiveId)!;
    const snapshot = documentSnapshot(wb, { serviceIds: [service], objectiveIds: [objective.id], partnerId: null, includeNames: false });
    expect(snapshot.services.map((s) => s.id)).toEqual([service]);
    expect(snapshot.objectives.map((o) => o.id)).toContain(objective.id);
    for (const o of snapshot.objectives) if (o.parentId) expect(snapshot.objectives.some((p) => p.id === o.parentId)).toBe(true);
    expect(snapshot.alignments.every((a) => a.serviceId === service && snapshot.objectives.some((o) => o.id === a.objectiveId))).toBe(true);
    expect(snapshot.partners).toEqual([]);
    expect(validateWorkbook(snapshot).ok).toBe(true);
  });
});
