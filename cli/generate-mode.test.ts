/**
 * `generate --draft` and `--final` as a user runs them (through runCli, on the shipped sample workbook): a final
 * is refused with exit 1 and the list of what is missing, writing nothing; once nothing is missing it is written
 * without guidance; the workbook's latest draft for the template gives the scope.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookText, serialiseWorkbook } from '../shared/model/workbook-format';
import { cli, closeSharedPrinter, expectNoStackTrace, PROJECT } from '../tests/fixtures/run-cli';

const SAMPLE = join(PROJECT, 'shared/samples/sample-workbook.json');
const ANSWERS = join(PROJECT, 'tests/fixtures/documents/five-case-answers.json');
const documentText = (docx: string) =>
  execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<[^>]+>/g, '');
const wordParts = (docx: string) => execFileSync('unzip', ['-Z1', docx], { encoding: 'utf8' }).split('\n');

let folder: string;
/** The sample without its finished drafts: the business case's required questions are then unanswered. */
let undrafted: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'awb-cli-mode-'));
  const read = readWorkbookText(readFileSync(SAMPLE, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  undrafted = join(folder, 'No drafts.awbook');
  writeFileSync(undrafted, serialiseWorkbook({ ...read.value.workbook, drafts: [] }));
});
afterAll(async () => {
  await closeSharedPrinter();
  rmSync(folder, { recursive: true, force: true });
});

describe('npm run cli -- generate --draft / --final', { timeout: 120_000 }, () => {
  it('refuses a final with exit 1, listing each unanswered required question, and writes nothing', async () => {
    const out = join(folder, 'refused');
    const r = await cli('generate', undrafted, '--template', 'five-case-business-case', '--format', 'docx', '--out', out, '--final');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^No final was made: A final “Business case \(Five Case Model\)” cannot be made yet: \d+ things are missing/);
    expect(r.stderr).toContain('  Question “Decision sought”: Required and not answered.');
    expect(r.stderr).toContain('Without --final, a draft shows these as guidance to complete.');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    expectNoStackTrace(r);
  });

  it('writes a final without guidance or comments once the answers are in, and a draft with them by default', async () => {
    const finalOut = join(folder, 'final');
    const f = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--format', 'docx', '--out', finalOut, '--answers', ANSWERS, '--final');
    expect(f.stderr).toBe('');
    expect(f.code).toBe(0);
    expect(f.stdout).toMatch(/five-case-business-case\.docx \(\d+ KB\)\nThis is a final: no guidance, no markers\.$/m);
    const finalDocx = join(finalOut, 'five-case-business-case.docx');
    expect(wordParts(finalDocx)).not.toContain('word/comments.xml');
    expect(documentText(finalDocx)).not.toMatch(/DRAFT|To complete|Guidance for the author/);

    const draftOut = join(folder, 'draft');
    const d = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--format', 'docx', '--out', draftOut, '--answers', ANSWERS);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^This is a draft: marked DRAFT/m);
    const draftDocx = join(draftOut, 'five-case-business-case.docx');
    expect(wordParts(draftDocx)).toContain('word/comments.xml');
    expect(documentText(draftDocx)).toContain('DRAFT: for comment, not for publication');
  });

  it('takes the scope from the workbook’s latest draft for the template: no services in it, no final', async () => {
    const file = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { workbook: { drafts: unknown[] } };
    const stamp = '2026-11-28T10:00:00Z';
    const answers = Object.entries(JSON.parse(readFileSync(ANSWERS, 'utf8')) as Record<string, string>).map(([questionId, value]) => ({ questionId, value }));
    const scoped = (serviceIds: string[], modified: string) => ({
      id: `drf_${modified.replace(/\D/g, '')}`,
      templateId: 'five-case-business-case',
      title: 'Digital Champions',
      scope: { wholeService: false, serviceIds, objectiveIds: [], amount: 85000, period: { label: '2026/27 and 2027/28', start: null, end: null } },
      answers,
      protectiveMarking: 'OFFICIAL',
      partnerId: null,
      created: stamp,
      modified,
    });
    // An older draft with services in scope, and the latest with none: the latest is the one used.
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { workbook: { services: Array<{ id: string }> } };
    file.workbook.drafts.push(scoped([sample.workbook.services[0]!.id], '2026-11-27T10:00:00Z'), scoped([], '2026-11-28T10:00:00Z'));
    const wb = join(folder, 'scoped.awbook');
    writeFileSync(wb, JSON.stringify(file));
    const r = await cli('generate', wb, '--template', 'five-case-business-case', '--format', 'docx', '--out', join(folder, 'scoped'), '--final');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  Scope: No services are in scope: choose the services this proposal is about.');
    expect(r.stderr).not.toContain('Question “');
  });

  it('will not take both --draft and --final (exit 2)', async () => {
    const r = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--out', join(folder, 'both'), '--draft', '--final');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Choose one of --draft and --final, not both.');
  });
});
