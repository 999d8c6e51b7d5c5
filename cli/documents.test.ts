/**
 * `templates` and `generate` as a user runs them: the real command line in a child process, on the shipped sample
 * workbook, writing real files that are then opened (the DOCX as a zip with its Word parts, the PDF with pdfinfo).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectNoStackTrace, PROJECT } from '../tests/fixtures/run-cli';

const SAMPLE = join(PROJECT, 'shared/samples/sample-workbook.json');
const BUILT_INS = ['commissioning-bid', 'committee-report', 'five-case-business-case', 'partnership-proposal', 'strategic-alignment-statement'];

function expectWordFile(path: string, contains?: string) {
  execFileSync('unzip', ['-tq', path]);
  const parts = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).split('\n');
  expect(parts).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
  if (contains) {
    const text = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<[^>]+>/g, '');
    expect(text).toContain(contains);
  }
}

function expectTaggedPdf(path: string): Record<string, string> {
  const info = Object.fromEntries(
    execFileSync('pdfinfo', [path], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  expect(info.Tagged).toBe('yes');
  expect(Number(info.Pages)).toBeGreaterThan(1);
  return info;
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'awb-cli-docs-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.concurrent('npm run cli -- templates', () => {
  it('lists the built-in templates one per line, id first and then the name', async () => {
    const r = await cli('templates');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(BUILT_INS);
    for (const l of lines) expect(l).toMatch(/^[a-z0-9-]+ {2,}\S.*$/);
    expect(lines).toContain('five-case-business-case        Business case (Five Case Model)');
  });

  it('adds the templates of a folder given, and reports a broken one on stderr with the file and line', async () => {
    const mine = join(folder, 'my-templates');
    const broken = join(mine, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'template.json'), '{\n  "id": "broken",\n  "name": "Broken"\n  "version": "1.0.0"\n}\n');
    const r = await cli('templates', '--templates-folder', mine);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(BUILT_INS.length);
    expect(r.stderr).toMatch(/^Template problem in .*broken.*template\.json.*line 4/m);
    expectNoStackTrace(r);
  });
});

describe('npm run cli -- generate', { timeout: 120_000 }, () => {
  it('writes a valid Word file and a tagged PDF of the business case, using an answers file', async () => {
    const out = join(folder, 'five-case');
    const answers = join(PROJECT, 'tests/fixtures/documents/five-case-answers.json');
    const r = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--format', 'docx,pdf', '--out', out, '--answers', answers);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const docx = join(out, 'five-case-business-case.docx');
    const pdf = join(out, 'five-case-business-case.pdf');
    expect(r.stdout).toMatch(new RegExp(`^Wrote ${docx.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\)$`, 'm'));
    expect(readdirSync(out).sort()).toEqual(['five-case-business-case.docx', 'five-case-business-case.pdf']);
    expectWordFile(docx, 'Digital Champions 2026/27');
    const info = expectTaggedPdf(pdf);
    expect(info.Title).toBe('Digital Champions 2026/27: business case');
    // Every required question was answered; the optional ones left open are listed for the officer.
    expect(r.stdout).not.toMatch(/\(required\)/);
    expect(r.stdout).toMatch(/^Things to check before publishing \(\d+\):$/m);
  });

  it.each(BUILT_INS)('makes %s from the sample workbook alone, from its finished draft with every question answered', async (id) => {
    const out = join(folder, `sample-${id}`);
    const r = await cli('generate', SAMPLE, '--template', id, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectWordFile(join(out, `${id}.docx`), 'Northshire');
    expectTaggedPdf(join(out, `${id}.pdf`));
    expect(r.stdout).not.toMatch(/^Unanswered questions/m);
    if (id === 'partnership-proposal') expectWordFile(join(out, `${id}.docx`), 'NHS Northshire and Wyndham Integrated Care Board');
  });

  it('makes a final committee report from the sample, built on the business case its draft names', async () => {
    const out = join(folder, 'committee-final');
    const r = await cli('generate', SAMPLE, '--template', 'committee-report', '--final', '--format', 'docx,pdf', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Based on the business case “Digital Champions 2026 to 2028: business case” \(drf_nsc_digital_champions\)\.$/m);
    expect(r.stdout).toMatch(/^This is a final: no guidance, no markers\.$/m);
    expectWordFile(join(out, 'committee-report.docx'), 'Cabinet is recommended to:');
    expect(expectTaggedPdf(join(out, 'committee-report.pdf')).Title).toBe('Digital inclusion in libraries: continuing the Digital Champions sessions');
  });

  it('writes only the format asked for, under the name given', async () => {
    const out = join(folder, 'word-only');
    const r = await cli('generate', SAMPLE, '--template', 'strategic-alignment-statement', '--format', 'docx', '--out', out, '--name', 'Cabinet paper');
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['Cabinet paper.docx']);
  });

});

// Refusals start no browser, so they can run side by side.
describe.concurrent('npm run cli -- generate refuses bad input', { timeout: 120_000 }, () => {
  it('refuses an unknown template with the list of ids (exit 2)', async () => {
    const r = await cli('generate', SAMPLE, '--template', 'five-case', '--out', join(folder, 'x'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `There is no template “five-case”. The templates are: ${BUILT_INS.join(', ')}. (The templates command lists them with their names.)\n`,
    );
    expect(existsSync(join(folder, 'x'))).toBe(false);
  });

  it('says where an answers file is not valid JSON (exit 1)', async () => {
    const bad = join(folder, 'bad-answers.json');
    writeFileSync(bad, '{\n  "proposal_title": "Hub",\n  "stage": OBC\n}\n');
    const r = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--out', join(folder, 'y'), '--answers', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^The answers file “bad-answers\.json” is not valid JSON at line 3, column 12: /);
    expectNoStackTrace(r);
  });

  it('names an answer for a question the template does not ask, and an answer of the wrong kind (exit 1)', async () => {
    const typo = join(folder, 'typo.json');
    writeFileSync(typo, JSON.stringify({ proposal_titel: 'Hub' }));
    const r = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--out', join(folder, 'z'), '--answers', typo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^In “typo\.json”, “proposal_titel” is not a question of the template “five-case-business-case”\. Its questions are: proposal_title, stage, /);
    const kind = join(folder, 'kind.json');
    writeFileSync(kind, JSON.stringify({ decision: { text: 'Approve' } }));
    const r2 = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--out', join(folder, 'z'), '--answers', kind);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toBe('In “kind.json”, the answer to “decision” must be text or a number.\n');
  });

  it('refuses a final committee report with no business case, and a business case the workbook does not hold (exit 1)', async () => {
    const none = join(folder, 'no-case.json');
    writeFileSync(none, JSON.stringify({ basedOn: null }));
    const r = await cli('generate', SAMPLE, '--template', 'committee-report', '--final', '--format', 'docx', '--out', join(folder, 'u'), '--answers', none);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('  Business case: No business case is chosen: choose the business case this report asks a decision on.\n');
    expect(existsSync(join(folder, 'u')) ? readdirSync(join(folder, 'u')) : []).toEqual([]);
    const wrong = join(folder, 'wrong-case.json');
    writeFileSync(wrong, JSON.stringify({ basedOn: 'drf_nsc_icb_proposal' }));
    const r2 = await cli('generate', SAMPLE, '--template', 'committee-report', '--format', 'docx', '--out', join(folder, 'u'), '--answers', wrong);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toBe(
      'The answers file names the business case “drf_nsc_icb_proposal”, which is not a business case draft in the workbook. Its business cases are: drf_nsc_digital_champions (Digital Champions 2026 to 2028: business case).\n',
    );
  });

  it('says plainly when the workbook cannot be read, or is not a workbook (exit 1)', async () => {
    const missing = await cli('generate', join(folder, 'Not here.awbook'), '--template', 'five-case-business-case', '--out', join(folder, 'w'));
    expect(missing).toEqual({ code: 1, stdout: '', stderr: '“Not here.awbook” could not be found. It may have been moved, renamed or deleted.\n' });
    const notWorkbook = join(folder, 'notes.awbook');
    writeFileSync(notWorkbook, '{"format": "something-else"}');
    const r = await cli('generate', notWorkbook, '--template', 'five-case-business-case', '--out', join(folder, 'w'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not an Alignment Workbench workbook/);
    expectNoStackTrace(r);
  });

  it('refuses a format, marking or partner it does not know (exit 2)', async () => {
    const format = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--format', 'docx,odt', '--out', join(folder, 'v'));
    expect(format).toEqual({ code: 2, stdout: '', stderr: '--format must be docx, pdf or docx,pdf (“odt” is not one of them).\n' });
    const marking = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--marking', 'SECRET', '--out', join(folder, 'v'));
    expect(marking.code).toBe(2);
    expect(marking.stderr).toBe('--marking must be one of OFFICIAL, OFFICIAL-SENSITIVE, NONE (found “SECRET”).\n');
    const partner = await cli('generate', SAMPLE, '--template', 'partnership-proposal', '--partner', 'NHS England', '--out', join(folder, 'v'));
    expect(partner.code).toBe(2);
    expect(partner.stderr).toMatch(/^There is no partner “NHS England” in the workbook\. Its partners are: ptn_nsc_icb \(NHS Northshire and Wyndham Integrated Care Board\), /);
  });

  it('explains how to get a PDF when no browser can print one, without a stack trace', async () => {
    const r = await cli('generate', SAMPLE, '--template', 'strategic-alignment-statement', '--format', 'pdf', '--out', join(folder, 'no-browser'), '--chromium', join(folder, 'no-such-browser'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Could not make the document: PDFs cannot be made on this computer \(/);
    expect(r.stderr).toContain('or make only the Word file with --format docx.');
    expectNoStackTrace(r);
  });
});
