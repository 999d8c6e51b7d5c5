/**
 * `objectives import <workbook> <file>`: adds the objectives found in a plan (.txt, .docx, .csv or .xlsx) to a
 * workbook with the importer the app's Objectives step uses, prints the hierarchy found as an indented outline
 * and saves the workbook the way the app saves it: atomically, keeping the previous version as a backup, and
 * never over a workbook someone else has open (its lock file) unless told to with --force.
 */
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { backupPathFor } from '../../electron/main/services/workbook-files';
import { MAX_PLAN_BYTES, planFileKind, planFileTooLarge, readPlanFile } from '../../shared/import/plan-files';
import { readBoundedFile } from '../../electron/main/services/bounded-read';
import {
  COLUMN_ROLES,
  guessMapping,
  tableToOutline,
  type ColumnMapping,
  type ColumnRole,
  type Table,
} from '../../shared/import/table-outline';
import {
  countLines,
  defaultRoles,
  effectiveRoles,
  keptRole,
  leaveOutWithChildren,
  planLinesFromOutline,
  planLinesFromText,
  planLinesToObjectives,
  type LineRole,
  type PlanLine,
} from '../../shared/import/plan-lines';
import { defaultTopLevel, type TopLevel } from '../../shared/import/to-objectives';
import { CURRENT_VERSION } from '../../shared/model/migrations';
import { validateWorkbook } from '../../shared/model/workbook-format';
import type { SourceRef } from '../../shared/model/workbook-schema';
import type { CliCommand, CommandContext } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, listInWords, plural } from '../output';
import { saveLikeTheApp } from '../save-workbook';

export interface ImportOptions {
  top?: string;
  source?: string;
  page?: string;
  columns?: string;
  leaveOut?: string;
  keep?: string;
  force?: boolean;
}

/** A problem to report and the exit code it ends with; nothing has been written when one is thrown. */
class Refusal extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly code: typeof EXIT.INVALID | typeof EXIT.USAGE,
  ) {
    super(lines[0]);
  }
}
function refuse(code: typeof EXIT.INVALID | typeof EXIT.USAGE, ...text: string[]): never {
  throw new Refusal(text, code);
}

function parseTop(value: string | undefined): TopLevel | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase().replace(/s$/, '');
  if (v === 'theme' || v === 'objective') return v;
  return refuse(EXIT.USAGE, `--top must be “theme” or “objective” (found “${value}”).`);
}

/**
 * "--columns theme=Priority,objective=Aim,outcome=" by header name, case and spacing aside. Roles named start
 * from the app's guesses; an empty name says the file has no such column.
 */
function parseColumns(spec: string, table: Table, fileName: string): ColumnMapping {
  const mapping = guessMapping(table.headers);
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const headerList = table.headers.map((h) => `“${h}”`).join(', ') || '(none)';
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const at = part.indexOf('=');
    const role = norm(at < 0 ? part : part.slice(0, at)) as ColumnRole;
    const header = at < 0 ? '' : part.slice(at + 1);
    if (at < 0 || !(COLUMN_ROLES as readonly string[]).includes(role))
      refuse(
        EXIT.USAGE,
        `--columns takes role=column pairs separated by commas, for example --columns theme=Priority,objective=Aim. The roles are ${listInWords([...COLUMN_ROLES])}; “${part.trim()}” is not one of them.`,
      );
    if (norm(header) === '') {
      delete mapping[role];
      continue;
    }
    const index = table.headers.findIndex((h) => norm(h) === norm(header));
    if (index < 0)
      refuse(
        EXIT.USAGE,
        `“${fileName}” has no column called “${header.trim()}”. Its columns are: ${headerList}.`,
      );
    // A column holds one thing: naming it for a role takes it from any role it was guessed for.
    for (const r of COLUMN_ROLES) if (mapping[r] === index) delete mapping[r];
    mapping[role] = index;
  }
  return mapping;
}

