/**
 * `actuals import <workbook> <file> [--replace]`: adds KPI results from a CSV or XLSX file (columns KPI, Period,
 * Value, optionally Note and Status) with the importer the Progress step uses. A bad row refuses the whole file,
 * naming its line, and the workbook is left as it was; a row that would replace a result already recorded for
 * its KPI and period is listed and nothing is written unless --replace confirms it. Saved as the app saves.
 */
import { basename, resolve } from 'node:path';
import { assessKpi, KPI_STATUS_LABELS } from '../../shared/analysis/kpi-status';
import { applyActuals, describeProblem, guessActualsMapping, readActuals } from '../../shared/import/actuals';
import { findKpi } from '../../shared/model/progress-operations';
import { validateWorkbook } from '../../shared/model/workbook-format';
import { backupPathFor } from '../../electron/main/services/workbook-files';
import type { CliCommand, CommandContext } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, plural } from '../output';
import { saveLikeTheApp } from '../save-workbook';
import { readTable, Refusal, refuse } from './data-import';

const MAX_SHOWN = 20;
const figure = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

async function runImport(
  workbookArg: string,
  fileArg: string,
  options: { replace?: boolean; force?: boolean },
  { io, folder }: CommandContext,
): Promise<void> {
  const workbookPath = resolve(folder, workbookArg);
  const read = await loadWorkbook(workbookArg, folder);
  if (!read.ok) return refuse(...describeError(read.error));
  const { workbook, stamp } = read.value;
  const path = resolve(folder, fileArg);
  const name = basename(path);
  const table = await readTable(path);
  const checked = readActuals(table, guessActualsMapping(table.headers), workbook);
  if (!checked.ok)
    return refuse(
      `“${name}” has ${plural(checked.problems.length, 'problem')}:`,
      ...checked.problems.slice(0, MAX_SHOWN).map((p) => `  ${describeProblem(p)}.`),
      ...(checked.problems.length > MAX_SHOWN ? [`  …and ${checked.problems.length - MAX_SHOWN} more.`] : []),
      'Nothing was imported; the workbook has not been changed.',
    );
  const replacing = checked.rows.filter((r) => r.replaces);
  if (replacing.length > 0 && !options.replace)
    return refuse(
      `${plural(replacing.length, 'row')} of “${name}” would replace a result already recorded:`,
      ...replacing.map((r) => `  Line ${r.line}: ${r.kpiName}, ${r.period.label}: ${figure(r.replaces!.value)} would become ${figure(r.value)}.`),
      'Nothing was imported; the workbook has not been changed. Run the import again with --replace to replace them.',
    );

  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const updated = structuredClone(workbook);
  const counts = applyActuals(updated, checked.rows, `${name} (imported ${today})`);
  updated.modified = new Date().toISOString();
  const valid = validateWorkbook(updated);
  if (!valid.ok) return refuse(`The results could not be added: ${valid.error.message} The workbook has not been changed.`);
  const notSaved = await saveLikeTheApp(workbookPath, valid.value, stamp, { force: options.force, what: 'results' });
  if (notSaved) return refuse(...notSaved);

  const kpiIds = [...new Set(checked.rows.map((r) => r.kpiId))];
  lines(
    io.out,
    `${name}: ${plural(checked.rows.length, 'result')} (${counts.added} added, ${counts.replaced} replaced).`,
    '',
    'Latest status of each KPI imported:',
    ...kpiIds.map((id) => {
      const kpi = findKpi(valid.value, id)!;
      const a = assessKpi(kpi);
      return `  ${kpi.name}: ${KPI_STATUS_LABELS[a.status]}${a.result ? ` (${figure(a.result.value)}${kpi.unit ? ` ${kpi.unit}` : ''}, ${a.result.period.label})` : ''}`;
    }),
    '',
    `Saved “${basename(workbookPath)}”; the previous version is kept as “${basename(backupPathFor(workbookPath))}”.`,
  );
}

export const actualsCommand: CliCommand = {
  register(program, context) {
    const actuals = program.command('actuals').description('Work with KPI results (actuals) in a workbook');
    actuals
      .command('import')
      .description(
        'Add KPI results from a CSV or Excel file with the columns KPI (name or id), Period and Value, and optionally Note and Status. ' +
          'Every row is checked first; a bad row means nothing is imported. The workbook is saved safely, keeping the previous version as a backup.',
      )
      .argument('<workbook>', 'The workbook file (.awbook)')
      .argument('<file>', 'The results (.csv or .xlsx) with a header row')
      .option('--replace', 'Replace results already recorded for the same KPI and period')
      .option('--force', 'Import even when the workbook is open in the app on another computer')
      .action(async (workbook: string, file: string, options: { replace?: boolean; force?: boolean }) => {
        try {
          await runImport(workbook, file, options, context);
        } catch (e) {
          if (!(e instanceof Refusal)) throw e;
          lines(context.io.err, ...e.lines);
          context.exit(EXIT.INVALID);
        }
      });
  },
};
