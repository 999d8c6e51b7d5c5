/**
 * `npm run cli -- objectives import` as an officer runs it: a real child process on temp copies of the
 * fixture and real plan files (text, a python-docx Word document, CSV and a zipped XLSX). The workbook on disk
 * is read back with the app's own reader afterwards.
 */
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LockFiles, lockPathFor } from '../electron/main/services/lock-files';
import { backupPathFor, readWorkbookFile } from '../electron/main/services/workbook-files';
import type { Objective, Workbook } from '../shared/model/workbook-schema';
import { COMPLETE_WORKBOOK, HOSTILE_FOLDER, VERSION_1_WORKBOOK } from '../tests/fixtures/fixtures';
import { CURRENT_VERSION } from '../shared/model/migrations';
import { makeDocx, makeXlsx, para } from '../tests/fixtures/plan-files';
import { ESSEX } from '../tests/fixtures/real-plans';
import { cli, expectNoStackTrace } from '../tests/fixtures/run-cli';

const PLAN_TEXT = `Our Council Plan 2026-2030

1. A healthier Essex
1.1 Improve residents' mental wellbeing and reduce loneliness
1.2 Help more people to be physically active
2. Children and young people
2.1 Every child ready for school
2.2 Improve reading at the end of primary school
3. A strong, inclusive economy
3.1 More residents in good jobs
3.2 Help people gain digital skills
3.3 Support new and small businesses
`;

const FIXTURE_OBJECTIVES = 10;

let folder: string;
let original: Buffer;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-cli-import-'));
  original = await readFile(COMPLETE_WORKBOOK);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A fresh folder with a copy of the complete fixture as “Plan.awbook”. */
async function workspace(): Promise<{ dir: string; workbook: string }> {
  const dir = await mkdtemp(join(folder, 'case-'));
  const workbook = join(dir, 'Plan.awbook');
  await copyFile(COMPLETE_WORKBOOK, workbook);
  return { dir, workbook };
}

async function reread(path: string): Promise<Workbook> {
  const read = await readWorkbookFile(path);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.workbook;
}

