/**
 * `validate <file...>`: is each file a workbook the app can open? One paragraph per valid file; the reader's
 * located messages for an invalid one, and exit code 1 if any is invalid.
 */
import { basename } from 'node:path';
import { CURRENT_VERSION } from '../../shared/model/migrations';
import type { Workbook } from '../../shared/model/workbook-schema';
import type { CliCommand } from '../command';
import { loadWorkbook } from '../load-workbook';
import { describeError, EXIT, lines, listInWords, plural } from '../output';

function contentsInWords(wb: Workbook): string {
  return listInWords([
    plural(wb.objectives.length, 'objective'),
    plural(wb.services.length, 'service'),
    plural(wb.alignments.length, 'alignment'),
    plural(wb.evidence.length, 'evidence item'),
    plural(wb.partners.length, 'partner'),
    plural(wb.workshops.length, 'workshop'),
    plural(wb.drafts.length, 'document draft'),
  ]);
}

function summary(file: string, wb: Workbook, fileVersion: number): string {
  const authority = wb.authority ? `for ${wb.authority.name} (${wb.authority.type})` : 'with no library authority chosen yet';
  const version =
    fileVersion < CURRENT_VERSION
      ? ` It was written in file format version ${fileVersion} and was upgraded to version ${CURRENT_VERSION} when read; the app will save it as version ${CURRENT_VERSION}. The file itself has not been changed.`
      : '';
  return `${file} is a valid workbook (file format version ${fileVersion}). “${wb.title}”, ${authority}, holds ${contentsInWords(wb)}.${version}`;
}

export const validateCommand: CliCommand = {
  register(program, { io, folder, exit }) {
    program
      .command('validate')
      .description('Check that each file is a workbook the app can open, and summarise it')
      .argument('<file...>', 'Workbook files (.awbook)')
      .action(async (files: string[]) => {
        for (const [i, file] of files.entries()) {
          const read = await loadWorkbook(file, folder);
          // A blank line between files, on the stream the next paragraph goes to.
          const write = read.ok ? io.out : io.err;
          if (i > 0) write('\n');
          if (read.ok) {
            lines(write, summary(basename(file), read.value.workbook, read.value.fileVersion));
          } else {
            lines(write, ...describeError(read.error));
            exit(EXIT.INVALID);
          }
        }
      });
  },
};
