/**
 * `templates`: the document templates this copy of the app can use, one per line, id first, so scripts can read
 * the ids and people the names. Broken templates in the officer's folders are reported on stderr with the file,
 * line and column, and never stop the working ones from being listed.
 */
import { resolve } from 'node:path';
import { DocumentService, type DocumentServiceOptions } from '../../electron/main/services/documents/document-service';
import { resolveBuiltInTemplatesDir } from '../../electron/main/services/documents/template-folders';
import type { CliCommand } from '../command';
import { lines } from '../output';
import { projectRoot } from '../project-root';

/** The document service as the command line uses it: built-in templates plus any --templates-folder given. */
export function cliDocumentService(
  userFolders: readonly string[],
  startPrinter: DocumentServiceOptions['startPrinter'] = () => Promise.reject(new Error('this command does not print PDFs')),
): DocumentService {
  return new DocumentService({ builtInDir: resolveBuiltInTemplatesDir(projectRoot()), userFolders: () => userFolders, startPrinter });
}

export const templatesCommand: CliCommand = {
  register(program, { io, folder }) {
    program
      .command('templates')
      .description('List the document templates, one per line: the id, then the name')
      .option('--templates-folder <folder...>', 'also list the templates in these folders')
      .action(async (options: { templatesFolder?: string[] }) => {
        const service = cliDocumentService((options.templatesFolder ?? []).map((f) => resolve(folder, f)));
        const listing = await service.listTemplates();
        const width = Math.max(0, ...listing.templates.map((t) => t.id.length));
        for (const t of listing.templates)
          lines(io.out, `${t.id.padEnd(width)}  ${t.name}${t.origin === 'user' ? `  (from ${t.folder})` : ''}`);
        for (const p of listing.problems) lines(io.err, `Template problem in ${p.folder}: ${p.message}`);
      });
  },
};
