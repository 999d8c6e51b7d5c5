/**
 * Loading a template from the text of its files (the node side reads the folder; this never touches a disk).
 * Everything that can be checked without a workbook is checked here, so a broken template is reported when it is
 * listed, not half-way through an export: the manifest, every section's syntax, helper and block names, and that
 * every answers.x and question="x" names a declared question.
 */
import { fail, ok, type Result } from '../../result';
import { BLOCK_NAMES } from './blocks';
import { HELPERS } from './evaluate';
import { MANIFEST_FILE, parseManifest, type Manifest } from './manifest';
import { parseInlineTemplate, parseTemplate, TemplateError, type Node } from './syntax';

export interface TemplateSection {
  readonly file: string;
  readonly orientation: 'portrait' | 'landscape';
  readonly nodes: readonly Node[];
}

export interface Template {
  readonly manifest: Manifest;
  /** Where it was loaded from (shown in messages; never read again by the engine). */
  readonly folder: string;
  readonly sections: readonly TemplateSection[];
  readonly documentFields: {
    readonly title: readonly Node[];
    readonly subtitle: readonly Node[];
    readonly subject: readonly Node[];
  };
}

export interface TemplateSource {
  readonly folder: string;
  readonly manifestText: string;
  readonly files: Readonly<Record<string, string>>;
}

export const MAX_TEMPLATE_FILE_CHARS = 256 * 1024;

function check(nodes: readonly Node[], manifest: Manifest): void {
  const questionIds = new Set(manifest.questions.map((q) => q.id));
  const visit = (list: readonly Node[]) => {
    for (const n of list) {
      switch (n.kind) {
        case 'value': {
          const [head, id] = n.path.segments;
          if ((head === 'answers' || head === 'choices') && id !== undefined && !questionIds.has(id))
            throw new TemplateError(n.path.at, `"${head}.${id}" names a question that is not in template.json.`);
          for (const h of n.helpers)
            if (!(HELPERS as readonly string[]).includes(h.name))
              throw new TemplateError(h.at, `"${h.name}" is not a helper. Helpers are: ${HELPERS.join(', ')}.`);
          break;
        }
        case 'block':
          if (!(BLOCK_NAMES as readonly string[]).includes(n.name))
            throw new TemplateError(n.at, `"${n.name}" is not a named block. Blocks are: ${BLOCK_NAMES.join(', ')}.`);
          if (n.options.question !== undefined && !questionIds.has(n.options.question))
            throw new TemplateError(n.at, `{{block ${n.name}}} names the question "${n.options.question}", which is not in template.json.`);
          break;
        case 'each':
          visit(n.body);
          visit(n.otherwise);
          break;
        case 'if':
          if (n.condition.path.segments[0] === 'answers' && !questionIds.has(n.condition.path.segments[1] ?? ''))
            throw new TemplateError(n.condition.path.at, `"answers.${n.condition.path.segments[1] ?? ''}" names a question that is not in template.json.`);
          visit(n.body);
          visit(n.otherwise);
          break;
        case 'guidance':
          visit(n.body);
          break;
        default:
          break;
      }
    }
  };
  visit(nodes);
}

function located(e: TemplateError, folder: string): Result<never> {
  const where = `${e.where.file}:${e.where.line}:${e.where.column}`;
  return fail('INVALID_INPUT', `The template in “${folder}” has a problem in ${e.message}`, [{ path: where, message: e.detail }]);
}

export function loadTemplate(source: TemplateSource): Result<Template> {
  try {
    if (source.manifestText.length > MAX_TEMPLATE_FILE_CHARS)
      throw new TemplateError({ file: MANIFEST_FILE, line: 1, column: 1 }, 'the file is too large to be a template manifest.');
    const manifest = parseManifest(source.manifestText);
    const documentFields = {
      title: parseInlineTemplate(`${MANIFEST_FILE} (document.title)`, manifest.document.title),
      subtitle: parseInlineTemplate(`${MANIFEST_FILE} (document.subtitle)`, manifest.document.subtitle),
      subject: parseInlineTemplate(`${MANIFEST_FILE} (document.subject)`, manifest.document.subject),
    };
    for (const nodes of Object.values(documentFields)) check(nodes, manifest);
    const sections: TemplateSection[] = manifest.sections.map((s) => {
      if (!Object.hasOwn(source.files, s.file))
        throw new TemplateError({ file: MANIFEST_FILE, line: 1, column: 1 }, `the section file "${s.file}" is listed but not in the template folder.`);
      const text = source.files[s.file]!;
      if (text.length > MAX_TEMPLATE_FILE_CHARS) throw new TemplateError({ file: s.file, line: 1, column: 1 }, 'the file is too large for a template section (the limit is 256 KB).');
      const nodes = parseTemplate(s.file, text);
      check(nodes, manifest);
      return { file: s.file, orientation: s.orientation, nodes };
    });
    return ok({ manifest, folder: source.folder, sections, documentFields });
  } catch (e) {
    if (e instanceof TemplateError) return located(e, source.folder);
    return fail('INVALID_INPUT', `The template in “${source.folder}” could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
