import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeXlsx } from '../../tests/fixtures/plan-files';
import { ownFigureTotals } from '../analysis/benchmark-own-figures';
import type { OwnFigure } from '../model/workbook-schema';
import { OwnFigureSchema } from '../model/workbook-schema';
import { describeProblem, detectTemplate, guessOwnMapping, importCoreDataset, importOwnTable, periodFor, readDate, readMonth, type ImportContext, type ImportResult } from './own-figures';
import { readPlanFile } from './plan-files';
import { readCsv } from './table-outline';

const KENT: ImportContext = {
  authority: { gss: 'E10000016', name: 'Kent', officialName: 'Kent County Council' },
  libraries: [
    { ref: 'E10000016:allington-library', name: 'Allington Library' },
    { ref: 'E10000016:ashford-library', name: 'Ashford Library' },
  ],
  existing: [],
  source: 'visits.csv (imported 7 December 2026)',
};

const table = (text: string) => readCsv(text).table;

function refused(r: ImportResult) {
  if (r.ok) throw new Error('expected the file to be refused');
  return r;
}
function accepted(r: ImportResult) {
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'));
  return r;
}

const VISITS_HEADER = 'Local authority,Library name,Count start,Count end,Count type,Visits';

describe('core-dataset templates are recognised by their header row', () => {
  it('names each template', () => {
    expect(detectTemplate(VISITS_HEADER.split(','))).toBe('physical-visits');
    expect(detectTemplate(['Local authority', 'Library name', 'Month', 'Type', 'Loans'])).toBe('loans');
    expect(detectTemplate(['local authority', 'COUNT DATE', 'Area code', 'Members'])).toBe('membership');
    expect(detectTemplate(['Local authority', 'Library name', 'Event date', 'Name', 'Main outcome', 'Attendees'])).toBe('events');
    expect(detectTemplate(['Library', 'Visits'])).toBeNull();
  });
});

describe('physical visits', () => {
  it('imports good rows per library and period, with the source', () => {
    const r = accepted(
      importCoreDataset(
        table(`${VISITS_HEADER}\nKent,Allington Library,2023-04-01,2023-06-30,Automatic,"12,500"\nKent County Council,ashford,2023-04-01,2024-03-31,Manual,81000\n`),
        'physical-visits',
        KENT,
      ),
    );
    expect(r.rows).toBe(2);
    expect(r.figures.map((f) => [f.library, f.libraryRef, f.detail, f.period.label, f.value])).toEqual([
      ['Allington Library', 'E10000016:allington-library', 'Automatic', 'Q1 2023/24', 12_500],
      ['Ashford Library', 'E10000016:ashford-library', 'Manual', '2023/24', 81_000],
    ]);
    for (const f of r.figures) {
      expect(OwnFigureSchema.safeParse(f).success).toBe(true);
      expect(f.source).toBe(KENT.source);
    }
  });

  it('refuses a wrong type, an unknown library, a negative count and a bad date, naming line and column', () => {
    const r = refused(
      importCoreDataset(
        table(
          `${VISITS_HEADER}\nKent,Allington Library,2023-04-01,2023-06-30,Automatic,lots\nKent,Nowhere Library,2023-04-01,2023-06-30,Automatic,5\n\nKent,Ashford Library,2023-04-01,2023-06-30,Automatic,-4\nKent,Ashford Library,2023-02-30,2023-06-30,Sometimes,4\n`,
        ),
        'physical-visits',
        KENT,
      ),
    );
    expect(r.problems.map(describeProblem)).toEqual([
      'Line 2, column “Visits”: expected a whole number, found “lots”',
      'Line 3, column “Library name”: “Nowhere Library” is not one of Kent’s libraries (those in the 2023 libraries dataset or on a service in this workbook)',
      // The blank line 4 is still counted, so the line is the one the officer sees.
      'Line 5, column “Visits”: a count must not be negative (found “-4”)',
      'Line 6, column “Count start”: expected a date such as 2024-03-31, found “2023-02-30”',
      'Line 6, column “Count type”: “Sometimes” is not one of the allowed values: “Manual”, “Automatic”',
    ]);
    expect(r.otherAuthority).toBeNull();
  });

  it('refuses a period counted twice, in the file or already in the workbook', () => {
    const twice = refused(
      importCoreDataset(table(`${VISITS_HEADER}\nKent,Allington Library,2023-04-01,2023-06-30,Automatic,10\nKent,Allington Library,2023-04-01,2023-06-30,Automatic,11\n`), 'physical-visits', KENT),
    );
    expect(twice.problems.map(describeProblem)).toEqual(['Line 3, column “Count start”: this repeats line 2 (the same library, period and type), so it would be counted twice']);
    const first = accepted(importCoreDataset(table(`${VISITS_HEADER}\nKent,Allington Library,2023-04-01,2023-06-30,Automatic,10\n`), 'physical-visits', KENT));
    const again = refused(importCoreDataset(table(`${VISITS_HEADER}\nKent,Allington Library,2023-04-01,2023-06-30,Automatic,10\n`), 'physical-visits', { ...KENT, existing: first.figures }));
    expect(describeProblem(again.problems[0]!)).toMatch(/^Line 2, column “Count start”: the workbook already has this count \(physical visits at Allington Library, Q1 2023\/24\), imported from visits\.csv/);
  });

  it('flags a file from another authority', () => {
    const r = refused(importCoreDataset(table(`${VISITS_HEADER}\nEssex,Chelmsford Library,2023-04-01,2023-06-30,Automatic,10\n`), 'physical-visits', KENT));
    expect(r.otherAuthority).toBe('Essex');
    expect(describeProblem(r.problems[0]!)).toBe('Line 2, column “Local authority”: “Essex” is another authority; this workbook is for Kent');
  });
});

