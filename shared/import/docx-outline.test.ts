/**
 * Word plans: real .docx files written by python-docx with Word's built-in styles, read by the same code the
 * app and the command line use.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, para, type DocxBlock } from '../../tests/fixtures/plan-files';
import { docxToOutline, htmlToOutlineText } from './docx-outline';
import { formatOutline } from './outline';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'awb-docx-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function read(name: string, blocks: DocxBlock[]) {
  const path = join(folder, name);
  await makeDocx(path, blocks);
  return docxToOutline(new Uint8Array(await readFile(path)));
}

describe('docxToOutline on real Word files', () => {
  it('reads headings and bulleted and numbered lists (level 2 included); skips the title, the introduction and tables', async () => {
    const { nodes, warnings } = await read('plan.docx', [
      { style: 'Title', text: 'Northshire Council Plan 2026 to 2030' },
      para(
        'This plan sets out what the council will do over the next four years, and how we will know it has worked.',
      ),
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
      { style: 'Table', text: 'KPI|Target\nLoans per head|4.2' },
    ]);
    expect(warnings).toEqual([]);
    expect(formatOutline(nodes)).toBe(
      [
        'A healthy Northshire',
        '  Reduce loneliness and isolation',
        '    Befriending schemes in every town',
        '  Help more people to be physically active',
        'A thriving economy',
        '  Skills for work',
        '    More adults gain qualifications',
        '      Apprenticeships in the council',
        '    Digital skills for all',
        '',
      ].join('\n'),
    );
    // A paragraph after a heading describes it.
    expect(nodes[0]!.description).toBe('We want everyone to live a long and healthy life.');
    expect(nodes[0]!.children[0]!.description).toBe('');
  });

  it('reads paragraphs in bold alone as headings over the paragraphs beneath them, with no headings styles at all', async () => {
    const { nodes } = await read('bold.docx', [
      para('Our plan has three priorities, agreed by Cabinet in March 2026.'),
      { style: 'Normal', text: 'Healthy lives', bold: true },
      para('Fewer people feel lonely'),
      para('More people are active'),
      { style: 'Normal', text: 'Good jobs', bold: true },
      para('More residents in work'),
    ]);
    expect(formatOutline(nodes)).toBe(
      'Healthy lives\n  Fewer people feel lonely\n  More people are active\nGood jobs\n  More residents in work\n',
    );
  });

  it('puts numbered lists under the heading they follow', async () => {
    const { nodes } = await read('numbered.docx', [
      { style: 'Heading 1', text: 'Children and young people' },
      { style: 'List Number', text: 'Every child ready for school' },
      { style: 'List Number', text: 'Improve reading at the end of primary school' },
      { style: 'Heading 1', text: 'Older people' },
      { style: 'List Number', text: 'Live independently for longer' },
    ]);
    expect(formatOutline(nodes)).toBe(
      'Children and young people\n  Every child ready for school\n  Improve reading at the end of primary school\nOlder people\n  Live independently for longer\n',
    );
  });

  it('finds nothing in a document of prose alone', async () => {
    const { nodes } = await read('prose.docx', [
      { style: 'Title', text: 'Annual report' },
      para('The library service had a good year.'),
      para('Visits rose by a tenth.'),
    ]);
    expect(nodes).toEqual([]);
  });

  it('refuses a zip that is not a Word document with a message, not a crash', async () => {
    await expect(
      docxToOutline(new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])),
    ).rejects.toThrow();
  });
});

describe('htmlToOutlineText', () => {
  it('writes headings as Markdown, nested lists by indentation, and drops paragraphs before the first heading or list', () => {
    const html =
      '<p>Introduction</p><h1>Health</h1><p>Why it matters</p><ul><li>Loneliness<ul><li>Befriending</li></ul></li><li>Activity</li></ul>' +
      '<table><tr><td>KPI</td></tr></table><p><strong>Places</strong></p><ol><li>Town centres</li></ol>';
    expect(htmlToOutlineText(html)).toBe(
      [
        '# Health',
        'Why it matters',
        '- Loneliness',
        '  - Befriending',
        '- Activity',
        'Places:',
        '- Town centres',
      ].join('\n'),
    );
  });

  it('copes with empty or broken markup', () => {
    expect(htmlToOutlineText('')).toBe('');
    expect(htmlToOutlineText('<h2>Health</h2><p>unclosed')).toContain('## Health');
  });
});
