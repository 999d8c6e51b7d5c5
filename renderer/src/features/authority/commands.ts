/** The Authority step's undoable changes: each names a workbook edit from shared/model and labels it for undo. */
import { setAuthority, setPopulation, setWorkbookAuthor, setWorkbookTitle } from '../../../../shared/model/workbook-edits';
import { toWorkbookAuthority, type AuthorityRecord } from '../../../../shared/reference/authorities';
import { editWorkbook as edit } from '../../state/workbook-store';

export const chooseAuthority = (a: AuthorityRecord) => edit(`Choose ${a.name}`, (wb) => setAuthority(wb, toWorkbookAuthority(a)));

export const changePopulation = (value: number | null) => edit('Change population', (wb) => void setPopulation(wb, { value }), { coalesceKey: 'population' });

export const changePopulationYear = (year: string) => edit('Change population year', (wb) => void setPopulation(wb, { year }), { coalesceKey: 'population-year' });

export const changePopulationSource = (source: string) =>
  edit('Change population source', (wb) => void setPopulation(wb, { source }), { coalesceKey: 'population-source' });

export const renameWorkbook = (title: string) => edit('Change title', (wb) => setWorkbookTitle(wb, title), { coalesceKey: 'title' });

export const changeAuthor = (author: string) => edit('Change author', (wb) => setWorkbookAuthor(wb, author), { coalesceKey: 'author' });
