/**
 * Spreadsheet plans: guessing which column holds what from the headers, and building the hierarchy from rows
 * (repeated themes and objectives combine), from CSV text and from real XLSX files.
 */
import { describe, expect, it } from 'vitest';
import { xlsxBytes } from '../../tests/fixtures/plan-files';
import { formatOutline } from './outline';
import { guessMapping, readCsv, readXlsxTable, tableToOutline, type Table } from './table-outline';

describe('guessMapping', () => {
  it('recognises the usual header words', () => {
    expect(guessMapping(['Priority', 'Aim', 'Success measure', 'Details', 'Source plan', 'Page'])).toEqual({
      theme: 0,
      objective: 1,
      outcome: 2,
      description: 3,
      document: 4,
      page: 5,
    });
    expect(guessMapping(['Theme', 'Objectives', 'Outcomes'])).toEqual({ theme: 0, objective: 1, outcome: 2 });
    expect(guessMapping(['Corporate pillar', 'Our commitments', 'Notes', 'pg'])).toEqual({
      theme: 0,
      objective: 1,
      description: 2,
      page: 3,
    });
  });

  it('does not give one column two roles, and leaves unknown headers unmapped', () => {
    // "Strategy" names the document; "Goal" is the objective; "Ref" and "Owner" mean nothing here.
    expect(guessMapping(['Ref', 'Goal', 'Owner', 'Strategy'])).toEqual({ objective: 1, document: 3 });
    expect(guessMapping(['Ref', 'Owner', 'Budget'])).toEqual({});
    expect(guessMapping([])).toEqual({});
  });

  it('matches whole words only', () => {
    // "Aimee" is not "Aim"; "Resultant" is not "Result".
    expect(guessMapping(['Aimee', 'Resultant'])).toEqual({});
  });
});

describe('readCsv', () => {
  it('reads quoted cells with commas and newlines, trims and collapses spaces, and drops blank rows', () => {
    const { table, errors } = readCsv(
      '\uFEFFTheme,Objective,Description\r\n"Health, care and wellbeing",  Reduce   loneliness ,"Two lines\nof text"\r\n,,\r\n\r\nEconomy,Good jobs,\r\n',
    );
    expect(errors).toEqual([]);
    expect(table).toEqual({
      headers: ['Theme', 'Objective', 'Description'],
      rows: [
        ['Health, care and wellbeing', 'Reduce loneliness', 'Two lines of text'],
        ['Economy', 'Good jobs', ''],
      ],
      // Records as a spreadsheet numbers them: the two blank rows between still count.
      rowNumbers: [2, 5],
    });
  });

  it('reports a broken quote with its row number', () => {
    const { errors } = readCsv('Theme,Objective\nHealth,"Loneliness\n');
    expect(errors).toHaveLength(1);
    // The header is row 1, so the broken line is row 2, as a spreadsheet numbers it.
    expect(errors[0]).toBe('Row 2: Quoted field unterminated');
  });

  it('reads an empty file as no headers and no rows', () => {
    expect(readCsv('').table).toEqual({ headers: [], rows: [], rowNumbers: [] });
  });
});