describe('loans', () => {
  const HEADER = 'Local authority,Library name,Month,Type,Loans';
  it('imports good rows by month and type', () => {
    const r = accepted(importCoreDataset(table(`${HEADER}\nKent,Allington Library,2023-04,Adult fiction,300\nKent,Allington Library,2023-04,Children's fiction,420\nE10000016,Ashford Library,May 2023,Adult fiction,90\n`), 'loans', KENT));
    expect(r.figures.map((f) => [f.library, f.detail, f.period.label, f.period.start, f.period.end, f.value])).toEqual([
      ['Allington Library', 'Adult fiction', 'April 2023', '2023-04-01', '2023-04-30', 300],
      ['Allington Library', "Children's fiction", 'April 2023', '2023-04-01', '2023-04-30', 420],
      ['Ashford Library', 'Adult fiction', 'May 2023', '2023-05-01', '2023-05-31', 90],
    ]);
  });
  it('refuses bad rows', () => {
    const r = refused(importCoreDataset(table(`${HEADER}\nKent,Allington Library,Spring,Adult fiction,300\nKent,Allington Library,2023-04,Adult fiction,2.5\nSurrey,Allington Library,2023-05,Adult fiction,3\nKent,Ashford Library,2023-06,Adult fiction,1\nKent,ashford library,2023-06-01,adult fiction,2\n`), 'loans', KENT));
    expect(r.problems.map(describeProblem)).toEqual([
      'Line 2, column “Month”: expected a month such as 2024-03, found “Spring”',
      'Line 3, column “Loans”: expected a whole number, found “2.5”',
      'Line 4, column “Local authority”: “Surrey” is another authority; this workbook is for Kent',
      'Line 6, column “Month”: this repeats line 5 (the same library, period and type), so it would be counted twice',
    ]);
  });
});

