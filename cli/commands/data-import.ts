/**
 * `data import <workbook> <file>...`: adds a library service's own counts from core-dataset files (physical
 * visits, loans, membership, events; CSV or XLSX with the template's header row) to a workbook, with the
 * importer the Data step uses, and prints the totals by year. All the files go in together or none does: a bad
 * row in any of them is reported with its file, line and column, the exit code is 1 and the workbook is left
 * as it was. Saved as the app saves (atomically, with a backup, respecting the lock).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { ownFigureTotals } from '../../shared/analysis/benchmark-own-figures';
import {
  CORE_TEMPLATES,
  describeProblem,
  detectTemplate,
  importCoreDataset,
  OWN_MEASURE_LABELS,
} from '../../shared/import/own-figures';
import { MAX_PLAN_BYTES, readPlanFile } from '../../shared/import/plan-files';
import { validateWorkbook } from '../../shared/model/workbook-format';
import type { OwnFigure } from '../../shared/model/workbook-schema';
import { findAuthority } from '../../shared/reference/authorities';
import { librariesFor } from '../../shared/reference/libraries';
import { backupPathFor } from '../../electron/main/services/workbook-files';
import type { CliCommand, CommandContext } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, listInWords, plural } from '../output';
import { saveLikeTheApp } from '../save-workbook';

export class Refusal extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines[0]);
  }
}
export const refuse = (...text: string[]): never => {
  throw new Refusal(text);
};

const MAX_SHOWN_PROBLEMS = 20;

export async function readTable(path: string) {
  const name = basename(path);
  if (!/\.(csv|xlsx)$/i.test(name))
    refuse(
      `“${name}” is not a CSV or Excel (.xlsx) file. Nothing was imported; the workbook has not been changed.`,
    );
  try {
    const info = await stat(path);
    if (info.isDirectory()) refuse(`“${name}” is a folder, not a file. The workbook has not been changed.`);
    if (info.size > MAX_PLAN_BYTES)
      refuse(`“${name}” is larger than 20 MB. The workbook has not been changed.`);
  } catch (e) {
    if (e instanceof Refusal) throw e;
    refuse(
      `“${name}” could not be found or read. Check the name and the folder. The workbook has not been changed.`,
    );
  }
  const read = await readPlanFile(name, new Uint8Array(await readFile(path)));
  if (!read.ok) return refuse(`${read.error.message} The workbook has not been changed.`);
  if (!('table' in read.value)) return refuse(`“${name}” is not a spreadsheet.`);
  if (read.value.warnings.length > 0)
    refuse(
      `“${name}” could not be read cleanly: ${read.value.warnings.join('; ')}. The workbook has not been changed.`,
    );
  return read.value.table;
}

async function runImport(
  workbookArg: string,
  fileArgs: readonly string[],
  options: { force?: boolean },
  { io, folder }: CommandContext,
): Promise<void> {
  const workbookPath = resolve(folder, workbookArg);
  const read = await loadWorkbook(workbookArg, folder);
  if (!read.ok) return refuse(...describeError(read.error));
  const { workbook, stamp } = read.value;
  if (!workbook.authority)
    return refuse(
      `“${basename(workbookPath)}” has no library authority yet; choose one in the app's Authority step first, so the files can be checked against its libraries. The workbook has not been changed.`,
    );
  const authority = workbook.authority;
  const dataset = await librariesFor(authority.gss);
  const libraries = [
    ...dataset.map((l) => ({ ref: l.ref, name: l.name })),
    ...workbook.services.flatMap((s) => s.branches.map((b) => ({ ref: b.libraryRef, name: b.name }))),
  ];
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const added: OwnFigure[] = [];
  const report: string[] = [];
  const problems: string[] = [];
  for (const fileArg of fileArgs) {
    const path = resolve(folder, fileArg);
    const name = basename(path);
    const table = await readTable(path);
    const template = detectTemplate(table.headers);
    if (!template) {
      problems.push(
        `“${name}” is not a core-dataset file: its columns are ${table.headers.map((h) => `“${h}”`).join(', ') || '(none)'}. The templates are ${listInWords(Object.values(CORE_TEMPLATES).map((t) => `${t.label.toLowerCase()} (${t.headers.join(', ')})`))}.`,
      );
      continue;
    }
    const result = importCoreDataset(table, template, {
      authority: {
        gss: authority.gss,
        name: authority.name,
        officialName: findAuthority(authority.gss)?.officialName,
      },
      libraries,
      existing: [...workbook.libraryData.figures, ...added],
      source: `${name} (imported ${today})`,
    });
    if (!result.ok) {
      if (result.otherAuthority)
        problems.push(
          `“${name}” looks like a file from another authority (${result.otherAuthority}); this workbook is for ${authority.name}.`,
        );
      problems.push(
        `“${name}” (${CORE_TEMPLATES[template].label.toLowerCase()}) has ${plural(result.problems.length, 'problem')}:`,
        ...result.problems.slice(0, MAX_SHOWN_PROBLEMS).map((p) => `  ${describeProblem(p)}.`),
        ...(result.problems.length > MAX_SHOWN_PROBLEMS
          ? [`  …and ${result.problems.length - MAX_SHOWN_PROBLEMS} more.`]
          : []),
      );
      continue;
    }
    added.push(...result.figures);
    report.push(
      `${name}: ${CORE_TEMPLATES[template].label.toLowerCase()}, ${plural(result.rows, 'row')} → ${plural(result.figures.length, 'figure')}.`,
    );
  }
  if (problems.length > 0)
    return refuse(...problems, 'Nothing was imported; the workbook has not been changed.');

  const updated = {
    ...workbook,
    libraryData: { ...workbook.libraryData, figures: [...workbook.libraryData.figures, ...added] },
    modified: new Date().toISOString(),
  };
  const checked = validateWorkbook(updated);
  if (!checked.ok)
    return refuse(
      `The figures could not be added: ${checked.error.message} The workbook has not been changed.`,
    );
  const notSaved = await saveLikeTheApp(workbookPath, checked.value, stamp, {
    force: options.force,
    what: 'figures',
  });
  if (notSaved) return refuse(...notSaved);

  const measures = new Set(added.map((f) => f.measure));
  const totals = ownFigureTotals(checked.value.libraryData.figures).filter((t) => measures.has(t.measure));
  lines(
    io.out,
    ...report,
    '',
    `Totals by year (all figures in the workbook):`,
    ...totals.map(
      (t) =>
        `  ${OWN_MEASURE_LABELS[t.measure]}, ${t.year}: ${t.total.toLocaleString('en-GB')}${t.asAt ? ` (count on ${t.asAt})` : ''} — ${t.byLibrary
          .map((l) => `${l.library || 'whole service'} ${l.value.toLocaleString('en-GB')}`)
          .join(', ')}`,
    ),
    '',
    `Saved “${basename(workbookPath)}”; the previous version is kept as “${basename(backupPathFor(workbookPath))}”.`,
  );
}

export const dataCommand: CliCommand = {
  register(program, context) {
    const data: Command = program
      .command('data')
      .description("Work with a library service's own activity figures in a workbook");
    data
      .command('import')
      .description(
        'Add counts from core-dataset files (physical visits, loans, membership, events) to a workbook, per library and period. ' +
          'Every row is checked first; a bad row in any file means nothing is imported. The workbook is saved safely, keeping the previous version as a backup.',
      )
      .argument('<workbook>', 'The workbook file (.awbook)')
      .argument('<files...>', 'Core-dataset files (.csv or .xlsx) with the template’s header row')
      .option('--force', 'Import even when the workbook is open in the app on another computer')
      .action(async (workbook: string, files: string[], options: { force?: boolean }) => {
        try {
          await runImport(workbook, files, options, context);
        } catch (e) {
          if (!(e instanceof Refusal)) throw e;
          lines(context.io.err, ...e.lines);
          context.exit(EXIT.INVALID);
        }
      });
  },
};
