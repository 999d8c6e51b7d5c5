/**
 * The workshop kit and report as files: printed by a real Chromium, checked with qpdf, poppler and python-docx
 * the way the other generated documents are. Page sizes are checked against ISO 216 (A6 cards, A4 sheets, the
 * A3 poster), since pdfinfo does not name A6.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../../../../shared/documents/pdf/printer';
import type { Workbook } from '../../../../shared/model/workbook-schema';
import { loadSampleWorkbook } from '../../../../shared/samples/sample-workbook';
import { wallPosterPage } from '../../../../shared/workshop/kit/wall-poster';
import { documentFontCss } from '../documents/fonts';
import { createChromiumPrinter, findChromium } from '../documents/chromium-printer';
import {
  chooseWorkshop,
  kitFolderName,
  reportFileStem,
  workshopSnapshot,
  writeWorkshopKit,
  writeWorkshopReport,
  type WrittenFile,
} from './workshop-documents';

const chromium = findChromium();
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** ISO 216 sizes in points (portrait). */
const ISO: Record<'A3' | 'A4' | 'A6', [number, number]> = {
  A3: [841.89, 1190.55],
  A4: [595.28, 841.89],
  A6: [297.64, 419.53],
};

let dir = '';
let wb: Workbook;
let printer: (PdfPrinter & { close(): Promise<void> }) | null = null;
let kit: WrittenFile[] = [];
let largeKit: WrittenFile[] = [];
let report: WrittenFile[] = [];

function pdfinfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/** Every page's size in points, from pdfinfo -f 1 -l N. */
function pageSizes(path: string): Array<[number, number]> {
  const pages = Number(pdfinfo(path)['Pages']);
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), path], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

function expectSize(path: string, size: keyof typeof ISO, landscape: boolean) {
  const [w, h] = landscape ? [ISO[size][1], ISO[size][0]] : ISO[size];
  const sizes = pageSizes(path);
  expect(sizes.length).toBeGreaterThan(0);
  // Chromium rounds page sizes to its layout units: within half a millimetre.
  for (const [pw, ph] of sizes) {
    expect(Math.abs(pw - w), `${path} width ${pw}`).toBeLessThan(1.5);
    expect(Math.abs(ph - h), `${path} height ${ph}`).toBeLessThan(1.5);
  }
}

const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const byPart = (files: WrittenFile[], part: WrittenFile['part']) => files.find((f) => f.part === part)!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awb-workshop-docs-'));
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  wb = r.value;
  if (!chromium) return;
  printer = await createChromiumPrinter({ executablePath: chromium });
  const generatedAt = new Date('2025-02-13T10:00:00Z');
  const made = await writeWorkshopKit({
    workbook: wb,
    workshopId: null,
    folder: join(dir, 'kit'),
    largePrint: false,
    printer,
    generatedAt,
  });
  if (!made.ok) throw new Error(made.error.message);
  kit = made.value.files;
  const large = await writeWorkshopKit({
    workbook: wb,
    workshopId: 'wks_nsc_leadership_2025',
    folder: join(dir, 'large'),
    largePrint: true,
    printer,
    generatedAt,
  });
  if (!large.ok) throw new Error(large.error.message);
  largeKit = large.value.files;
  const rep = await writeWorkshopReport({
    workbook: wb,
    workshopId: 'wks_nsc_leadership_2025',
    stem: join(dir, 'report', reportFileStem(wb.workshops[0]!)),
    formats: ['docx', 'pdf'],
    printer,
    generatedAt,
  });
  if (!rep.ok) throw new Error(rep.error.message);
  report = rep.value.files;
}, 180_000);