describe('membership', () => {
  const HEADER = 'Local authority,Count date,Area code,Members';
  it('imports counts by area for the whole service, and a year is its latest count', () => {
    const r = accepted(importCoreDataset(table(`${HEADER}\nKent,2023-09-30,E01024001,120\nKent,2023-09-30,E01024002,80\nKent,31/03/2024,E01024001,130\nKent,31/03/2024,E01024002,85\n`), 'membership', KENT));
    expect(r.figures.every((f) => f.library === '' && f.measure === 'members')).toBe(true);
    const [members] = ownFigureTotals(r.figures);
    expect(members).toMatchObject({ measure: 'members', year: '2023/24', total: 215, asAt: '2024-03-31' });
  });
  it('refuses bad rows', () => {
    const r = refused(importCoreDataset(table(`${HEADER}\nKent,2023-09-30,,120\nKent,2023-09-31,E01024002,80\nKent,2023-09-30,E01024003,-1\nKent,2023-09-30,E01024004,1\nKent,2023-09-30,e01024004,2\n`), 'membership', KENT));
    expect(r.problems.map(describeProblem)).toEqual([
      'Line 2, column “Area code”: this is required, and the cell is empty',
      'Line 3, column “Count date”: expected a date such as 2024-03-31, found “2023-09-31”',
      'Line 4, column “Members”: a count must not be negative (found “-1”)',
      'Line 6, column “Count date”: this repeats line 5 (the same period and type), so it would be counted twice',
    ]);
  });
});

describe('events', () => {
  const HEADER = 'Local authority,Library name,Event date,Name,Main outcome,Secondary outcome,Attendees';
  it('counts events and adds up attendance by library and month', () => {
    const r = accepted(
      importCoreDataset(
        table(`${HEADER}\nKent,Allington Library,2023-04-03,Rhyme time,Increased reading and literacy,,14\nKent,Allington Library,2023-04-10,Rhyme time,Increased reading and literacy,Healthier and happier lives,16\nKent,Outreach,2023-04-12,School visit (Ash Primary),Increased reading and literacy,,30\n`),
        'events',
        KENT,
      ),
    );
    expect(r.rows).toBe(3);
    expect(r.figures.map((f) => [f.measure, f.library, f.period.label, f.value])).toEqual([
      ['events', 'Allington Library', 'April 2023', 2],
      ['attendance', 'Allington Library', 'April 2023', 30],
      ['events', 'Outreach', 'April 2023', 1],
      ['attendance', 'Outreach', 'April 2023', 30],
    ]);
    const again = refused(importCoreDataset(table(`${HEADER}\nKent,Allington Library,2023-04-20,Author talk,Cultural and creative enrichment,,40\n`), 'events', { ...KENT, existing: r.figures }));
    expect(describeProblem(again.problems[0]!)).toBe('Line 2, column “Event date”: the workbook already has events for Allington Library in April 2023');
  });
  it('refuses bad rows', () => {
    const r = refused(
      importCoreDataset(
        table(`${HEADER}\nKent,Allington Library,2023-04-03,Rhyme time,Fun,,14\nKent,Allington Library,2023-04-03,Rhyme time,Increased reading and literacy,,14\nKent,Allington Library,2023-04-03,Rhyme time,Increased reading and literacy,,15\nKent,The Moon,2023-04-04,Talk,Greater prosperity,,x\n`),
        'events',
        KENT,
      ),
    );
    expect(r.problems.map(describeProblem)).toEqual([
      expect.stringMatching(/^Line 2, column “Main outcome”: “Fun” is not one of the allowed values: “Cultural and creative enrichment”/),
      'Line 4, column “Event date”: this repeats line 3 (the same library, period and type), so it would be counted twice',
      'Line 5, column “Library name”: “The Moon” is not one of Kent’s libraries (those in the 2023 libraries dataset or on a service in this workbook); an event held elsewhere is given as “Outreach”',
      'Line 5, column “Attendees”: expected a whole number, found “x”',
    ]);
  });
});

