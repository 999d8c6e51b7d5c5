import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES_DIR, listTemplates, loadTemplateFolder, readTemplateFolder } from './template-folders';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awb-templates-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const manifest = (id: string, file = 'a.md') =>
  JSON.stringify({ id, name: `Template ${id}`, kind: 'other', version: '1.0.0', document: { title: 'T' }, sections: [{ file }] });

function template(name: string, id = name, section = '# Hello\n\n{{summary}}\n'): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'template.json'), manifest(id));
  writeFileSync(join(folder, 'a.md'), section);
  return folder;
}

describe('reading a template folder', () => {
  it('reads the manifest and the Markdown files directly inside the folder', async () => {
    const folder = template('good');
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'hidden.md'), 'not read');
    writeFileSync(join(folder, 'notes.txt'), 'not read');
    const r = await readTemplateFolder(folder);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.files)).toEqual(['a.md']);
  });

  it('refuses a section file that is a link to a file outside the folder', async () => {
    const folder = template('linked');
    const secret = join(dir, 'secret.md');
    writeFileSync(secret, 'password=hunter2');
    rmSync(join(folder, 'a.md'));
    symlinkSync(secret, join(folder, 'a.md'));
    const r = await readTemplateFolder(folder);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/“a\.md” .* is not an ordinary file \(shortcuts are not allowed\)/);
  });

  it('refuses a template folder that is itself a link', async () => {
    const folder = template('real');
    const link = join(dir, 'link');
    symlinkSync(folder, link);
    const r = await readTemplateFolder(link);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });

  it('refuses files too large for a template', async () => {
    const folder = template('big');
    writeFileSync(join(folder, 'a.md'), 'x'.repeat(300 * 1024));
    const r = await readTemplateFolder(folder);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/larger than 256 KB/);
  });

  it('says plainly when a folder is not a template', async () => {
    mkdirSync(join(dir, 'empty'));
    const r = await readTemplateFolder(join(dir, 'empty'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/has no template\.json/);
  });

  it('reports a syntax error with file, line and column', async () => {
    const folder = template('broken', 'broken', '# Title\n\n{{#each services as s}}\n{{s.name}}\n');
    const r = await loadTemplateFolder(folder);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]).toEqual({ path: 'a.md:3:1', message: '{{#each}} is never closed: add {{/each}} after its content.' });
  });
});

describe('listing templates', () => {
  it('lists built-ins and user templates; a broken or clashing user template is a problem, not a crash', async () => {
    template('mine', 'my-template');
    template('broken', 'broken', '{{constructor.constructor}}');
    template('clash', 'five-case-business-case');
    const { templates, problems } = await listTemplates(BUILT_IN_TEMPLATES_DIR, [dir, join(dir, 'does-not-exist')]);
    expect(templates.filter((t) => t.origin === 'built-in').map((t) => t.template.manifest.id).sort()).toEqual(['commissioning-bid', 'committee-report', 'five-case-business-case', 'partnership-proposal', 'progress-report', 'strategic-alignment-statement']);
    expect(templates.filter((t) => t.origin === 'user').map((t) => t.id)).toEqual(['my-template']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/"constructor" cannot be used/);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/has the id “five-case-business-case”, which .* already uses/);
    expect(problems.some((p) => p.folder.endsWith('does-not-exist'))).toBe(true);
  });

  it('accepts a user folder that is itself one template', async () => {
    const folder = template('single', 'single-template');
    const { templates } = await listTemplates(BUILT_IN_TEMPLATES_DIR, [folder]);
    expect(templates.map((t) => t.id)).toContain('single-template');
  });
});
