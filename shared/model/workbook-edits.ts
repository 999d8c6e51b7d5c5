/**
 * Named edits to the workbook as a whole: its title and author, the library authority and its population, and
 * the Data step's comparators and imported figures. Each mutates the workbook it is given (see operations.ts).
 */
import type { Authority, ComparatorKind, OwnFigure, Workbook } from './workbook-schema';

/** Most authorities an officer may compare with by hand: the workbook schema's limit. */
export const MAX_CHOSEN_COMPARATORS = 200;

export function setWorkbookTitle(wb: Workbook, title: string): void {
  wb.title = title;
}

export function setWorkbookAuthor(wb: Workbook, author: string): void {
  wb.author = author;
}

export function setAuthority(wb: Workbook, authority: Authority | null): void {
  wb.authority = authority;
}

/** Sets or clears the officer's own population figure; year and source are kept when only the value changes. */
export function setPopulation(wb: Workbook, fields: { value?: number | null; year?: string; source?: string }): boolean {
  const authority = wb.authority;
  if (!authority) return false;
  if (fields.value === null) {
    authority.population = null;
    return true;
  }
  const current = authority.population;
  const value = fields.value ?? current?.value;
  if (value === undefined) return false;
  authority.population = {
    value: Math.round(value),
    year: fields.year ?? current?.year ?? '',
    source: fields.source ?? current?.source ?? '',
  };
  return true;
}

export function setComparatorKind(wb: Workbook, kind: ComparatorKind): void {
  wb.libraryData.comparator.kind = kind;
}

/** Adds an authority to the officer's own comparator list; false when it is there already or the list is full. */
export function addComparator(wb: Workbook, gss: string): boolean {
  const chosen = wb.libraryData.comparator.chosen;
  if (chosen.includes(gss) || chosen.length >= MAX_CHOSEN_COMPARATORS) return false;
  chosen.push(gss);
  return true;
}

export function removeComparator(wb: Workbook, gss: string): boolean {
  const chosen = wb.libraryData.comparator.chosen;
  const at = chosen.indexOf(gss);
  if (at >= 0) chosen.splice(at, 1);
  return at >= 0;
}

export function addOwnFigures(wb: Workbook, figures: readonly OwnFigure[]): void {
  wb.libraryData.figures.push(...figures);
}

/** Removes every figure imported from one file; returns how many went. */
export function removeOwnFiguresFrom(wb: Workbook, source: string): number {
  const before = wb.libraryData.figures.length;
  wb.libraryData.figures = wb.libraryData.figures.filter((f) => f.source !== source);
  return before - wb.libraryData.figures.length;
}