describe('the officer’s own spreadsheet, columns mapped', () => {
  it('imports with a period column and the measure the officer chose', () => {
    const t = table('Branch,Year,Issues\nAllington,2023/24,5000\nAshford Library,2022/23,4000\n');
    const r = accepted(importOwnTable(t, { measure: 'loans', library: 0, period: 1, value: 2 }, KENT));
    expect(r.figures.map((f) => [f.measure, f.library, f.period, f.value])).toEqual([
      ['loans', 'Allington Library', { label: '2023/24', start: '2023-04-01', end: '2024-03-31' }, 5000],
      ['loans', 'Ashford Library', { label: '2022/23', start: '2022-04-01', end: '2023-03-31' }, 4000],
    ]);
  });
  it('refuses an unreadable period and says when no period column is mapped', () => {
    const t = table('Branch,Year,Issues\nAllington,sometime,5000\n');
    expect(refused(importOwnTable(t, { measure: 'loans', library: 0, period: 1, value: 2 }, KENT)).problems.map(describeProblem)).toEqual([
      'Line 2, column “Year”: “sometime” is not a period this can read: use 2023/24, Q1 2023/24, April 2023 or a date such as 2024-03-31',
    ]);
    expect(refused(importOwnTable(t, { measure: 'loans', library: 0, value: 2 }, KENT)).problems.map(describeProblem)).toEqual([
      'Line 1: say which column holds the period, or which hold its start and end dates',
    ]);
  });
});