async function readPlanBytes(path: string, name: string): Promise<Uint8Array> {
  // The importer's own limit, checked before reading so a huge file, a device or a pipe is never loaded.
  const read = await readBoundedFile(path, MAX_PLAN_BYTES);
  if (read.ok) return new Uint8Array(read.value.bytes);
  const e = read.error;
  switch (e.kind) {
    case 'missing':
      return refuse(EXIT.INVALID, `“${name}” could not be found. Check the name and the folder.`);
    case 'not-a-file':
      return refuse(EXIT.INVALID, `“${name}” is ${e.what}, not a plan file.`);
    case 'too-large':
      return refuse(EXIT.INVALID, planFileTooLarge(name, e.size)!.message);
    case 'unreadable': {
      const code = (e.error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') return refuse(EXIT.INVALID, `You do not have permission to read “${name}”.`);
      return refuse(EXIT.INVALID, `“${name}” could not be read (${e.error instanceof Error ? e.error.message : String(e.error)}).`);
    }
  }
}

interface Found {
  lines: PlanLine[];
  nested: boolean;
  /** "line" for text and Word, "row" for a spreadsheet. */
  unit: 'line' | 'row';
  rowSources: Map<number, { document: string; page: string }> | null;
  warnings: string[];
}

async function findOutline(planPath: string, options: ImportOptions): Promise<Found> {
  const name = basename(planPath);
  if (!planFileKind(name))
    refuse(
      EXIT.INVALID,
      `“${name}” is not a kind of file objectives can be imported from. Use a Word document (.docx), a spreadsheet (.csv or .xlsx) or plain text (.txt).`,
    );
  const read = await readPlanFile(name, await readPlanBytes(planPath, name));
  if (!read.ok) return refuse(EXIT.INVALID, read.error.message);
  const file = read.value;
  if ('nodes' in file) {
    if (options.columns !== undefined)
      refuse(EXIT.USAGE, '--columns is for spreadsheets (.csv or .xlsx) only.');
    return { lines: planLinesFromText(file.nodes, file.lines), nested: defaultTopLevel(file.nodes) === 'theme', unit: 'line', rowSources: null, warnings: file.warnings };
  }
  const mapping =
    options.columns !== undefined
      ? parseColumns(options.columns, file.table, name)
      : guessMapping(file.table.headers);
  if (mapping.theme === undefined && mapping.objective === undefined && mapping.outcome === undefined) {
    const headers = file.table.headers.map((h) => `“${h}”`).join(', ');
    refuse(
      EXIT.INVALID,
      headers
        ? `No column of themes, objectives or outcomes was found in “${name}”. Its columns are: ${headers}. Say which column holds what with --columns, for example --columns "theme=<column>,objective=<column>".`
        : `“${name}” is empty: it has no header row and no rows.`,
    );
  }
  const built = tableToOutline(file.table, mapping);
  return { lines: planLinesFromOutline(built.nodes), nested: defaultTopLevel(built.nodes) === 'theme', unit: 'row', rowSources: built.sources, warnings: file.warnings };
}

/** Line numbers (spreadsheet rows) from --leave-out or --keep, each checked against the lines read. */
function lineNumbers(spec: string, option: string, lines: readonly PlanLine[], fileName: string, unit: string): Set<number> {
  const known = [...new Set(lines.map((l) => l.line))].sort((a, b) => a - b);
  const keys = new Set<number>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const line = /^\d+$/.test(part) ? Number(part) : NaN;
    const matching = lines.filter((l) => l.line === line);
    if (matching.length === 0)
      refuse(
        EXIT.USAGE,
        `${option} takes the ${unit} numbers of ${unit}s, separated by commas. ${
          Number.isNaN(line) ? `“${part}” is not a ${unit} number.` : `${unit === 'row' ? 'Row' : 'Line'} ${line} of “${fileName}” holds nothing that was read.`
        } The ${unit}s read are ${known.join(', ')}.`,
      );
    for (const l of matching) keys.add(l.key);
  }
  return keys;
}