afterAll(async () => {
  await printer?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('choosing the workshop', () => {
  it('takes the one named, else the next to run, else the latest, and refuses an unknown id', () => {
    const r = loadSampleWorkbook();
    if (!r.ok) throw new Error(r.error.message);
    const sample = r.value;
    expect(chooseWorkshop(sample, null)).toEqual({ ok: true, value: sample.workshops[0] });
    const upcoming = {
      ...sample.workshops[0]!,
      id: 'wks_next',
      status: 'planned' as const,
      date: '2024-01-01',
    };
    expect(chooseWorkshop({ ...sample, workshops: [...sample.workshops, upcoming] }, null)).toMatchObject({
      ok: true,
      value: { id: 'wks_next' },
    });
    expect(chooseWorkshop({ ...sample, workshops: [] }, null)).toEqual({ ok: true, value: null });
    expect(chooseWorkshop(sample, 'wks_nope')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('attaches only the workshop’s scope of the workbook: no facilitator’s notes, participants, partners or drafts', () => {
    const snapshot = workshopSnapshot(wb, wb.workshops[0]!.id, false);
    expect(snapshot).not.toContain('Quieter voices first');
    const parsed = JSON.parse(snapshot).workbook;
    expect(parsed).toMatchObject({ workshops: [], partners: [], drafts: [], notes: '', author: '' });
    for (const p of wb.workshops[0]!.participants) if (p.name) expect(snapshot).not.toContain(p.name);
    expect(wb.workshops[0]!.activities[0]!.notes).toContain('Quieter voices first');
  });

  it('names the kit folder and the report from the title, safe for Windows file names', () => {
    const title = 'Plan: “libraries/leisure” <draft>?  ';
    expect(kitFolderName({ title })).toBe('Workshop kit - Plan - “libraries-leisure” -draft-');
    expect(reportFileStem({ title })).toBe('Workshop report - Plan - “libraries-leisure” -draft-');
    expect(kitFolderName({ title: `Long ${'x'.repeat(200)}. ` })).toHaveLength(120);
    expect(kitFolderName({ title: 'Trailing dots...' })).toBe('Workshop kit - Trailing dots');
  });
});

describe.skipIf(!chromium)('the printed kit', () => {
  it('writes every part as its own PDF, named for what it is', () => {
    expect(kit.map((f) => [f.part, f.fileName, f.pageSize])).toEqual([
      ['agenda', 'Agenda.pdf', 'A4'],
      ['objective-cards', 'Objective cards (A4 sheets).pdf', 'A4'],
      ['service-cards', 'Service cards (A4 sheets).pdf', 'A4'],
      ['cards-a6', 'Cards (A6 card stock).pdf', 'A6'],
      ['matrix-poster', 'Matrix poster (A3).pdf', 'A3'],
      ['voting-sheets', 'Voting sheets.pdf', 'A4'],
    ]);
    expect(largeKit.every((f) => f.fileName.endsWith(' (large print).pdf'))).toBe(true);
  });

  it.skipIf(!has('qpdf'))('passes qpdf --check', () => {
    for (const f of [...kit, ...largeKit])
      expect(spawnSync('qpdf', ['--check', f.path]).status, f.fileName).toBe(0);
  });

  it('prints at the intended sizes: A4 agenda, sheets and card sheets, A6 card stock, A3 landscape poster', () => {
    expectSize(byPart(kit, 'agenda').path, 'A4', false);
    expectSize(byPart(kit, 'objective-cards').path, 'A4', false);
    expectSize(byPart(kit, 'service-cards').path, 'A4', false);
    expectSize(byPart(kit, 'voting-sheets').path, 'A4', false);
    expectSize(byPart(kit, 'cards-a6').path, 'A6', false);
    expectSize(byPart(kit, 'matrix-poster').path, 'A3', true);
    expect(pdfinfo(byPart(kit, 'matrix-poster').path)['Page size']).toMatch(/\(A3\)/);
  });

  it('prints numbered voting sheets for one vote: 22 options on one page a sheet, 40 over two with the title on each', async () => {
    const w = structuredClone(wb.workshops[0]!);
    const ideas = Array.from({ length: 40 }, (_, i) => ({
      id: `idea_sheet_${i + 1}`,
      text: `Idea number ${i + 1}: a pop-up library`,
      group: '',
      targetId: null,
      author: '',
      becameId: null,
    }));
    w.activities.unshift({
      ...(w.activities.find((a) => a.kind === 'ideas')! as Extract<
        (typeof w.activities)[number],
        { kind: 'ideas' }
      >),
      id: 'act_sheet_ideas',
      ideas,
    });
    const vote = w.activities.find((a) => a.kind === 'dot-vote')!;
    if (vote.kind !== 'dot-vote') throw new Error('no vote');
    w.participantCount = 3;
    w.participants = [];
    w.organisations = [];
    const print = async (n: number, folder: string) => {
      vote.optionIds = ideas.slice(0, n).map((i) => i.id);
      const made = await writeWorkshopKit({
        workbook: { ...wb, workshops: [w] },
        workshopId: w.id,
        folder: join(dir, folder),
        largePrint: false,
        votingSheetsFor: vote.id,
        printer: printer!,
      });
      if (!made.ok) throw new Error(made.error.message);
      expect(made.value.files).toHaveLength(1);
      return made.value.files[0]!;
    };
    const one = await print(22, 'sheets-22');
    expect(Number(pdfinfo(one.path)['Pages'])).toBe(3);
    expectSize(one.path, 'A4', false);
    for (let p = 1; p <= 3; p++) {
      const t = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), one.path, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
      expect(t).toContain(vote.title.slice(0, 20));
      expect(t).toMatch(new RegExp(`Sheet ${p}\\b`));
      expect(t).toContain('Idea number 22');
      expect(t).toContain('Total dots used');
    }
    const two = await print(40, 'sheets-40');
    expect(Number(pdfinfo(two.path)['Pages'])).toBe(6);
    const page4 = execFileSync('pdftotext', ['-f', '4', '-l', '4', two.path, '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(page4).toContain(vote.title.slice(0, 20));
    expect(page4).toContain('Sheet 2, page 2 of 2');
    expect(page4).toContain('Idea number 40');
    expect(page4).not.toContain('Idea number 30:');
  });

  it('puts four cards on each A4 sheet and one on each A6 page', () => {
    const objectives = wb.objectives.filter((o) => o.level !== 'theme').length;
    expect(Number(pdfinfo(byPart(kit, 'objective-cards').path)['Pages'])).toBe(Math.ceil(objectives / 4));
    expect(Number(pdfinfo(byPart(kit, 'service-cards').path)['Pages'])).toBe(
      Math.ceil(wb.services.length / 4),
    );
    expect(Number(pdfinfo(byPart(kit, 'cards-a6').path)['Pages'])).toBe(objectives + wb.services.length);
  });

  it('attaches to the report only its scope, with no names when made without them', () => {
    const pdf = report.find((f) => f.path.endsWith('.pdf'))!;
    const saved = join(dir, 'report-snapshot.json');
    execFileSync('pdfdetach', ['-save', '1', '-o', saved, pdf.path]);
    const attached = readFileSync(saved, 'utf8');
    expect(attached).not.toContain('Quieter voices first');
    expect(JSON.parse(attached).workbook).toMatchObject({
      workshops: [],
      partners: [],
      drafts: [],
      author: '',
    });
  });

  it('is tagged, titled, in English and carries its source, like every generated PDF', () => {
    for (const f of kit) {
      const info = pdfinfo(f.path);
      expect(info['Tagged'], f.fileName).toBe('yes');
      expect(info['Title'], f.fileName).not.toBe('');
      const meta = execFileSync('pdfinfo', ['-meta', f.path], { encoding: 'utf8' });
      expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
      expect(execFileSync('pdfdetach', ['-list', f.path], { encoding: 'utf8' })).toContain(
        'workbook-snapshot.json',
      );
      const saved = join(dir, `${f.part}-snapshot.json`);
      execFileSync('pdfdetach', ['-save', '1', '-o', saved, f.path]);
      const attached = readFileSync(saved, 'utf8');
      expect(attached, f.fileName).not.toContain('Quieter voices first');
      expect(JSON.parse(attached).workbook, f.fileName).toMatchObject({
        workshops: [],
        partners: [],
        drafts: [],
      });
      const fonts = execFileSync('pdffonts', [f.path], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean);
      for (const row of fonts)
        expect(row, `${f.fileName}: ${row}`).toMatch(/\byes\s+yes\s+yes\b|\byes\s+yes\b/);
    }
    const struct = execFileSync('pdfinfo', ['-struct', byPart(kit, 'matrix-poster').path], {
      encoding: 'utf8',
    });
    expect(struct).toMatch(/\bTable\b/);
    expect(struct).toMatch(/\bTH\b/);
  });

  it('has the real text: card numbers and letters, the map symbols, numbered voting options', () => {
    const cards = text(byPart(kit, 'objective-cards').path);
    expect(cards).toContain('Objective O1');
    expect(cards).toMatch(/blue circle, letter A/);
    const poster = text(byPart(kit, 'matrix-poster').path);
    expect(poster).toContain('S24');
    expect(poster).toMatch(/●/);
    expect(poster).toMatch(/△/);
    const sheets = text(byPart(kit, 'voting-sheets').path);
    expect(sheets).toMatch(/1\s+Improve mental wellbeing/);
    expect(sheets).toContain('Do not write your name on this sheet.');
    const agenda = text(byPart(kit, 'agenda').path);
    expect(agenda).toContain('0:00 to 0:15');
    expect(agenda).toContain('Not up for discussion today');
  });

  it('large print needs more pages for the same cards than standard print, never fewer', () => {
    const pages = (f: WrittenFile) => Number(pdfinfo(f.path)['Pages']);
    expect(pages(byPart(largeKit, 'agenda'))).toBeGreaterThanOrEqual(pages(byPart(kit, 'agenda')));
    expect(pages(byPart(largeKit, 'voting-sheets'))).toBeGreaterThanOrEqual(
      pages(byPart(kit, 'voting-sheets')),
    );
  });
});

describe.skipIf(!chromium)('the wall poster', () => {
  let tiles: WrittenFile | undefined;
  let a1 = '';

  beforeAll(async () => {
    const made = await writeWorkshopKit({
      workbook: wb,
      workshopId: null,
      folder: join(dir, 'wall'),
      largePrint: false,
      wallPoster: 'A3-sheets',
      printer: printer!,
      generatedAt: new Date('2025-02-13T10:00:00Z'),
    });
    if (!made.ok) throw new Error(made.error.message);
    tiles = made.value.files.find((f) => f.part === 'wall-poster');
    a1 = join(dir, 'wall', 'a1.pdf');
    writeFileSync(
      a1,
      await printer!.print(wallPosterPage(wb, 'A1', { fontCss: documentFontCss(), largePrint: false }).html),
    );
  }, 120_000);

  /** Each line of text with the size of its type: the height of a line across the page, the width of one up it. */
  function lineSizes(path: string, page: number): Array<{ text: string; pt: number }> {
    const xml = execFileSync(
      'pdftotext',
      ['-bbox-layout', '-f', String(page), '-l', String(page), path, '-'],
      {
        encoding: 'utf8',
      },
    );
    // Arimo's ascent and descent span 1.117 em, which is the height poppler gives a word.
    const EM = 1.117;
    return [
      ...xml.matchAll(
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
      ),
    ].map((m) => ({
      text: [...m[5]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
      pt: Math.min(Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])) / EM,
    }));
  }

  it('prints one A1 sheet a page with every line of the map at 50 pt or more, read from 2 metres', () => {
    const sizes = pageSizes(a1);
    expect(sizes.length).toBeGreaterThan(1);
    for (const [w, h] of sizes) {
      expect(Math.abs(w - 2383.94)).toBeLessThan(1.5);
      expect(Math.abs(h - 1683.78)).toBeLessThan(1.5);
    }
    const all = sizes.flatMap((_, i) => lineSizes(a1, i + 1)).filter((l) => /\p{L}.*\p{L}/u.test(l.text));
    expect(all.length).toBeGreaterThan(40);
    for (const l of all) expect(l.pt, `“${l.text}” at ${l.pt.toFixed(1)} pt`).toBeGreaterThanOrEqual(49.5);
    const words = execFileSync('pdftotext', [a1, '-'], { encoding: 'utf8' });
    for (const s of ['S1', 'S24', 'O1', 'O15', 'Home library service', 'strong', 'medium', 'weak'])
      expect(words).toContain(s);
  });

  it('tiles numbered A3 landscape sheets, each saying where it joins, with the map at 50 pt', () => {
    expect(tiles?.fileName).toBe('Wall poster (A3 sheets to join).pdf');
    expectSize(tiles!.path, 'A3', true);
    const pages = Number(pdfinfo(tiles!.path)['Pages']);
    expect(pages).toBeGreaterThanOrEqual(4);
    const page = (n: number) =>
      execFileSync('pdftotext', ['-f', String(n), '-l', String(n), tiles!.path, '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
    expect(page(1)).toContain(`Sheet 1 of ${pages} (row 1, column 1): the top-left corner.`);
    expect(page(2)).toContain(`Sheet 2 of ${pages} (row 1, column 2): join to the right of sheet 1.`);
    expect(page(pages)).toMatch(
      new RegExp(
        `Sheet ${pages} of ${pages} \\(row \\d+, column \\d+\\): join to the right of sheet ${pages - 1} and below sheet \\d+\\.`,
      ),
    );
    // The title on the first sheet is at 60 pt and the key at 50 pt.
    const first = lineSizes(tiles!.path, 1);
    expect(first.find((l) => l.text.startsWith('Contribution map'))!.pt).toBeGreaterThanOrEqual(59);
    expect(first.find((l) => l.text.includes('strong'))!.pt).toBeGreaterThanOrEqual(49.5);
  });
});

describe.skipIf(!chromium)('the workshop report', () => {
  it('is written as Word and PDF beside each other', () => {
    expect(report.map((f) => f.fileName)).toEqual([
      'Workshop report - Libraries and the Council Plan - leadership workshop.docx',
      'Workshop report - Libraries and the Council Plan - leadership workshop.pdf',
    ]);
  });

  it('PDF: passes qpdf, is a tagged A4 document with bookmarks, and says what the room decided', () => {
    const pdfPath = report.find((f) => f.format === 'pdf')!.path;
    if (has('qpdf')) expect(spawnSync('qpdf', ['--check', pdfPath]).status).toBe(0);
    const info = pdfinfo(pdfPath);
    expect(info).toMatchObject({
      Tagged: 'yes',
      Title: 'Workshop report: Libraries and the Council Plan: leadership workshop',
    });
    expectSize(pdfPath, 'A4', false);
    const body = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const s of [
      'Purpose, scope and authority',
      'Disagreements and minority views',
      'Ties:',
      'joint 1st',
      'What happens next',
      'Area Manager (East)',
      '14 people took part, from 5 organisations.',
    ])
      expect(body).toContain(s);
    const outline = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', pdfPath], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(outline).toContain('/Outlines');
  });

  it('DOCX: opens, has the headings and tables, the title, and en-GB', () => {
    const docxPath = report.find((f) => f.format === 'docx')!.path;
    const files = unzipSync(new Uint8Array(readFileSync(docxPath)));
    const document = strFromU8(files['word/document.xml']!);
    expect(document).toContain('Decisions');
    expect(document).toContain('Start recording warm space visitors separately from footfall');
    expect(document).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
    expect(strFromU8(files['word/styles.xml']!)).toContain('w:val="en-GB"');
    expect(strFromU8(files['docProps/core.xml']!)).toContain(
      'Workshop report: Libraries and the Council Plan: leadership workshop',
    );
    if (!existsPython()) return;
    const script = join(dir, 'read.py');
    writeFileSync(
      script,
      [
        'import docx, json, sys',
        'd = docx.Document(sys.argv[1])',
        "print(json.dumps({'title': d.core_properties.title, 'headings': [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith('Heading')], 'tables': len(d.tables)}))",
      ].join('\n'),
    );
    const read = JSON.parse(execFileSync('/usr/bin/python3', [script, docxPath], { encoding: 'utf8' })) as {
      title: string;
      headings: Array<[string, string]>;
      tables: number;
    };
    expect(read.title).toBe('Workshop report: Libraries and the Council Plan: leadership workshop');
    expect(read.headings.filter(([style]) => style === 'Heading 1').map(([, t]) => t)).toEqual([
      'Summary',
      'Purpose, scope and authority',
      'Date, venue, facilitator and attendees',
      'Agenda and methods',
      'What the room said and chose',
      'The map as agreed',
      'Decisions',
      'Disagreements and minority views',
      'Actions',
      'Parking lot',
      'What happens next',
    ]);
    expect(read.tables).toBeGreaterThanOrEqual(10);
  });

  it('without a printer, still writes the Word file and says a PDF cannot be made', async () => {
    const only = await writeWorkshopReport({
      workbook: wb,
      workshopId: 'wks_nsc_leadership_2025',
      stem: join(dir, 'no-printer', 'r'),
      formats: ['docx'],
    });
    expect(only.ok && only.value.files.map((f) => f.format)).toEqual(['docx']);
    const refused = await writeWorkshopReport({
      workbook: wb,
      workshopId: 'wks_nsc_leadership_2025',
      stem: join(dir, 'no-printer', 'r2'),
      formats: ['pdf'],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(
      await writeWorkshopReport({
        workbook: wb,
        workshopId: 'wks_gone',
        stem: join(dir, 'x'),
        formats: ['docx'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

function existsPython(): boolean {
  return spawnSync('/usr/bin/python3', ['-c', 'import docx']).status === 0;
}
