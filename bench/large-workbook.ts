/**
 * The large workbook the document benchmark measures (issue 14): 60 objectives (5 themes, 55 objectives with a
 * KPI each) and 150 services with 1,650 links (each service serves 11 objectives, strengths 1–3 in turn, evidence
 * on most medium and strong links), and a business-case draft covering the whole service with every question
 * answered. Made by code each run, never checked in.
 */
import { readFileSync } from 'node:fs';
import { newDraftScope } from '../shared/model/factories';
import { newId } from '../shared/model/ids';
import type { Strength } from '../shared/model/vocabulary';
import type { Workbook } from '../shared/model/workbook-schema';
import { largeWorkbook } from '../tests/fixtures/documents/workbooks';

export const LARGE = { objectives: 60, services: 150, links: 1_650 } as const;
const LINKS_PER_SERVICE = LARGE.links / LARGE.services;

export function businessCaseAnswers(): Record<string, string> {
  return JSON.parse(
    readFileSync(new URL('../tests/fixtures/documents/five-case-answers.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;
}

export function largeBenchWorkbook(): Workbook {
  const wb = largeWorkbook({ objectives: LARGE.objectives, services: LARGE.services });
  const objectiveIds = wb.objectives.filter((o) => o.level !== 'theme').map((o) => o.id);
  const keep = new Set<string>();
  const strengths = new Map<string, Strength>();
  wb.services.forEach((service, s) => {
    for (let k = 0; k < LINKS_PER_SERVICE; k++) {
      const objectiveId = objectiveIds[(s * 7 + k * 5) % objectiveIds.length]!;
      const link = wb.alignments.find((a) => a.serviceId === service.id && a.objectiveId === objectiveId)!;
      keep.add(link.id);
      strengths.set(link.id, (((s + k) % 3) + 1) as Strength);
    }
  });
  wb.alignments = wb.alignments
    .filter((a) => keep.has(a.id))
    .map((a) => ({
      ...a,
      strength: strengths.get(a.id)!,
      rationale: 'Attendance data and partner feedback show a contribution.',
    }));
  const stamp = '2026-11-28T09:00:00.000Z';
  wb.drafts.push({
    id: newId('draft'),
    templateId: 'five-case-business-case',
    title: 'Business case: the library service and the Council Plan',
    scope: newDraftScope({ wholeService: true }),
    answers: Object.entries(businessCaseAnswers()).map(([questionId, value]) => ({ questionId, value })),
    protectiveMarking: 'OFFICIAL',
    partnerId: null,
    businessCase: null,
    basedOnDraftId: null,
    created: stamp,
    modified: stamp,
  });
  return wb;
}
