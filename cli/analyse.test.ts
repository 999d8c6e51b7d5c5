/**
 * `npm run cli -- analyse` on the hand-built workbook (tests/fixtures/hand-built-workbook.ts), whose every number
 * is worked out by hand in shared/analysis/coverage.test.ts: a real child process on a real file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWorkbookFile } from '../electron/main/services/workbook-files';
import type { AnalysisReport } from '../shared/analysis/report';
import { COMPLETE_WORKBOOK, HOSTILE_FOLDER } from '../tests/fixtures/fixtures';
import { emptyWorkbook, handBuiltWorkbook } from '../tests/fixtures/hand-built-workbook';
import { cli, expectNoStackTrace } from '../tests/fixtures/run-cli';

let folder: string;
let handBuilt: string;
let empty: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-cli-analyse-'));
  handBuilt = join(folder, 'hand.awbook');
  empty = join(folder, 'empty.awbook');
  for (const [path, wb] of [
    [handBuilt, handBuiltWorkbook()],
    [empty, emptyWorkbook('Nothing yet')],
  ] as const) {
    const written = await writeWorkbookFile(path, wb, { keepBackup: false });
    if (!written.ok) throw new Error(written.error.message);
  }
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe.concurrent('npm run cli -- analyse', { timeout: 120_000 }, () => {
  it('prints what the Review step shows, with the numbers worked out by hand', async () => {
    const r = await cli('analyse', handBuilt);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'Analysis of “Hand-built workbook” (hand.awbook)',
      '',
      'In summary',
      '  Of Essex library service’s 7 services, 3 contribute to 3 of the council’s 6 objectives (50%), with',
      '  a strong contribution to 2. The strongest contributions are to “Digital skills for all”, “Fewer',
      '  lonely adults” and 1 other. Three objectives have no library contribution yet (“Support new',
      '  firms”, “Keep the roads safe” and “Every child ready for school”), which may be opportunities. One',
      '  objective has only weak contributions. Four services are not yet linked to any objective',
      '  (“Rhymetime”, “Exhibitions”, “Reading Well” and 1 other) and could be questioned in a budget',
      '  round. Of the 5 links, 60% cite evidence. Three medium or strong claims rest on weak or no',
      '  evidence and should be strengthened before the case goes to committee.',
      '',
      'Totals',
      '  Objectives with a library contribution  3 of 6 (50%)',
      '  With a strong contribution              2',
      '  Services linked to an objective         3 of 7',
      '  Links citing evidence                   3 of 5 (60%)',
      '  Claims to strengthen                    3',
      '  Suggested links not yet accepted        7',
      '',
      'Coverage by objective',
      '  Services contributing and their score (strong 9, medium 3, weak 1); a theme or objective with',
      '  others beneath it counts everything beneath it. Confidence is the mean over the links: low 1,',
      '  medium 2, high 3.',
      '',
      '  Code   Objective                     Services  Score  Coverage         Evidenced  Confidence',
      '  1      Healthy lives                        2     12  Strong                 67%         2.0',
      '  1.1      Reduce loneliness                  2     12  Strong                100%         2.0',
      '  1.1.1      Fewer lonely adults              1      9  Strong                100%         3.0',
      '  1.2      More active people                 1      1  Weak only               0%         2.0',
      '  2      Good jobs                            2     12  Strong                 50%         1.5',
      '  2.1      Digital skills for all             2     12  Strong                 50%         1.5',
      '  2.2      Support new firms                  0      0  No contribution          –           –',
      '  3      Keep the roads safe                  0      0  No contribution          –           –',
      '  4      Every child ready for school         0      0  No contribution          –           –',
      '',
      'Gaps: opportunities (4)',
      '  1.2  More active people: only weak contributions.',
      '       Services that could contribute: Reading Well (medium).',
      '  2.2  Support new firms: no library contribution yet.',
      '       Services that could contribute: Job club (medium), Digital skills sessions (weak).',
      '  3    Keep the roads safe: no library contribution yet.',
      '       No current service is an obvious fit: a new offer or partnership may be needed.',
      '  4    Every child ready for school: no library contribution yet.',
      '       Services that could contribute: Rhymetime (medium), Reading Well (weak).',
      '',
      'Services with no strategic link (4)',
      '  Not linked to any council objective, so the first to be questioned in a budget round:',
      "    Rhymetime         Children's Promise",
      '    Exhibitions       Culture and Creativity',
      '    Reading Well      Health and Wellbeing',
      '    Public computers  Information and Digital',
      '',
      'Strong claims with weak evidence (3)',
      '  Digital skills sessions → 2.1 Digital skills for all (strong): only limited or anecdotal evidence;',
      '    low confidence.',
      '  Job club → 2.1 Digital skills for all (medium): no evidence attached.',
      '  Job club → 1.1 Reduce loneliness (medium): low confidence.',
      '',
      'By Ambition outcome',
      '  Ambition outcome                                  Services  Objectives reached',
      '  1. Cultural and creative enrichment                      0                   0',
      '  2. Increased reading and literacy                        2                   0',
      '  3. Improved digital access and literacy                  2                   1',
      '  4. Helping everyone achieve their full potential         3                   2',
      '  5. Healthier and happier lives                           3                   2',
      '  6. Greater prosperity                                    3                   2',
      '  7. Stronger, more resilient communities                  2                   2',
      '',
    ]);
  });

  it('prints the analysis as JSON with the names and codes of what it refers to', async () => {
    const r = await cli('analyse', handBuilt, '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as AnalysisReport & {
      workbook: { file: string; title: string; authority: string | null };
      names: {
        objectives: Record<string, { code: string; title: string; level: string }>;
        services: Record<string, { name: string; offer: string }>;
      };
    };
    expect(parsed.workbook).toEqual({
      file: 'hand.awbook',
      title: 'Hand-built workbook',
      authority: 'Essex',
    });
    expect(parsed.totals).toEqual({
      objectives: 9,
      assessable: 6,
      covered: 3,
      strong: 2,
      services: 7,
      linkedServices: 3,
      links: 5,
      evidencedLinks: 3,
    });
    expect(
      parsed.gaps.map((g) => [
        parsed.names.objectives[g.objectiveId]!.code,
        g.status,
        g.candidates.map((c) => parsed.names.services[c.serviceId]!.name),
      ]),
    ).toEqual([
      ['1.2', 'weak', ['Reading Well']],
      ['2.2', 'gap', ['Job club', 'Digital skills sessions']],
      ['3', 'gap', []],
      ['4', 'gap', ['Rhymetime', 'Reading Well']],
    ]);
    expect(parsed.weakClaims.map((c) => [c.alignmentId, c.reasons])).toEqual([
      ['aln_A3', ['weak-evidence', 'low-confidence']],
      ['aln_A4', ['no-evidence']],
      ['aln_A6', ['low-confidence']],
    ]);
    expect(parsed.names.objectives['obj_OC1']).toEqual({
      code: '1.1.1',
      title: 'Fewer lonely adults',
      level: 'outcome',
    });
    expect(parsed.objectives.find((o) => o.objectiveId === 'obj_T1')).toMatchObject({
      score: 12,
      evidencedShare: 2 / 3,
      meanConfidence: 2,
      status: 'strong',
    });
    expect(parsed.summary).toMatch(
      /^Of Essex library service’s 7 services, 3 contribute to 3 of the council’s 6 objectives \(50%\)/,
    );
  });

  it('says there is nothing to assess in an empty workbook', async () => {
    const r = await cli('analyse', empty);
    expect(r.code).toBe(0);
    const sections = r.stdout.split('\n\n');
    expect(sections[1]).toBe(
      'In summary\n  The library service has not recorded any council objectives yet, so there is nothing to assess.',
    );
    expect(r.stdout).toContain('Coverage by objective\n');
    expect(r.stdout).toContain('  No objectives yet.\n');
    expect(r.stdout).toContain('Gaps: opportunities (0)\n  No objectives to assess yet.\n');
    expect(r.stdout).toContain('Services with no strategic link (0)\n  No services yet.\n');
    expect(r.stdout).toContain(
      'Strong claims with weak evidence (0)\n  Every medium and strong link cites good evidence with at least medium confidence.\n',
    );
  });

  it('analyses the complete fixture', async () => {
    const r = await cli('analyse', COMPLETE_WORKBOOK);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  Objectives with a library contribution  4 of 4 (100%)\n');
    expect(r.stdout).toContain('Services with no strategic link (1)\n');
    expect(r.stdout).toContain('    Author events and local history talks  Culture and Creativity\n');
  });

  it('refuses an invalid workbook the way validate does, in text and JSON alike', async () => {
    for (const args of [[], ['--json']]) {
      const r = await cli('analyse', join(HOSTILE_FOLDER, 'invalid-json.awbook'), ...args);
      expect(r).toEqual({
        code: 1,
        stdout: '',
        stderr:
          '“invalid-json.awbook”: The file is damaged or not a workbook: it is not valid JSON at line 7, column 5 (a comma is missing).\n',
      });
      expectNoStackTrace(r);
    }
  });
});