describe('tableToOutline', () => {
  const table: Table = {
    headers: ['Priority', 'Aim', 'Success measure', 'Details', 'Plan', 'Page'],
    rows: [
      [
        'Healthy lives',
        'Reduce loneliness',
        'Fewer adults feel lonely',
        'Loneliness harms health',
        'Council Plan',
        '12',
      ],
      ['Healthy lives', 'Reduce loneliness', 'More people join groups', '', '', ''],
      ['healthy LIVES', 'More active people', '', 'Active lives matter', 'Health Strategy', '4'],
      ['Good jobs', '', '', '', '', ''],
      ['', 'Digital skills for all', '', '', '', ''],
      ['', '', '', 'A row with no level cells', '', ''],
    ],
    rowNumbers: [2, 3, 4, 5, 6, 7],
  };

  it('merges repeated themes and objectives (ignoring case) and keeps first descriptions and each row’s source', () => {
    const { nodes, sources } = tableToOutline(table, guessMapping(table.headers));
    expect(formatOutline(nodes)).toBe(
      [
        'Healthy lives',
        '  Reduce loneliness',
        '    Fewer adults feel lonely',
        '    More people join groups',
        '  More active people',
        'Good jobs',
        // A row with only an objective sits at the top level: there is no theme to put it under.
        'Digital skills for all',
        '',
      ].join('\n'),
    );
    const [health] = nodes;
    // The description belongs to the deepest item the row names.
    expect(health!.description).toBe('');
    expect(health!.children[0]!.children[0]!.description).toBe('Loneliness harms health');
    expect(health!.children[1]!.description).toBe('Active lives matter');
    expect(sources.get(health!.children[0]!.children[0]!.key)).toEqual({
      document: 'Council Plan',
      page: '12',
    });
    expect(sources.get(health!.children[1]!.key)).toEqual({ document: 'Health Strategy', page: '4' });
    // Items first named on a row take its source; a row without one gives none.
    expect(sources.get(health!.key)).toEqual({ document: 'Council Plan', page: '12' });
    expect(sources.has(nodes[1]!.key)).toBe(false);
    // Items named on the same row share its line but never a key.
    expect(health!.children[0]!.line).toBe(health!.line);
    expect(health!.children[0]!.key).not.toBe(health!.key);
    // Line numbers are spreadsheet rows: the header is row 1.
    expect(health!.line).toBe(2);
    expect(health!.children[1]!.line).toBe(4);
    expect(nodes[2]!.line).toBe(6);
  });

  it('numbers items by the sheet row they are on, counting blank rows as a spreadsheet does', () => {
    const { table } = readCsv('Theme,Objective\nHealth,Loneliness\n\n,,\nJobs,Digital skills\n');
    const { nodes } = tableToOutline(table, guessMapping(table.headers));
    expect(nodes.map((n) => [n.title, n.line])).toEqual([
      ['Health', 2],
      ['Jobs', 5],
    ]);
  });

  it('builds only the levels that are mapped', () => {
    const { nodes } = tableToOutline(table, { objective: 1 });
    expect(formatOutline(nodes)).toBe('Reduce loneliness\nMore active people\nDigital skills for all\n');
    expect(tableToOutline(table, {}).nodes).toEqual([]);
  });
});

describe('readXlsxTable on a real Excel file', () => {
  it('reads the first sheet with data: shared strings, numbers and blank cells', async () => {
    const bytes = xlsxBytes([
      { name: 'Cover', rows: [] },
      {
        name: 'Objectives',
        rows: [
          ['Priority', 'Aim', 'Page'],
          ['Healthy lives', 'Reduce loneliness', 12],
          ['Healthy lives', null, null],
          [null, null, null],
          ['Good jobs & skills', 'Digital <skills> for all', 3.5],
        ],
      },
    ]);
    const read = await readXlsxTable(new Uint8Array(bytes));
    expect(read).toEqual({
      headers: ['Priority', 'Aim', 'Page'],
      rows: [
        ['Healthy lives', 'Reduce loneliness', '12'],
        ['Healthy lives', '', ''],
        ['Good jobs & skills', 'Digital <skills> for all', '3.5'],
      ],
      rowNumbers: [2, 3, 5],
    });
    expect(formatOutline(tableToOutline(read, guessMapping(read.headers)).nodes)).toBe(
      'Healthy lives\n  Reduce loneliness\nGood jobs & skills\n  Digital <skills> for all\n',
    );
  });
});

describe('tableToOutline on a very long sheet', () => {
  it('builds 400,000 distinct rows under one theme in one pass (a scan per row took minutes)', () => {
    const count = 400_000;
    const rows = Array.from({ length: count }, (_, i) => ['Growth', `Objective ${i}`]);
    const table: Table = { headers: ['Theme', 'Objective'], rows, rowNumbers: rows.map((_, i) => i + 2) };
    const { nodes } = tableToOutline(table, { theme: 0, objective: 1 });
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.children).toHaveLength(count);
    expect(nodes[0]!.children[count - 1]).toMatchObject({ title: `Objective ${count - 1}`, line: count + 1 });
  });

  it('still combines rows that repeat a title in another case', () => {
    const table: Table = { headers: ['Theme', 'Objective'], rows: [['Growth', 'Jobs'], ['GROWTH', 'jobs'], ['growth', 'Homes']], rowNumbers: [2, 3, 4] };
    const { nodes } = tableToOutline(table, { theme: 0, objective: 1 });
    expect(nodes.map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([['Growth', ['Jobs', 'Homes']]]);
  });
});