describe('totals by year', () => {
  it('adds counts over periods by financial year and library', () => {
    const f = (library: string, start: string, end: string, value: number): OwnFigure => ({ id: `fig_${library}${start}`, measure: 'visits', library, libraryRef: '', detail: 'Automatic', period: periodFor(start, end), value, source: 's' });
    const totals = ownFigureTotals([f('A', '2023-04-01', '2023-06-30', 10), f('B', '2023-07-01', '2023-09-30', 5), f('A', '2024-01-01', '2024-03-31', 7), f('A', '2024-04-01', '2024-06-30', 100)]);
    expect(totals.map((t) => [t.year, t.total, t.byLibrary])).toEqual([
      ['2024/25', 100, [{ library: 'A', value: 100 }]],
      ['2023/24', 22, [{ library: 'A', value: 17 }, { library: 'B', value: 5 }]],
    ]);
  });
  it('reads dates and months strictly', () => {
    expect(readDate('2024-02-29')).toBe('2024-02-29');
    expect(readDate('2023-02-29')).toBeNull();
    expect(readDate('01/04/2023')).toBe('2023-04-01');
    expect(readMonth('2023-13')).toBeNull();
    expect(readMonth('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodFor('2024-01-01', '2024-03-31').label).toBe('Q4 2023/24');
    expect(periodFor('2023-04-03', '2023-04-16').label).toBe('3 April 2023 to 16 April 2023');
  });
});

/**
 * Each core-dataset template, one good row then one bad row: the bad row is refused on line 3 in the column
 * at fault, and the good one alone imports.
 */
type Case = 'wrong type' | 'unknown library' | 'negative count' | 'duplicate period' | 'wrong authority';
const TEMPLATE_CASES: Record<'physical-visits' | 'loans' | 'membership' | 'events', { header: string; good: string; bad: Partial<Record<Case, [string, string]>> }> = {
  'physical-visits': {
    header: VISITS_HEADER,
    good: 'Kent,Allington Library,2023-04-01,2023-06-30,Automatic,100',
    bad: {
      'wrong type': ['Kent,Allington Library,2023-07-01,2023-09-30,Automatic,many', 'Visits'],
      'unknown library': ['Kent,Atlantis Library,2023-07-01,2023-09-30,Automatic,5', 'Library name'],
      'negative count': ['Kent,Allington Library,2023-07-01,2023-09-30,Automatic,-5', 'Visits'],
      'duplicate period': ['Kent,Allington Library,2023-04-01,2023-06-30,Automatic,101', 'Count start'],
      'wrong authority': ['Medway,Allington Library,2023-07-01,2023-09-30,Automatic,5', 'Local authority'],
    },
  },
  loans: {
    header: 'Local authority,Library name,Month,Type,Loans',
    good: 'Kent,Ashford Library,2023-04,Adult fiction,50',
    bad: {
      'wrong type': ['Kent,Ashford Library,2023-05,Adult fiction,fifty', 'Loans'],
      'unknown library': ['Kent,Atlantis Library,2023-05,Adult fiction,5', 'Library name'],
      'negative count': ['Kent,Ashford Library,2023-05,Adult fiction,-50', 'Loans'],
      'duplicate period': ['Kent,Ashford Library,2023-04,Adult fiction,51', 'Month'],
      'wrong authority': ['Essex,Ashford Library,2023-05,Adult fiction,5', 'Local authority'],
    },
  },
  membership: {
    header: 'Local authority,Count date,Area code,Members',
    good: 'Kent,2024-03-31,E01024001,70',
    bad: {
      'wrong type': ['Kent,2024-03-31,E01024002,7.5', 'Members'],
      'negative count': ['Kent,2024-03-31,E01024002,-7', 'Members'],
      'duplicate period': ['Kent,2024-03-31,E01024001,71', 'Count date'],
      'wrong authority': ['E10000012,2024-03-31,E01024002,7', 'Local authority'],
    },
  },
  events: {
    header: 'Local authority,Library name,Event date,Name,Main outcome,Secondary outcome,Attendees',
    good: 'Kent,Allington Library,2023-04-03,Rhyme time,Increased reading and literacy,,12',
    bad: {
      'wrong type': ['Kent,Allington Library,2023-04-04,Author talk,Cultural and creative enrichment,,a dozen', 'Attendees'],
      'unknown library': ['Kent,Atlantis Library,2023-04-04,Author talk,Cultural and creative enrichment,,5', 'Library name'],
      'negative count': ['Kent,Allington Library,2023-04-04,Author talk,Cultural and creative enrichment,,-5', 'Attendees'],
      'duplicate period': ['Kent,Allington Library,2023-04-03,Rhyme time,Increased reading and literacy,,13', 'Event date'],
      'wrong authority': ['Surrey County Council,Allington Library,2023-04-04,Author talk,Cultural and creative enrichment,,5', 'Local authority'],
    },
  },
};

describe.each(Object.entries(TEMPLATE_CASES))('the %s template', (template, spec) => {
  const id = template as keyof typeof TEMPLATE_CASES;
  it('imports a good row', () => {
    expect(detectTemplate(spec.header.split(','))).toBe(id);
    expect(accepted(importCoreDataset(table(`${spec.header}\n${spec.good}\n`), id, KENT)).rows).toBe(1);
  });
  it.each(Object.entries(spec.bad))('refuses a row with a %s, naming its line and column', (kind, [row, column]) => {
    const r = refused(importCoreDataset(table(`${spec.header}\n${spec.good}\n${row}\n`), id, KENT));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 3, column });
    expect(r.otherAuthority !== null).toBe(kind === 'wrong authority');
  });
});

describe('an Excel file of the officer’s own, read with the shared spreadsheet reader', () => {
  it('imports mapped columns from .xlsx', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'awb-own-xlsx-'));
    try {
      const path = join(dir, 'issues.xlsx');
      await makeXlsx(path, [
        ['Site', 'From', 'To', 'Issues'],
        ['Allington', '2023-04-01', '2023-04-30', 321],
        ['Ashford Library', '2023-04-01', '2023-04-30', 654],
      ]);
      const file = await readPlanFile('issues.xlsx', new Uint8Array(await readFile(path)));
      if (!file.ok || !('table' in file.value)) throw new Error('not read as a table');
      const guessed = guessOwnMapping(file.value.table.headers);
      expect(guessed).toMatchObject({ library: 0, start: 1, end: 2, value: 3 });
      const r = accepted(importOwnTable(file.value.table, { measure: 'loans', library: guessed.library, start: guessed.start, end: guessed.end, value: guessed.value! }, KENT));
      expect(r.figures.map((f) => [f.library, f.period.label, f.value])).toEqual([
        ['Allington Library', 'April 2023', 321],
        ['Ashford Library', 'April 2023', 654],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
