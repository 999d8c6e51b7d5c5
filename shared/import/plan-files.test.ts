/**
 * readPlanFile, the one door every imported plan file comes through: which files it takes, what it makes of
 * each, and the plain messages for files it cannot use.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, xlsxBytes } from '../../tests/fixtures/plan-files';
import { formatOutline } from './outline';
import { planFileKind, readPlanFile } from './plan-files';

const utf8 = (text: string) => new TextEncoder().encode(text);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-planfile-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('planFileKind', () => {
  it('knows text, Word and spreadsheet files by extension, in any case', () => {
    expect(
      [
        'plan.txt',
        'PLAN.TXT',
        'notes.md',
        'a.text',
        'Plan.DOCX',
        'rows.csv',
        'Rows.Xlsx',
        'no-extension',
        'plan.doc',
        'plan.pdf',
      ].map(planFileKind),
    ).toEqual(['text', 'text', 'text', 'text', 'docx', 'csv', 'xlsx', null, null, null]);
  });
});

describe('readPlanFile', () => {
  it('reads plain text into an outline', async () => {
    const read = await readPlanFile('plan.txt', utf8('1. Health\n1.1 Loneliness\n2. Economy'));
    expect(read.ok && read.value.kind === 'text' ? formatOutline(read.value.nodes) : read).toBe(
      'Health\n  Loneliness\nEconomy\n',
    );
  });

  it('reads Windows-1252 text from older Windows tools, pound signs and curly quotes included', async () => {
    // "£2m for Children’s centres – 2026" in Windows-1252: £ is A3, ’ is 92, – is 96; not valid UTF-8.
    const bytes = new Uint8Array([
      ...utf8('- '),
      0xa3,
      ...utf8('2m for Children'),
      0x92,
      ...utf8('s centres '),
      0x96,
      ...utf8(' 2026\n- Caf'),
      0xe9,
      ...utf8(' culture'),
    ]);
    const read = await readPlanFile('plan.txt', bytes);
    expect(read.ok && read.value.kind === 'text' ? read.value.nodes.map((n) => n.title) : read).toEqual([
      '£2m for Children’s centres – 2026',
      'Café culture',
    ]);
    const csv = await readPlanFile(
      'plan.csv',
      new Uint8Array([
        ...utf8('Theme,Objective\nEconomy,'),
        0x93,
        ...utf8('Good jobs'),
        0x94,
        ...utf8(' for '),
        0x80,
        ...utf8('1 spent'),
      ]),
    );
    expect(csv.ok && csv.value.kind === 'csv' ? csv.value.table.rows : csv).toEqual([
      ['Economy', '“Good jobs” for €1 spent'],
    ]);
  });

  it('reads a CSV into a table, with its warnings', async () => {
    const read = await readPlanFile('plan.csv', utf8('Theme,Objective\nHealth,"Loneliness\n'));
    expect(read).toEqual({
      ok: true,
      value: {
        kind: 'csv',
        table: { headers: ['Theme', 'Objective'], rows: [['Health', 'Loneliness']], rowNumbers: [2] },
        warnings: ['Row 2: Quoted field unterminated'],
      },
    });
  });

  it('reads a Word document and an Excel workbook', async () => {
    const docx = join(folder, 'plan.docx');
    await makeDocx(docx, [
      { style: 'Heading 1', text: 'Health' },
      { style: 'List Bullet', text: 'Loneliness' },
    ]);
    const word = await readPlanFile('plan.docx', new Uint8Array(await readFile(docx)));
    expect(word.ok && word.value.kind === 'docx' ? formatOutline(word.value.nodes) : word).toBe(
      'Health\n  Loneliness\n',
    );

    const excel = await readPlanFile(
      'plan.xlsx',
      new Uint8Array(
        xlsxBytes([
          {
            name: 'Sheet1',
            rows: [
              ['Theme', 'Objective'],
              ['Health', 'Loneliness'],
            ],
          },
        ]),
      ),
    );
    expect(excel).toEqual({
      ok: true,
      value: {
        kind: 'xlsx',
        table: { headers: ['Theme', 'Objective'], rows: [['Health', 'Loneliness']], rowNumbers: [2] },
        warnings: [],
      },
    });
  });

  it('refuses a kind of file it cannot read, naming the kinds it can', async () => {
    expect(await readPlanFile('plan.pdf', utf8('%PDF-1.7'))).toEqual({
      ok: false,
      error: {
        code: 'UNSUPPORTED',
        message:
          '“plan.pdf” is not a kind of file objectives can be imported from. Use a Word document (.docx), a spreadsheet (.csv or .xlsx) or plain text (.txt).',
      },
    });
  });

  it('says an old .doc or .xls renamed to the new extension is not one', async () => {
    // The first bytes of an OLE compound file, which is what .doc and .xls files are.
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await readPlanFile('Council plan.docx', ole)).toEqual({
      ok: false,
      error: {
        code: 'UNREADABLE',
        message:
          '“Council plan.docx” is not a Word document (.docx): it may be an older .doc file or damaged. Save it from Word as .docx and try again.',
      },
    });
    expect(await readPlanFile('Objectives.xlsx', ole)).toEqual({
      ok: false,
      error: {
        code: 'UNREADABLE',
        message:
          '“Objectives.xlsx” is not an Excel workbook (.xlsx): it may be an older .xls file or damaged.',
      },
    });
  });

  it('says so when a zip is damaged, without a stack trace', async () => {
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(await readPlanFile('plan.docx', broken)).toEqual({
      ok: false,
      error: { code: 'UNREADABLE', message: '“plan.docx” is damaged or not a Word document: its contents could not be unpacked.' },
    });
    expect(await readPlanFile('plan.xlsx', broken)).toEqual({
      ok: false,
      error: { code: 'UNREADABLE', message: '“plan.xlsx” is damaged or not an Excel workbook: its contents could not be unpacked.' },
    });
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    expect(await readPlanFile('plan.txt', big)).toEqual({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: '“plan.txt” is 20.1 MB; the largest plan the app reads is 20 MB.',
      },
    });
  });
});

describe('plan files with too many rows', () => {
  it('refuses a CSV of a million lines before parsing it, saying how many it has and how many the app reads', async () => {
    const csv = `Theme,Objective\n${'Growth,Jobs\n'.repeat(1_000_000)}`;
    const read = await readPlanFile('export.csv', new TextEncoder().encode(csv));
    expect(read).toEqual({
      ok: false,
      error: {
        code: 'TOO_LARGE',
        message: '“export.csv” has 1,000,002 rows; the largest plan the app reads has 10,000. Copy the rows that hold objectives into a new sheet and import that.',
      },
    });
  });
});