/** The imported objectives as "title (level) ← parent title". */
function placed(wb: Workbook): string[] {
  const added = wb.objectives.slice(FIXTURE_OBJECTIVES);
  const title = new Map(wb.objectives.map((o) => [o.id, o.title]));
  return added.map(
    (o: Objective) => `${o.title} (${o.level})${o.parentId ? ` ← ${title.get(o.parentId)}` : ''}`,
  );
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The file was written the app's way: a backup of the original beside it, and no lock left behind. */
async function expectSavedLikeTheApp(workbook: string) {
  expect(await readFile(backupPathFor(workbook))).toEqual(original);
  expect(await exists(lockPathFor(workbook))).toBe(false);
}

/** Nothing was written: the file is byte for byte the fixture, with no backup. */
async function expectUntouched(workbook: string) {
  expect(await readFile(workbook)).toEqual(original);
  expect(await exists(backupPathFor(workbook))).toBe(false);
  expect(await exists(lockPathFor(workbook))).toBe(false);
}

describe.concurrent('npm run cli -- objectives import', { timeout: 120_000 }, () => {
  it('prints each “Label: explanation” commitment with its explanation shortened beneath it, and what it read', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'everyones-essex.txt');
    await writeFile(plan, ESSEX.pasted);
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.slice(0, 3)).toEqual([
      'ECONOMY',
      '  Good jobs',
      '    We will work hard to address the impacts of the Covid pandemic on…',
    ]);
    expect(out).toContain('Read 24 lines of “everyones-essex.txt”: kept 24, left out 0.');
    expect(out.at(-2)).toMatch(/^Added 4 themes and 20 objectives to “Plan.awbook”/);
    const goodJobs = (await reread(workbook)).objectives.find((o) => o.title === 'Good jobs')!;
    expect(goodJobs.description, 'the explanation is kept whole in the workbook').toBe(ESSEX.groups[0]!.items[0]!.description);
  });

  it('imports pasted plan text, leaving out the title line, with the source and page given', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.txt');
    await writeFile(plan, PLAN_TEXT);
    const r = await cli(
      'objectives',
      'import',
      workbook,
      plan,
      '--leave-out',
      '1',
      '--source',
      'Essex Council Plan 2026-2030',
      '--page',
      '4',
    );
    expect(r).toEqual({
      code: 0,
      stdout: [
        'A healthier Essex',
        "  Improve residents' mental wellbeing and reduce loneliness",
        '  Help more people to be physically active',
        'Children and young people',
        '  Every child ready for school',
        '  Improve reading at the end of primary school',
        'A strong, inclusive economy',
        '  More residents in good jobs',
        '  Help people gain digital skills',
        '  Support new and small businesses',
        '',
        'Read 11 lines of “plan.txt”: kept 10, left out 1 (line 1; keep one with --keep).',
        'Added 3 themes and 7 objectives to “Plan.awbook” (20 objectives in all). The previous version is kept as “Plan.backup.awbook”.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const wb = await reread(workbook);
    expect(placed(wb)).toEqual([
      'A healthier Essex (theme)',
      "Improve residents' mental wellbeing and reduce loneliness (objective) ← A healthier Essex",
      'Help more people to be physically active (objective) ← A healthier Essex',
      'Children and young people (theme)',
      'Every child ready for school (objective) ← Children and young people',
      'Improve reading at the end of primary school (objective) ← Children and young people',
      'A strong, inclusive economy (theme)',
      'More residents in good jobs (objective) ← A strong, inclusive economy',
      'Help people gain digital skills (objective) ← A strong, inclusive economy',
      'Support new and small businesses (objective) ← A strong, inclusive economy',
    ]);
    expect(new Set(wb.objectives.slice(FIXTURE_OBJECTIVES).map((o) => JSON.stringify(o.source)))).toEqual(
      new Set([JSON.stringify({ document: 'Essex Council Plan 2026-2030', page: '4', url: '' })]),
    );
    // Everything else in the workbook is as it was.
    const before = await reread(COMPLETE_WORKBOOK);
    expect({
      ...wb,
      objectives: wb.objectives.slice(0, FIXTURE_OBJECTIVES),
      modified: before.modified,
    }).toEqual(before);
    expect(wb.modified > before.modified).toBe(true);
    await expectSavedLikeTheApp(workbook);
  });

  it('keeps the title line it left out when told to, and can make the top level objectives', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.txt');
    await writeFile(plan, PLAN_TEXT);
    const r = await cli('objectives', 'import', workbook, plan, '--top', 'objectives', '--keep', '1');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Our Council Plan 2026-2030');
    expect(r.stdout).toContain('Read 11 lines of “plan.txt”: kept 11, left out 0.');
    expect(r.stdout).toContain('Added 4 objectives and 7 outcomes to “Plan.awbook” (21 objectives in all).');
    const wb = await reread(workbook);
    expect(placed(wb).slice(0, 3)).toEqual([
      'Our Council Plan 2026-2030 (objective)',
      'A healthier Essex (objective)',
      "Improve residents' mental wellbeing and reduce loneliness (outcome) ← A healthier Essex",
    ]);
    // Without --source, the file's name is the source, as in the app.
    expect(wb.objectives[FIXTURE_OBJECTIVES]!.source).toEqual({ document: 'plan', page: '', url: '' });
  });

  it('imports a Word document: headings and lists, level 2 items flattened into outcomes', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'Northshire plan.docx');
    await makeDocx(plan, [
      { style: 'Title', text: 'Northshire Council Plan 2026 to 2030' },
      para('This plan sets out what the council will do over the next four years.'),
      { style: 'Heading 1', text: 'A healthy Northshire' },
      para('We want everyone to live a long and healthy life.'),
      { style: 'List Bullet', text: 'Reduce loneliness and isolation' },
      { style: 'List Bullet 2', text: 'Befriending schemes in every town' },
      { style: 'List Bullet', text: 'Help more people to be physically active' },
      { style: 'Heading 1', text: 'A thriving economy' },
      { style: 'Heading 2', text: 'Skills for work' },
      { style: 'List Number', text: 'More adults gain qualifications' },
      { style: 'List Number 2', text: 'Apprenticeships in the council' },
      { style: 'List Number', text: 'Digital skills for all' },
    ]);
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r).toEqual({
      code: 0,
      stdout: [
        'A healthy Northshire',
        '  We want everyone to live a long and healthy life.',
        '  Reduce loneliness and isolation',
        '    Befriending schemes in every town',
        '  Help more people to be physically active',
        'A thriving economy',
        '  Skills for work',
        '    More adults gain qualifications',
        '    Apprenticeships in the council',
        '    Digital skills for all',
        '',
        'Read 11 lines of “Northshire plan.docx”: kept 10 (1 as descriptions), left out 1 (line 1; keep one with --keep).',
        'Added 2 themes, 3 objectives and 4 outcomes to “Plan.awbook” (19 objectives in all). The previous version is kept as “Plan.backup.awbook”.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const wb = await reread(workbook);
    expect(placed(wb)).toEqual([
      'A healthy Northshire (theme)',
      'Reduce loneliness and isolation (objective) ← A healthy Northshire',
      'Befriending schemes in every town (outcome) ← Reduce loneliness and isolation',
      'Help more people to be physically active (objective) ← A healthy Northshire',
      'A thriving economy (theme)',
      'Skills for work (objective) ← A thriving economy',
      'More adults gain qualifications (outcome) ← Skills for work',
      // Deeper than an outcome: another outcome of the same objective.
      'Apprenticeships in the council (outcome) ← Skills for work',
      'Digital skills for all (outcome) ← Skills for work',
    ]);
    expect(wb.objectives[FIXTURE_OBJECTIVES]).toMatchObject({
      description: 'We want everyone to live a long and healthy life.',
      source: { document: 'Northshire plan', page: '', url: '' },
    });
    await expectSavedLikeTheApp(workbook);
  });

  it('imports a CSV, guessing the columns, merging repeated themes, keeping each row’s own source', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'objectives.csv');
    await writeFile(
      plan,
      [
        'Priority,Aim,Success measure,Details,Source plan,Page',
        'Healthy lives,Reduce loneliness,Fewer adults feel lonely,Loneliness harms health,Council Plan 2026,12',
        'Healthy lives,Reduce loneliness,More people join groups,,,',
        'Healthy lives,More active people,,,,',
        '"Good jobs, good skills",Digital skills for all,,,Economic Strategy,7',
      ].join('\r\n'),
    );
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r).toEqual({
      code: 0,
      stdout: [
        'Healthy lives',
        '  Reduce loneliness',
        '    Fewer adults feel lonely',
        '      Loneliness harms health',
        '    More people join groups',
        '  More active people',
        'Good jobs, good skills',
        '  Digital skills for all',
        '',
        'Read 7 rows of “objectives.csv”: kept 7, left out 0.',
        'Added 2 themes, 3 objectives and 2 outcomes to “Plan.awbook” (17 objectives in all). The previous version is kept as “Plan.backup.awbook”.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const wb = await reread(workbook);
    const byTitle = new Map(wb.objectives.map((o) => [o.title, o]));
    expect(byTitle.get('Fewer adults feel lonely')).toMatchObject({
      level: 'outcome',
      description: 'Loneliness harms health',
      source: { document: 'Council Plan 2026', page: '12', url: '' },
    });
    // A row without a source of its own: the file's name.
    expect(byTitle.get('More people join groups')!.source).toEqual({
      document: 'objectives',
      page: '',
      url: '',
    });
    expect(byTitle.get('Digital skills for all')!.source).toEqual({
      document: 'Economic Strategy',
      page: '7',
      url: '',
    });
    await expectSavedLikeTheApp(workbook);
  });

  it('imports an Excel workbook, with the columns named on the command line', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'Delivery plan.xlsx');
    await makeXlsx(
      plan,
      [
        ['Ref', 'Area of focus', 'What we will do', 'Lead officer'],
        [1, 'Health and wellbeing', 'Reduce loneliness', 'J Smith'],
        [2, 'Health and wellbeing', 'Support unpaid carers', 'J Smith'],
        [3, 'Skills', 'Adult learning for all', 'A Khan'],
      ],
      { emptyFirstSheet: true },
    );
    const r = await cli(
      'objectives',
      'import',
      workbook,
      plan,
      '--columns',
      'objective=what we will do',
      '--source',
      'Delivery plan 2026/27',
    );
    expect(r).toEqual({
      code: 0,
      stdout: [
        'Health and wellbeing',
        '  Reduce loneliness',
        '  Support unpaid carers',
        'Skills',
        '  Adult learning for all',
        '',
        'Read 5 rows of “Delivery plan.xlsx”: kept 5, left out 0.',
        'Added 2 themes and 3 objectives to “Plan.awbook” (15 objectives in all). The previous version is kept as “Plan.backup.awbook”.',
        '',
      ].join('\n'),
      stderr: '',
    });
    const wb = await reread(workbook);
    expect(placed(wb)).toEqual([
      'Health and wellbeing (theme)',
      'Reduce loneliness (objective) ← Health and wellbeing',
      'Support unpaid carers (objective) ← Health and wellbeing',
      'Skills (theme)',
      'Adult learning for all (objective) ← Skills',
    ]);
    expect(wb.objectives[FIXTURE_OBJECTIVES]!.source).toEqual({
      document: 'Delivery plan 2026/27',
      page: '',
      url: '',
    });
    await expectSavedLikeTheApp(workbook);
  });

  it('reads text saved in Windows-1252 by an older Windows tool', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.txt');
    // ’ is 92, – is 96, £ is A3 and é is E9 in Windows-1252; none of them is valid UTF-8 on its own.
    const ascii = (t: string) => [...Buffer.from(t, 'latin1')];
    await writeFile(
      plan,
      Buffer.from([
        ...ascii('- Children'),
        0x92,
        ...ascii('s centres '),
        0x96,
        ...ascii(' '),
        0xa3,
        ...ascii('2m\n- Caf'),
        0xe9,
        ...ascii(' culture\n'),
      ]),
    );
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Children’s centres – £2m', 'Café culture']);
  });

  it('says when a version 1 workbook is saved in the current format', async () => {
    const { dir } = await workspace();
    const workbook = join(dir, 'Old.awbook');
    await copyFile(VERSION_1_WORKBOOK, workbook);
    const plan = join(dir, 'plan.txt');
    await writeFile(plan, '- Reading for pleasure\n');
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(`The previous version is kept as “Old\\.backup\\.awbook”\\. The workbook is now in file format version ${CURRENT_VERSION}\\.\\n$`),
    );
    expect(JSON.parse(await readFile(workbook, 'utf8')).version).toBe(CURRENT_VERSION);
  });
});

