/**
 * The sample workbook shipped with the app: a finished example for Northshire, a fictional county council, so a
 * new user sees every step filled in with one click, and tests and the command line have a realistic input.
 *
 * The authority, its libraries, people, partners and local figures are invented; its GSS code (E10000099) is
 * one no real authority uses. The national evidence comes from the evidence library with its source and year.
 * Some claims are deliberately weak or unevidenced, and two objectives have little or no library contribution,
 * so that the Review step and the Documents step's readiness checks have something real to point out. It carries a
 * finished draft for each built-in template, scoped to what it proposes (the £85,000 Digital Champions business
 * case to its three digital services, for example) with every question answered, so a new user sees a finished paper.
 *
 * The file is the ordinary workbook format, so it goes through the same migrate-and-validate path as any file
 * the officer opens, and stays valid as the format moves on.
 */
import { newId } from '../model/ids';
import { migrate } from '../model/migrations';
import { validateWorkbook } from '../model/workbook-format';
import type { Workbook } from '../model/workbook-schema';
import type { Result } from '../result';
import sample from './sample-workbook.json' with { type: 'json' };

/** Where the sample lives in the source tree, for the command line and tests (relative to the project root). */
export const SAMPLE_WORKBOOK_RELATIVE_PATH = 'shared/samples/sample-workbook.json';

/** The sample exactly as shipped (stable ids), validated. */
export function loadSampleWorkbook(): Result<Workbook> {
  return validateWorkbook(migrate(sample.workbook as Record<string, unknown>, sample.version), ['workbook']);
}

/**
 * The sample as a new, never-saved workbook of the officer's own: a fresh workbook id, so two officers' saved
 * copies are not mistaken for the same workbook when they are compared or merged later.
 */
export function sampleAsNewWorkbook(): Result<Workbook> {
  const loaded = loadSampleWorkbook();
  return loaded.ok ? { ok: true, value: { ...loaded.value, id: newId('workbook') } } : loaded;
}
