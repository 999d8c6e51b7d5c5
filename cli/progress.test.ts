/**
 * `progress report` on the shipped sample: a final in Word and PDF whose sections and figures are read back from
 * the DOCX XML and the PDF's text; --period chooses the period; an unknown period is refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectNoStackTrace, PROJECT } from '../tests/fixtures/run-cli';

const SAMPLE = join(PROJECT, 'shared/samples/sample-workbook.json');
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'awb-cli-progress-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const docxText = (path: string) =>
  execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
const pdfText = (path: string) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\u00ad/g, '').replace(/\s+/g, ' ');

describe('npm run cli -- progress report', { timeout: 180_000 }, () => {
  it('writes a final from the sample in Word and PDF with every section and the period’s figures', async () => {
    const out = join(folder, 'final');
    const r = await cli('progress', 'report', SAMPLE, '--format', 'docx,pdf', '--final', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('This is a final');
    const word = docxText(join(out, 'progress-report.docx'));
    const pdf = pdfText(join(out, 'progress-report.pdf'));
    // The PDF's text is compared without spaces, since table cells wrap and hyphenate where the layout needs.
    const squash = (t: string) => t.replace(/\s+/g, '');
    for (const text of [squash(word), squash(pdf)]) {
      const has = (s: string) => expect(text).toContain(squash(s));
      for (const heading of ['1 Summary of the period', '2 Results against each KPI', '3 The action plan', '3.1 Actions completed', '3.2 Actions in progress', '3.3 Actions late, blocked or dropped', '3.4 Actions planned for the next six months', '4 Risks and issues', '5 What the service will do in the next six months', '6 Decisions needed'])
        has(heading);
      has('Of the 19 KPIs, 3 are on track, 3 are at risk, 2 are off track and 11 have no result for H2 2025/26 or no baseline.');
      has('KPI results for H2 2025/26 against baseline and target');
      // Low life satisfaction (lower is better): 5.4 against 5.45 on the line, on track, down 0.3 on H1.
      has('5.4, provisional');
      has('5.45 by the line');
      has('Down 0.3 on H1 2025/26');
      has('Adults volunteering formally at least once a month: the figures in the chart');
      has('The ICB has not yet agreed to share primary care referral data');
      has('Workshop, 12 February 2025');
      has('straight line from its baseline to its target');
    }
    expect(word).not.toMatch(/DRAFT|Guidance/);
    const alt = execFileSync('unzip', ['-p', join(out, 'progress-report.docx'), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(alt).toContain('descr="Bar chart of Pupils meeting the expected standard in reading at Key Stage 2 over time: baseline 72.8% of pupils in 2023/24, 73.5% of pupils in H1 2025/26, 74.2% of pupils in H2 2025/26 and target 76% of pupils by 2027/28."');
  });

  it('reports the period asked for, and refuses one with no results', async () => {
    const out = join(folder, 'h1');
    const r = await cli('progress', 'report', SAMPLE, '--period', 'h1 2025/26', '--format', 'docx', '--out', out);
    expect(r.code).toBe(0);
    const word = docxText(join(out, 'progress-report.docx'));
    expect(word).toContain('KPI results for H1 2025/26 against baseline and target');
    expect(word).toContain('5.7');
    const bad = await cli('progress', 'report', SAMPLE, '--period', '2019/20', '--format', 'docx', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('No KPI result is recorded for “2019/20”. The periods with results are: H2 2025/26, H1 2025/26.\n');
    expectNoStackTrace(bad);
  });
});
