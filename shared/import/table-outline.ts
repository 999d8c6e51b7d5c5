/**
 * Objectives from a spreadsheet (CSV or XLSX): each row may name a theme, an objective and an outcome, plus a
 * description and its source. Rows that repeat a theme or objective add to the same one.
 */
import Papa from 'papaparse';
import readXlsx from 'read-excel-file/universal';
import type { OutlineNode } from './outline';

export const COLUMN_ROLES = ['theme', 'objective', 'outcome', 'description', 'document', 'page'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

export const COLUMN_ROLE_LABELS: Record<ColumnRole, string> = {
  theme: 'Theme',
  objective: 'Objective',
  outcome: 'Outcome',
  description: 'Description',
  document: 'Source document',
  page: 'Page',
};

export interface Table {
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  /** Each row's number in the sheet as a spreadsheet shows it (header on row 1, blank rows still counted). */
  readonly rowNumbers: readonly number[];
}

const GUESSES: Record<ColumnRole, RegExp> = {
  theme: /\b(theme|priority|priorities|ambition|pillar|area)\b/i,
  objective: /\b(objective|aim|commitment|goal)s?\b/i,
  outcome: /\b(outcome|result|success)s?\b/i,
  description: /\b(description|detail|details|narrative|notes?)\b/i,
  document: /\b(source|document|plan|strategy)\b/i,
  page: /\b(page|pg|p\.)\b/i,
};

export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  // "Plan page" is a page, not a plan: the narrowest role claims its column first.
  const order: readonly ColumnRole[] = ['page', 'theme', 'objective', 'outcome', 'description', 'document'];
  for (const role of order) {
    const i = headers.findIndex((h, idx) => !used.has(idx) && GUESSES[role].test(h));
    if (i >= 0) {
      mapping[role] = i;
      used.add(i);
    }
  }
  return mapping;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).replace(/\s+/g, ' ').trim();
}

function toTable(matrix: ReadonlyArray<ReadonlyArray<unknown>>): Table {
  // Blank rows are dropped but still counted, so a message can name the row the officer sees.
  const rows = matrix.map((r, i) => ({ cells: r.map(cellText), number: i + 1 })).filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...rest] = rows;
  return { headers: header?.cells ?? [], rows: rest.map((r) => r.cells), rowNumbers: rest.map((r) => r.number) };
}

export function readCsv(text: string): { table: Table; errors: string[] } {
  // Empty lines are kept here (toTable drops them) so row numbers, in errors too, match the file.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const errors = parsed.errors.slice(0, 5).map((e) => `Row ${(e.row ?? 0) + 1}: ${e.message}`);
  return { table: toTable(parsed.data), errors };
}

export async function readXlsxTable(bytes: Uint8Array): Promise<Table> {
  const copy = bytes.slice();
  const sheets = await readXlsx(copy.buffer);
  const first = sheets.find((s) => s.data.length > 0);
  return toTable(first ? first.data : []);
}

/**
 * Builds the outline the mapped columns describe. Each item's line is the sheet row it first appears on; its key is
 * unique (a row can name a theme, an objective and an outcome). Sources are keyed by item key, which survives
 * copying the outline (withoutKeys) where object identity would not.
 */
export function tableToOutline(table: Table, mapping: ColumnMapping): { nodes: OutlineNode[]; sources: Map<number, { document: string; page: string }> } {
  const nodes: OutlineNode[] = [];
  const sources = new Map<number, { document: string; page: string }>();
  const get = (row: readonly string[], role: ColumnRole) => (mapping[role] !== undefined ? (row[mapping[role]!] ?? '') : '');
  // Each list's items by lower-case title, so finding the item a row repeats is one lookup, not a scan of the
  // list: a scan per row made a sheet of 400,000 rows take minutes.
  const indexes = new Map<OutlineNode[], Map<string, OutlineNode>>();
  const find = (list: OutlineNode[], title: string) => indexes.get(list)?.get(title.toLowerCase());
  const add = (list: OutlineNode[], node: OutlineNode, title: string) => {
    list.push(node);
    let index = indexes.get(list);
    if (!index) indexes.set(list, (index = new Map()));
    if (!index.has(title.toLowerCase())) index.set(title.toLowerCase(), node);
  };
  let nextKey = 1;

  table.rows.forEach((row, i) => {
    const path = (['theme', 'objective', 'outcome'] as const).map((r) => get(row, r)).filter((t) => t !== '');
    if (path.length === 0) return;
    let list = nodes;
    let node: OutlineNode | undefined;
    const named: OutlineNode[] = [];
    for (const title of path) {
      node = find(list, title);
      if (!node) {
        node = { title: title.slice(0, 500), description: '', line: table.rowNumbers[i] ?? i + 2, key: nextKey++, children: [] };
        add(list, node, title);
        named.push(node);
      }
      list = node.children;
    }
    if (!node) return;
    const description = get(row, 'description');
    if (description && !node.description) node.description = description;
    const document = get(row, 'document');
    const page = get(row, 'page');
    // The row's source belongs to the item it describes and to any item it names for the first time.
    if (document || page) for (const n of new Set([...named, node])) if (!sources.has(n.key)) sources.set(n.key, { document, page });
  });
  return { nodes, sources };
}
