/**
 * A workbook for the workshop tests: the shipped sample (real objectives, services and map) with a fresh,
 * empty workshop added, so each test builds exactly the session it needs.
 */
import { loadSampleWorkbook } from '../samples/sample-workbook';
import type { Workbook, Workshop } from '../model/workbook-schema';
import { newWorkshop } from './operations';

export function sampleWithWorkshop(init: { date?: string | null } = {}): { wb: Workbook; w: Workshop } {
  const loaded = loadSampleWorkbook();
  if (!loaded.ok) throw new Error(loaded.error.message);
  const wb = structuredClone(loaded.value);
  const w = newWorkshop({
    title: 'Partners’ mapping workshop',
    date: init.date === undefined ? '2026-03-10' : init.date,
  });
  w.facilitator = 'Jo Patel';
  wb.workshops.push(w);
  return { wb, w: wb.workshops[wb.workshops.length - 1]! };
}
