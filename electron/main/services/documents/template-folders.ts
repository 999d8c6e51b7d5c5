/**
 * Reading template folders from disk: the built-in templates shipped with the app and the officer's own folders.
 * A template may read only the regular files directly inside its folder: symlinks, sub-folders, other file types
 * and oversized files are refused, so a user template can never make the app read anything else. A broken
 * template becomes a listed problem, never an exception.
 */
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplate, type Template, type TemplateSource } from '../../../../shared/documents/template/load-template';
import { MANIFEST_FILE, type TemplateKind } from '../../../../shared/documents/template/manifest';
import { fail, ok, type Result } from '../../../../shared/result';

export const MAX_FILE_BYTES = 256 * 1024;
export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;
export const MAX_FILES = 100;
/** Folders of templates scanned in one user folder, so pointing at a huge drive stays quick. */
const MAX_FOLDERS = 200;

export interface TemplateSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: TemplateKind;
  readonly description: string;
  readonly version: string;
  readonly origin: 'built-in' | 'user';
  readonly folder: string;
  readonly template: Template;
}

/** The templates folder beside the app's code (the repository root, or the packaged app's resources). */
export function resolveBuiltInTemplatesDir(appRoot: string): string {
  return join(appRoot, 'templates');
}

/** Built-in templates when running from the repository (tests, the command line). */
export const BUILT_IN_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../templates');

export async function readTemplateFolder(dir: string): Promise<Result<TemplateSource>> {
  let folder: string;
  try {
    const info = await lstat(dir);
    if (info.isSymbolicLink()) return fail('FORBIDDEN', `“${dir}” is a shortcut (symbolic link); choose the template folder itself.`);
    if (!info.isDirectory()) return fail('INVALID_INPUT', `“${dir}” is not a folder.`);
    folder = await realpath(dir);
  } catch {
    return fail('NOT_FOUND', `The template folder “${dir}” could not be found.`);
  }
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return fail('UNREADABLE', `The template folder “${dir}” could not be read.`);
  }
  if (!entries.some((e) => e.name === MANIFEST_FILE)) return fail('INVALID_INPUT', `“${dir}” has no ${MANIFEST_FILE}, so it is not a template folder.`);
  const wanted = entries.filter((e) => e.name === MANIFEST_FILE || /\.md$/i.test(e.name));
  if (wanted.length > MAX_FILES) return fail('TOO_LARGE', `The template folder “${dir}” has more than ${MAX_FILES} files.`);
  let total = 0;
  const files: Record<string, string> = {};
  let manifestText = '';
  for (const e of wanted) {
    const path = join(folder, e.name);
    // Every file must be a plain file inside this folder: no links out, no devices.
    const info = await lstat(path).catch(() => null);
    if (!info || info.isSymbolicLink() || !info.isFile())
      return fail('FORBIDDEN', `“${e.name}” in the template folder “${dir}” is not an ordinary file (shortcuts are not allowed).`);
    const real = await realpath(path).catch(() => '');
    if (dirname(real) !== folder) return fail('FORBIDDEN', `“${e.name}” points outside the template folder “${dir}”.`);
    if (info.size > MAX_FILE_BYTES) return fail('TOO_LARGE', `“${e.name}” in “${dir}” is larger than 256 KB, too large for a template file.`);
    total += info.size;
    if (total > MAX_TEMPLATE_BYTES) return fail('TOO_LARGE', `The template folder “${dir}” is larger than 2 MB.`);
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) return fail('UNREADABLE', `“${e.name}” in “${dir}” could not be read.`);
    if (e.name === MANIFEST_FILE) manifestText = text;
    else files[e.name] = text;
  }
  return ok({ folder, manifestText, files });
}

export async function loadTemplateFolder(dir: string): Promise<Result<Template>> {
  const source = await readTemplateFolder(dir);
  return source.ok ? loadTemplate(source.value) : source;
}

async function templateDirsIn(root: string): Promise<string[]> {
  const info = await lstat(root).catch(() => null);
  if (!info || !info.isDirectory()) return [root];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  if (entries.some((e) => e.name === MANIFEST_FILE)) return [root];
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .slice(0, MAX_FOLDERS)
    .map((e) => join(root, e.name));
}

export async function listTemplates(
  builtInDir: string,
  userFolders: readonly string[],
): Promise<{ templates: TemplateSummary[]; problems: Array<{ folder: string; message: string }> }> {
  const templates: TemplateSummary[] = [];
  const problems: Array<{ folder: string; message: string }> = [];
  const add = async (dir: string, origin: 'built-in' | 'user') => {
    try {
      const loaded = await loadTemplateFolder(dir);
      if (!loaded.ok) {
        problems.push({ folder: dir, message: loaded.error.message });
        return;
      }
      const m = loaded.value.manifest;
      const clash = templates.find((t) => t.id === m.id);
      if (clash) {
        problems.push({ folder: dir, message: `The template “${m.name}” in “${basename(dir)}” has the id “${m.id}”, which “${clash.name}” already uses, so it was skipped.` });
        return;
      }
      templates.push({ id: m.id, name: m.name, kind: m.kind, description: m.description, version: m.version, origin, folder: dir, template: loaded.value });
    } catch (e) {
      problems.push({ folder: dir, message: `The template in “${dir}” could not be read: ${e instanceof Error ? e.message : String(e)}.` });
    }
  };
  for (const dir of await templateDirsIn(builtInDir)) await add(dir, 'built-in');
  for (const root of userFolders) for (const dir of await templateDirsIn(root)) await add(dir, 'user');
  return { templates, problems };
}
