/**
 * Document benchmark (issues 4 and 14): the Five Case business case, for the sample workbook and for a large one
 * (bench/large-workbook.ts: 60 objectives, 150 services, 1,650 links), each from its own business-case draft.
 *
 * 1. Cold, whole process, as an officer or a script meets it: the built command line (`node scripts/cli.mjs
 *    generate`, what `npm run cli` runs, without npm's own start-up) making Word, PDF, and both, and LibreOffice
 *    converting the same Word file to PDF (`soffice --headless --convert-to pdf`, with a profile it has used
 *    before, as on an officer's machine). The four run in turn, round after round, so they meet the same load;
 *    medians of wall-clock and of processor time (a steadier guide on a shared machine), the ratio of ours to
 *    LibreOffice's, and the peak memory of the largest process.
 *    Target: Word and PDF together no slower than LibreOffice alone.
 * 2. Warm, in this process: binding, DOCX and PDF (printer started, Chromium apart), and finishing the printed PDF
 *    alone (shared/documents/pdf/finish-pdf.ts), best of three.
 *
 *   npm run bench:documents [-- --runs 5] [-- --only sample|large]   (set AWB_CHROMIUM to use another browser)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bindDocument } from '../shared/documents/bind';
import { finishPdf } from '../shared/documents/pdf/finish-pdf';
import { printDocumentPdf } from '../shared/documents/pdf/print-document-pdf';
import { serialiseWorkbook } from '../shared/model/workbook-format';
import type { Workbook } from '../shared/model/workbook-schema';
import { createChromiumPrinter, findChromium } from '../electron/main/services/documents/chromium-printer';
import { answersOf } from '../electron/main/services/documents/document-service';
import { documentFontCss } from '../electron/main/services/documents/fonts';
import { nodeZlib } from '../electron/main/services/documents/node-zlib';
import { renderDocx } from '../electron/main/services/documents/render-docx';
import {
  BUILT_IN_TEMPLATES_DIR,
  loadTemplateFolder,
} from '../electron/main/services/documents/template-folders';
import { sampleWorkbook } from '../tests/fixtures/documents/workbooks';
import { largeBenchWorkbook } from './large-workbook';
import { median, runProcess, runsFromArgs, type ProcessRun } from './timing';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const TEMPLATE = 'five-case-business-case';
const args = process.argv.slice(2);
const ROUNDS = runsFromArgs(args, 5);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const WARM_RUNS = 3;

const ms = (t: number) => `${(t / 1000).toFixed(2)} s`;
const mb = (m: number | null) => (m === null ? '?' : `${m.toFixed(0)} MB`);
let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

interface Case {
  readonly label: string;
  readonly workbook: Workbook;
}

async function cold(c: Case, folder: string): Promise<void> {
  const file = join(folder, `${c.label}.awbook`);
  writeFileSync(file, serialiseWorkbook(c.workbook));
  const out = join(folder, `${c.label}-out`);
  const generate = (format: string) => [
    join(PROJECT, 'scripts', 'cli.mjs'),
    'generate',
    file,
    '--template',
    TEMPLATE,
    '--format',
    format,
    '--out',
    out,
  ];
  // The Word file LibreOffice converts: ours, made once here. Both formats, untimed, as an officer's first export:
  // it leaves the command line's code cache (scripts/compile-cache.mjs) holding what Word and PDF compile, as
  // LibreOffice's profile is set up by its own untimed first run below.
  await runProcess(process.execPath, generate('docx,pdf'));
  const docx = join(folder, `${c.label}.docx`);
  copyFileSync(join(out, `${TEMPLATE}.docx`), docx);
  const profile = mkdtempSync(join(tmpdir(), 'awb-bench-lo-'));
  const libreOffice = [
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      join(folder, 'lo'),
      docx,
    ],
  ] as const;
  try {
    // Once untimed: LibreOffice's first start with a new profile sets the profile up, which an officer's has done.
    await runProcess(libreOffice[0], libreOffice[1]);
    const runs: Record<'docx' | 'pdf' | 'both' | 'libre', ProcessRun[]> = {
      docx: [],
      pdf: [],
      both: [],
      libre: [],
    };
    for (let round = 0; round < ROUNDS; round++) {
      runs.docx.push(await runProcess(process.execPath, generate('docx'), { withMemory: true }));
      runs.pdf.push(await runProcess(process.execPath, generate('pdf'), { withMemory: true }));
      runs.both.push(await runProcess(process.execPath, generate('docx,pdf'), { withMemory: true }));
      runs.libre.push(await runProcess(libreOffice[0], libreOffice[1], { withMemory: true }));
    }
    const pages =
      /Pages:\s+(\d+)/.exec(
        execFileSync('pdfinfo', [join(out, `${TEMPLATE}.pdf`)], { encoding: 'utf8' }),
      )?.[1] ?? '?';
    const libre = median(runs.libre.map((r) => r.ms));
    const line = (name: string, rs: readonly ProcessRun[], compare: boolean) => {
      const m = median(rs.map((r) => r.ms));
      const peak = Math.max(...rs.map((r) => r.peakMb ?? 0));
      const cpu = rs.every((r) => r.cpuMs !== null) ? median(rs.map((r) => r.cpuMs ?? 0)) : null;
      const ratio = compare ? `   ${(m / libre).toFixed(2)}× LibreOffice` : '';
      console.log(
        `  ${name.padEnd(30)} ${ms(m).padStart(8)}   processor ${cpu === null ? '?' : ms(cpu).padStart(7)}   peak ${mb(peak).padStart(7)}${ratio}   (${rs.map((r) => (r.ms / 1000).toFixed(2)).join(' ')})`,
      );
    };
    console.log(
      `\n${c.label}: ${c.workbook.objectives.length} objectives, ${c.workbook.services.length} services, ${c.workbook.alignments.length} links; ${pages} PDF pages`,
    );
    console.log(`Cold, whole process, median of ${ROUNDS} rounds taken in turn:`);
    line('Word', runs.docx, true);
    line('PDF', runs.pdf, true);
    line('Word and PDF', runs.both, true);
    line('LibreOffice, same Word → PDF', runs.libre, false);
    const both = median(runs.both.map((r) => r.ms));
    console.log(
      `  Word and PDF ÷ LibreOffice:     ${(both / libre).toFixed(2)}   target ≤ 1  ${both <= libre ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function warm(c: Case): Promise<void> {
  const template = await loadTemplateFolder(join(BUILT_IN_TEMPLATES_DIR, TEMPLATE));
  if (!template.ok) throw new Error(template.error.message);
  const draft = c.workbook.drafts.filter((d) => d.templateId === TEMPLATE).at(-1);
  if (!draft) throw new Error(`The ${c.label} workbook has no business-case draft.`);
  const answers = answersOf(template.value, draft);
  const bindOnce = () =>
    bindDocument(template.value, c.workbook, answers, {
      protectiveMarking: draft.protectiveMarking,
      generatedAt: new Date('2026-11-28T10:00:00Z'),
      partnerId: draft.partnerId,
      scope: draft.scope,
      mode: 'draft',
    });
  const best = async (f: () => unknown): Promise<number> => {
    let top = Number.POSITIVE_INFINITY;
    for (let i = 0; i < WARM_RUNS; i++) {
      const t = performance.now();
      await f();
      top = Math.min(top, performance.now() - t);
      sampleRss();
    }
    return top;
  };
  const bound = bindOnce();
  if (!bound.ok) throw new Error(bound.error.message);
  const doc = bound.value.document;
  const bind = await best(bindOnce);
  const docx = await best(() => renderDocx(doc));

  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium, Chrome or Edge found; set AWB_CHROMIUM.');
  let t = performance.now();
  const chromium = await createChromiumPrinter({ executablePath });
  const start = performance.now() - t;
  let printing = 0;
  let printed: Uint8Array | null = null;
  const printer = {
    print: async (html: string) => {
      const s = performance.now();
      const bytes = await chromium.print(html);
      printing += performance.now() - s;
      printed = bytes;
      return bytes;
    },
  };
  const fontCss = documentFontCss();
  t = performance.now();
  await printDocumentPdf(doc, printer, { fontCss, workbookSnapshot: null, zlib: nodeZlib });
  const pdfFirst = performance.now() - t;
  let pdf = Number.POSITIVE_INFINITY;
  let inChromium = 0;
  for (let i = 0; i < WARM_RUNS; i++) {
    printing = 0;
    t = performance.now();
    await printDocumentPdf(doc, printer, { fontCss, workbookSnapshot: null, zlib: nodeZlib });
    const took = performance.now() - t;
    sampleRss();
    if (took < pdf) [pdf, inChromium] = [took, printing];
  }
  await chromium.close();
  // Finishing alone, on the PDF Chromium printed last (PDF/UA fixes, artifacts, metadata), as the PDF runs above.
  const raw = printed as Uint8Array | null;
  if (!raw) throw new Error('The printer printed nothing.');
  const finishing = await best(() => finishPdf(raw, doc, { workbookSnapshot: null, zlib: nodeZlib }));
  console.log(`Warm, in this process (best of ${WARM_RUNS}):`);
  console.log(`  Bind (template and analysis)   ${ms(bind).padStart(8)}`);
  console.log(`  Word                           ${ms(docx).padStart(8)}`);
  console.log(`  Chromium start                 ${ms(start).padStart(8)}`);
  console.log(`  PDF, first with this printer   ${ms(pdfFirst).padStart(8)}`);
  console.log(
    `  PDF                            ${ms(pdf).padStart(8)}   of which Chromium (load and print) ${ms(inChromium)}, the rest ${ms(pdf - inChromium)}`,
  );
  console.log(
    `  Finishing the PDF alone        ${ms(finishing).padStart(8)}   (${raw.length.toLocaleString('en-GB')} bytes printed)`,
  );
}

async function main() {
  const cases: Case[] = [
    { label: 'sample', workbook: sampleWorkbook() },
    { label: 'large', workbook: largeBenchWorkbook() },
  ].filter((c) => !ONLY || c.label === ONLY);
  // Builds the command line if it is missing or stale, so no timed run pays for that.
  await runProcess(process.execPath, [join(PROJECT, 'scripts', 'cli.mjs'), 'templates']);
  const folder = mkdtempSync(join(tmpdir(), 'awb-bench-'));
  console.log(`PDFs printed with ${findChromium() ?? '(no browser found)'}`);
  try {
    for (const c of cases) {
      await cold(c, folder);
      await warm(c);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(`\nPeak memory of this process (warm runs): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`Machine load (1-minute average): ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
