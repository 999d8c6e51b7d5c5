/**
 * `generate --answers` with a "businessCase": the answers file may carry the options appraisal and the other
 * cases in the workbook's shape. A bad value is named by its path in the file; a good one makes the final, with
 * the appraisal's figures, even from a workbook with no draft; without it the final is refused, naming each
 * missing part of the appraisal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbookText, serialiseWorkbook } from '../shared/model/workbook-format';
import type { Workbook } from '../shared/model/workbook-schema';
import { cli, expectNoStackTrace, PROJECT } from '../tests/fixtures/run-cli';

const SAMPLE = join(PROJECT, 'shared/samples/sample-workbook.json');
const documentText = (docx: string) =>
  execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/<[^>]+>/g, '');

let folder: string;
let undrafted: string;
let sample: Workbook;
const draft = () => sample.drafts.find((d) => d.id === 'drf_nsc_digital_champions')!;
const answersOf = () => Object.fromEntries(draft().answers.map((a) => [a.questionId, a.value]));
function answersFile(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'awb-cli-case-'));
  const read = readWorkbookText(readFileSync(SAMPLE, 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  sample = read.value.workbook;
  undrafted = join(folder, 'No drafts.awbook');
  writeFileSync(undrafted, serialiseWorkbook({ ...sample, drafts: [] }));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('generate --answers with a businessCase', { timeout: 120_000 }, () => {
  it('names the path of a value the schema refuses, and of a reference the workbook lacks (exit 1)', async () => {
    const bc = structuredClone(draft().businessCase!);
    bc.appraisal.options[2]!.costs[1]!.amounts[3] = -5;
    const bad = answersFile('negative.json', { businessCase: bc });
    const r = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--format', 'docx', '--out', join(folder, 'x'), '--answers', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('In “negative.json”, “businessCase” is not a valid business case:\n  businessCase.appraisal.options[2].costs[1].amounts[3]: Must not be negative\n');
    expectNoStackTrace(r);

    const bc2 = structuredClone(draft().businessCase!);
    bc2.management.benefits[1]!.kpiId = 'kpi_not_on_the_map';
    const r2 = await cli('generate', SAMPLE, '--template', 'five-case-business-case', '--format', 'docx', '--out', join(folder, 'x'), '--answers', answersFile('kpi.json', { businessCase: bc2 }));
    expect(r2.code).toBe(1);
    expect(r2.stderr).toBe('In “kpi.json”, “businessCase” does not fit the workbook:\n  businessCase.management.benefits[1].kpiId: Refers to KPI "kpi_not_on_the_map", which is not in the workbook\n');
  });

  it('refuses a final without the business case, naming each missing part, and makes it once the file gives one', async () => {
    const answers = answersFile('answers-only.json', answersOf());
    const refused = await cli('generate', undrafted, '--template', 'five-case-business-case', '--format', 'docx', '--out', join(folder, 'refused'), '--answers', answers, '--final');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Section “4.4 Costs, benefits and value for money”: Enter the options appraisal: The options appraisal has not been started. Complete this in the Documents step’s business case forms.');
    expect(refused.stderr).toContain('Section “7.3 Risk register”: Add the risk register: The risk register has no risks. Complete this');
    expect(refused.stderr).toContain('Section “7.4 Benefits realisation plan”: Add the benefits realisation plan: The benefits realisation plan has no benefits. Complete this');

    const bc = structuredClone(draft().businessCase!);
    bc.appraisal.options = bc.appraisal.options.filter((o) => o.role !== 'do-minimum');
    bc.appraisal.options.find((o) => o.role === 'alternative')!.costs = [];
    bc.management.risks[0]!.owner = '';
    const partial = answersFile('partial.json', { ...answersOf(), businessCase: bc });
    const r = await cli('generate', undrafted, '--template', 'five-case-business-case', '--format', 'docx', '--out', join(folder, 'partial'), '--answers', partial, '--final');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Section “4.4 Costs, benefits and value for money”: Complete the options appraisal: The short list has no “do minimum” option and the option “Commission a voluntary sector provider” has no costs.');
    expect(r.stderr).toContain('Section “7.3 Risk register”: Complete the risk register: The risk “Public health funding not confirmed” has no owner.');

    const whole = answersFile('whole.json', { ...answersOf(), businessCase: draft().businessCase });
    const made = await cli('generate', undrafted, '--template', 'five-case-business-case', '--format', 'docx', '--out', join(folder, 'made'), '--answers', whole, '--final');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const text = documentText(join(folder, 'made', 'five-case-business-case.docx'));
    // The preferred option's NPSV and switching value, as worked out from the sample (appraisal.test.ts checks the maths).
    expect(text).toContain('Options appraisal: present values, optimism bias, net present social value and benefit–cost ratio');
    expect(text).toContain('£199,244');
    expect(text).toContain('+56.9%');
    expect(text).toContain('Funding gap (shortfall; a minus is a surplus)');
  });
});