/** A description under its item in the printed outline: one line, shortened. */
function shortened(text: string, max = 72): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // At a word break, so no word is cut in half.
  return `${(cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The outline as the import will make it, two spaces a level, each description under its item. */
function formatLines(rows: ReadonlyArray<{ line: PlanLine; role: LineRole }>): string[] {
  const out: string[] = [];
  let underTheme = false;
  let last: { indent: string; description: string; at: number } | null = null;
  const flush = () => {
    if (last?.description) out.splice(last.at + 1, 0, `${last.indent}  ${shortened(last.description)}`);
  };
  for (const { line, role } of rows) {
    if (role === 'omitted') continue;
    if (role === 'description') {
      if (last) last.description = last.description ? `${last.description} ${line.text}` : line.text;
      continue;
    }
    flush();
    if (role === 'theme') underTheme = true;
    const depth = role === 'theme' ? 0 : (underTheme ? 1 : 0) + (role === 'outcome' ? 1 : 0);
    const indent = '  '.repeat(depth);
    out.push(`${indent}${line.title}`);
    last = { indent, description: line.description, at: out.length - 1 };
  }
  flush();
  return out;
}

function levelCounts(levels: readonly string[]): string {
  const parts = (['theme', 'objective', 'outcome'] as const)
    .map((l) => [l, levels.filter((x) => x === l).length] as const)
    .filter(([, n]) => n > 0);
  return listInWords(parts.map(([l, n]) => plural(n, l)));
}

async function runImport(
  workbookArg: string,
  planArg: string,
  options: ImportOptions,
  { io, folder }: CommandContext,
): Promise<void> {
  const workbookPath = resolve(folder, workbookArg);
  const planPath = resolve(folder, planArg);
  const topChoice = parseTop(options.top);
  if (options.page !== undefined && options.page.trim().length > 500)
    refuse(EXIT.USAGE, '--page is too long (the limit is 500 characters).');
  if (options.source !== undefined && options.source.trim().length > 500)
    refuse(EXIT.USAGE, '--source is too long (the limit is 500 characters).');

  const read = await loadWorkbook(workbookArg, folder);
  if (!read.ok) return refuse(EXIT.INVALID, ...describeError(read.error));
  const found = await findOutline(planPath, options);
  const { rowSources, warnings, lines: planLines, unit } = found;
  const planName = basename(planPath);
  const topLevel = topChoice ?? (found.nested ? 'theme' : 'objective');
  const roles = defaultRoles(planLines, topLevel);
  if (options.keep !== undefined)
    for (const key of lineNumbers(options.keep, '--keep', planLines, planName, unit)) roles.set(key, keptRole(planLines.find((l) => l.key === key)!, topLevel));
  if (options.leaveOut !== undefined) leaveOutWithChildren(planLines, roles, lineNumbers(options.leaveOut, '--leave-out', planLines, planName, unit));
  const rows = effectiveRoles(planLines, roles);
  if (warnings.length > 0)
    lines(io.err, `Some of “${planName}” could not be read:`, ...warnings.map((w) => `  ${w}`));
  if (!rows.some((r) => r.role === 'theme' || r.role === 'objective' || r.role === 'outcome'))
    refuse(
      EXIT.INVALID,
      `Nothing to import: no objectives were found in “${planName}”. Numbered, bulleted or indented lists, headings and “Theme 1:” style lines are recognised. The workbook has not been changed.`,
    );

  const document = (options.source ?? planName.replace(/\.[^.]+$/, '')).trim();
  const page = (options.page ?? '').trim();
  const shared: SourceRef | null = document || page ? { document, page, url: '' } : null;
  const objectives = planLinesToObjectives(
    planLines,
    roles,
    rowSources
      ? (line) => {
          // A row naming its own document has its own page; a row giving only a page is a page of the shared one.
          const own = rowSources.get(line.key);
          if (!own) return shared;
          return own.document
            ? { document: own.document, page: own.page, url: '' }
            : { document, page: own.page || page, url: '' };
        }
      : shared,
  );
  const { workbook, stamp, fileVersion } = read.value;
  const updated = {
    ...workbook,
    objectives: [...workbook.objectives, ...objectives],
    modified: new Date().toISOString(),
  };
  const checked = validateWorkbook(updated);
  if (!checked.ok)
    return refuse(
      EXIT.INVALID,
      `The objectives could not be added: ${checked.error.message} The workbook has not been changed.`,
    );

  const fileName = basename(workbookPath);
  const refused = await saveLikeTheApp(workbookPath, checked.value, stamp, { force: options.force, what: 'objectives' });
  if (refused) refuse(EXIT.INVALID, ...refused);

  const total = checked.value.objectives.length;
  const count = countLines(rows);
  const asDescriptions = rows.filter((r) => r.role === 'description').length;
  const leftOut = rows.filter((r) => r.role === 'omitted').map((r) => r.line.line);
  const unitName = unit === 'row' ? 'row' : 'line';
  lines(
    io.out,
    ...formatLines(rows),
    '',
    `Read ${plural(count.read, unitName)} of “${planName}”: kept ${count.kept}${asDescriptions > 0 ? ` (${asDescriptions} as descriptions)` : ''}, left out ${count.omitted}${
      leftOut.length > 0 ? ` (${unitName} ${listInWords([...new Set(leftOut)].map(String))}; keep one with --keep)` : ''
    }.`,
    `Added ${levelCounts(objectives.map((o) => o.level))} to “${fileName}” (${plural(total, 'objective')} in all). The previous version is kept as “${basename(backupPathFor(workbookPath))}”.${
      fileVersion < CURRENT_VERSION ? ` The workbook is now in file format version ${CURRENT_VERSION}.` : ''
    }`,
  );
}

export const objectivesCommand: CliCommand = {
  register(program, context) {
    const objectives: Command = program
      .command('objectives')
      .description('Work with the council objectives in a workbook');
    objectives
      .command('import')
      .description(
        'Add the objectives found in a plan to a workbook, with the same importer as the app, and print the hierarchy found. ' +
          'The workbook is saved safely, keeping the previous version as a backup.',
      )
      .argument('<workbook>', 'The workbook file (.awbook) to add the objectives to')
      .argument(
        '<file>',
        'The plan: text copied from it (.txt or .md), a Word document (.docx) or a spreadsheet (.csv or .xlsx)',
      )
      .option(
        '--top <level>',
        'What the top-level items are: theme or objective (default: themes when the plan is nested, otherwise objectives)',
      )
      .option(
        '--source <document>',
        "The plan's title, recorded as each objective's source (default: the file's name)",
      )
      .option('--page <page>', 'The page of the plan the objectives are on')
      .option(
        '--columns <roles>',
        `For spreadsheets: which column holds what, by header, e.g. theme=Priority,objective=Aim (roles: ${COLUMN_ROLES.join(', ')}; the rest are guessed)`,
      )
      .option(
        '--leave-out <lines>',
        'Line numbers (spreadsheet row numbers) of items to leave out with everything beneath them, e.g. the plan title: --leave-out 1',
      )
      .option(
        '--keep <lines>',
        'Line numbers of lines the importer left out (a list title, an introduction) to keep as items, e.g. --keep 1',
      )
      .option('--force', 'Import even when the workbook is open in the app on another computer')
      .action(async (workbook: string, file: string, options: ImportOptions) => {
        try {
          await runImport(workbook, file, options, context);
        } catch (e) {
          if (!(e instanceof Refusal)) throw e;
          lines(context.io.err, ...e.lines);
          context.exit(e.code);
        }
      });
  },
};
