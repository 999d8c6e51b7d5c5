/**
 * `progress report <workbook> [--period <label>] --format docx,pdf [--final] --out <dir>`: the six-monthly
 * progress report, through the same document service as `generate` (the workbook's latest progress report draft
 * gives the answers). --period chooses the reporting period among those the KPI results use; without it, the
 * draft's period or the latest with results.
 */
import { findReportingPeriod } from '../../shared/analysis/progress';
import { reportingPeriods } from '../../shared/model/progress-operations';
import { REPORTING_PERIOD_QUESTION } from '../../shared/documents/template/progress-blocks';
import type { CliCommand } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines } from '../output';
import { runGenerate, type GenerateOptions } from './generate';

export const PROGRESS_TEMPLATE_ID = 'progress-report';

interface ProgressReportOptions {
  period?: string;
  format?: string;
  out: string;
  final?: boolean;
  draft?: boolean;
  name?: string;
  chromium?: string;
}

export const progressCommand: CliCommand = {
  register(program, { io, folder, exit }) {
    const progress = program.command('progress').description('Report on KPI results and the action plan');
    progress
      .command('report')
      .description('Make the six-monthly progress report (Word and/or PDF): results against each KPI, the action plan, risks, next steps and decisions')
      .argument('<workbook>', 'the workbook file (.awbook)')
      .option('--period <label>', 'the reporting period, as the KPI results name it (for example “H2 2025/26”); default: the latest with results')
      .option('--format <formats>', 'docx, pdf or docx,pdf', 'docx,pdf')
      .requiredOption('--out <folder>', 'folder to write the files to (made if missing)')
      .option('--name <name>', 'file name without the extension (default: progress-report)')
      .option('--chromium <path>', 'the Chromium, Chrome or Edge to print PDFs with')
      .option('--draft', 'a draft, marked DRAFT, with guidance where something is missing (the default)')
      .option('--final', 'a final for publication: refused, with what is missing, while anything is')
      .action(async (workbookFile: string, options: ProgressReportOptions) => {
        const setAnswers: Record<string, string> = {};
        if (options.period !== undefined) {
          const read = await loadWorkbook(workbookFile, folder);
          if (!read.ok) {
            lines(io.err, ...describeError(read.error));
            return exit(EXIT.INVALID);
          }
          const found = findReportingPeriod(read.value.workbook, options.period);
          if (!found) {
            const known = reportingPeriods(read.value.workbook).map((p) => p.label);
            lines(
              io.err,
              `No KPI result is recorded for “${options.period}”. ${known.length ? `The periods with results are: ${known.join(', ')}.` : 'The workbook has no KPI results yet: record them in the Progress step or with actuals import.'}`,
            );
            return exit(EXIT.USAGE);
          }
          setAnswers[REPORTING_PERIOD_QUESTION] = found.label;
        }
        const generate: GenerateOptions = {
          template: PROGRESS_TEMPLATE_ID,
          format: options.format,
          out: options.out,
          name: options.name,
          chromium: options.chromium,
          draft: options.draft,
          final: options.final,
          setAnswers,
        };
        exit(await runGenerate(workbookFile, generate, io, folder));
      });
  },
};
