/**
 * One step per file-format version. Each step takes the workbook object of version N (as plain JSON, unvalidated)
 * and returns version N+1. Steps are never edited once released; a fixture of every old version stays in
 * tests/fixtures so opening it keeps being tested.
 */
export const CURRENT_VERSION = 1;

type Step = (workbook: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, Step>> = {};

export function migrate(workbook: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  let current = workbook;
  for (let v = fromVersion; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from file format version ${v}`);
    current = step(current);
  }
  return current;
}