describe.concurrent('npm run cli -- objectives import: refusals', { timeout: 120_000 }, () => {
  const colleague = { user: 'pnatarajan', machine: 'LIB-LAPTOP-07', pid: 4242, owner: 'their-app' };

  it('refuses while a colleague has the workbook open, and imports with --force leaving their lock alone', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.txt');
    await writeFile(plan, '- Reading for pleasure\n');
    await new LockFiles(colleague).acquire(workbook);
    const theirLock = await readFile(lockPathFor(workbook), 'utf8');

    const refused = await cli('objectives', 'import', workbook, plan);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^“Plan\.awbook” is open by pnatarajan on LIB-LAPTOP-07, since \d{1,2} \w+ \d{4} at \d\d:\d\d \(UK time\)\. The workbook has not been changed\.\nAsk them to close it first, or run the import again with --force \(they would then be asked what to do when they next save\)\.\n$/,
    );
    expect(await readFile(workbook)).toEqual(original);
    expect(await readFile(lockPathFor(workbook), 'utf8')).toBe(theirLock);

    const forced = await cli('objectives', 'import', workbook, plan, '--force');
    expect(forced.code).toBe(0);
    expect((await reread(workbook)).objectives.at(-1)!.title).toBe('Reading for pleasure');
    expect(await readFile(lockPathFor(workbook), 'utf8')).toBe(theirLock);
  });

  it('says when the lock looks stale, and still refuses without --force', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.txt');
    await writeFile(plan, '- Reading for pleasure\n');
    await new LockFiles(colleague, () => new Date(Date.now() - 3_600_000)).acquire(workbook);
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'Their copy has not been active for a while, so it may have been left open after a crash. If you are sure nobody is using it, run the import again with --force.',
    );
    expect(await readFile(workbook)).toEqual(original);
  });

  it('refuses a kind of file it cannot import from', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'Council plan.pdf');
    await writeFile(plan, '%PDF-1.7\n');
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '“Council plan.pdf” is not a kind of file objectives can be imported from. Use a Word document (.docx), a spreadsheet (.csv or .xlsx) or plain text (.txt).\n',
    });
    await expectUntouched(workbook);
  });

  it('says an old .doc saved with a .docx name is not a Word document', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.docx');
    await writeFile(plan, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '“plan.docx” is not a Word document (.docx): it may be an older .doc file or damaged. Save it from Word as .docx and try again.\n',
    );
    await expectUntouched(workbook);
  });

  it('lists the headers when no column of themes, objectives or outcomes can be found', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.xlsx');
    await makeXlsx(plan, [
      ['Ref', 'What we will do', 'Lead officer'],
      [1, 'Reduce loneliness', 'J Smith'],
    ]);
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'No column of themes, objectives or outcomes was found in “plan.xlsx”. Its columns are: “Ref”, “What we will do”, “Lead officer”. Say which column holds what with --columns, for example --columns "theme=<column>,objective=<column>".\n',
    });
    await expectUntouched(workbook);
  });

  it('explains a --columns value it cannot use, with exit code 2', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.csv');
    await writeFile(plan, 'Theme,Objective\nHealth,Loneliness\n');
    const badRole = await cli('objectives', 'import', workbook, plan, '--columns', 'pillar=Theme');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toBe(
      '--columns takes role=column pairs separated by commas, for example --columns theme=Priority,objective=Aim. The roles are theme, objective, outcome, description, document and page; “pillar=Theme” is not one of them.\n',
    );
    const badHeader = await cli('objectives', 'import', workbook, plan, '--columns', 'objective=Aim');
    expect(badHeader.code).toBe(2);
    expect(badHeader.stderr).toBe(
      '“plan.csv” has no column called “Aim”. Its columns are: “Theme”, “Objective”.\n',
    );
    const onText = await cli(
      'objectives',
      'import',
      workbook,
      join(dir, 'missing.txt'),
      '--columns',
      'objective=Aim',
    );
    expect(onText.code).toBe(1);
    await expectUntouched(workbook);
  });

  it('reports an unreadable workbook with the reader’s located message, and writes nothing', async () => {
    const { dir } = await workspace();
    const workbook = join(dir, 'invalid-json.awbook');
    await copyFile(join(HOSTILE_FOLDER, 'invalid-json.awbook'), workbook);
    const before = await readFile(workbook);
    const plan = join(dir, 'plan.txt');
    await writeFile(plan, PLAN_TEXT);
    const r = await cli('objectives', 'import', workbook, plan);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '“invalid-json.awbook”: The file is damaged or not a workbook: it is not valid JSON at line 7, column 5 (a comma is missing).\n',
    });
    expect(await readFile(workbook)).toEqual(before);
    expect(await exists(backupPathFor(workbook))).toBe(false);
  });

  it('says when there is nothing to import, and when the plan file is missing', async () => {
    const { dir, workbook } = await workspace();
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '\n\n   \n');
    const r = await cli('objectives', 'import', workbook, empty);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Nothing to import: no objectives were found in “empty.txt”. Numbered, bulleted or indented lists, headings and “Theme 1:” style lines are recognised. The workbook has not been changed.\n',
    });
    const missing = await cli('objectives', 'import', workbook, join(dir, 'Not here.docx'));
    expect(missing).toEqual({
      code: 1,
      stdout: '',
      stderr: '“Not here.docx” could not be found. Check the name and the folder.\n',
    });
    await expectUntouched(workbook);
  });

  it('explains bad options with exit code 2', async () => {
    const { dir, workbook } = await workspace();
    const plan = join(dir, 'plan.txt');
    await writeFile(plan, PLAN_TEXT);
    const top = await cli('objectives', 'import', workbook, plan, '--top', 'outcome');
    expect(top).toEqual({
      code: 2,
      stdout: '',
      stderr: '--top must be “theme” or “objective” (found “outcome”).\n',
    });
    const leave = await cli('objectives', 'import', workbook, plan, '--leave-out', '2');
    expect(leave.code).toBe(2);
    expect(leave.stderr).toBe(
      '--leave-out takes the line numbers of lines, separated by commas. Line 2 of “plan.txt” holds nothing that was read. The lines read are 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.\n',
    );
    const missingArg = await cli('objectives', 'import', workbook);
    expect(missingArg.code).toBe(2);
    expect(missingArg.stderr).toBe(
      "Missing required argument 'file'\n(Run with --help to see the commands.)\n",
    );
    for (const x of [top, leave, missingArg]) expectNoStackTrace(x);
    await expectUntouched(workbook);
  });
});
