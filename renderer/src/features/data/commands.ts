/** The Data step's undoable changes: each names a workbook edit from shared/model and labels it for undo. */
import { addReachFromTotal, setBaselineFromTotal, type OwnYearTotal } from '../../../../shared/model/own-figure-links';
import { ensureLibraryEvidence } from '../../../../shared/model/operations';
import type { ComparatorKind, OwnFigure } from '../../../../shared/model/workbook-schema';
import { addComparator, addOwnFigures, removeComparator, removeOwnFiguresFrom, setComparatorKind } from '../../../../shared/model/workbook-edits';
import { ACTIVITY_EVIDENCE } from '../../../../shared/reference/activity';
import { editWorkbook as edit } from '../../state/workbook-store';

export const compareWith = (kind: ComparatorKind, label: string) => edit(`Compare with ${label}`, (wb) => setComparatorKind(wb, kind));

export const addToComparators = (gss: string, name: string) => edit(`Add ${name} to the comparators`, (wb) => void addComparator(wb, gss));

export const removeFromComparators = (gss: string, name: string) => edit(`Remove ${name} from the comparators`, (wb) => void removeComparator(wb, gss));

export const importFigures = (figures: readonly OwnFigure[], fileName: string) => edit(`Import figures from ${fileName}`, (wb) => addOwnFigures(wb, figures));

export const removeFiguresFrom = (source: string) => edit(`Remove the figures from ${source}`, (wb) => void removeOwnFiguresFrom(wb, source));

export const takeTotalAsReach = (total: OwnYearTotal, label: string, serviceId: string, serviceName: string) =>
  edit(`Use ${label.toLowerCase()} ${total.year} as reach of ${serviceName}`, (wb) => void addReachFromTotal(wb, total, serviceId));

export const takeTotalAsBaseline = (total: OwnYearTotal, label: string, kpiId: string, kpiName: string) =>
  edit(`Use ${label.toLowerCase()} ${total.year} as the baseline of ${kpiName}`, (wb) => void setBaselineFromTotal(wb, total, kpiId));

export const citeActivityData = () => edit('Add the libraries activity data to the evidence', (wb) => void ensureLibraryEvidence(wb, ACTIVITY_EVIDENCE));
