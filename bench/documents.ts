/**
 * Document benchmark (issue 4): the Five Case business case for a large workbook (40 objectives, 120 services,
 * every service mapped against every objective) as DOCX and PDF, with times, peak memory, and LibreOffice's time
 * to convert the same DOCX to PDF, measured in the same run.
 *
 * Targets on a 2-core machine: DOCX under 1 s; PDF under 2 s once the printer is started; PDF at least 4 times
 * faster than LibreOffice converting the same DOCX.
 *
 *   npm run bench:documents            (set AWB_CHROMIUM to use a browser other than the one found)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bindDocument } from '../shared/documents/bind';
import { printDocumentPdf } from '../shared/documents/pdf/print-document-pdf';
import { serialiseWorkbook } from '../shared/model/workbook-format';
import { createChromiumPrinter, findChromium } from '../electron/main/services/documents/chromium-printer';
import { documentFontCss } from '../electron/main/services/documents/fonts';
import { nodeZlib } from '../electron/main/services/documents/node-zlib';
import { renderDocx } from '../electron/main/services/documents/render-docx';
import { BUILT_IN_TEMPLATES_DIR, loadTemplateFolder } from '../electron/main/services/documents/template-folders';
import { largeWorkbook } from '../tests/fixtures/documents/workbooks';

const OBJECTIVES = 40;
const SERVICES = 120;
/** Timed runs per measurement; the best is reported. */
const RUNS = 3;

const ms = (t: number) => `${t.toFixed(0)} ms`;
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 20);

async function main() {
  const answers = JSON.parse(readFileSync(new URL('../tests/fixtures/documents/five-case-answers.json', import.meta.url), 'utf8')) as Record<string, string>;
  const template = await loadTemplateFolder(join(BUILT_IN_TEMPLATES_DIR, 'five-case-business-case'));
  if (!template.ok) throw new Error(template.error.message);
  const wb = largeWorkbook({ objectives: OBJECTIVES, services: SERVICES });
  const out = mkdtempSync(join(tmpdir(), 'awb-bench-'));
  console.log(`Workbook: ${wb.objectives.length} objectives, ${wb.services.length} services, ${wb.alignments.length} matrix cells`);

  let t = performance.now();
  const bound = bindDocument(template.value, wb, answers, { protectiveMarking: 'OFFICIAL', generatedAt: new Date('2026-11-28T10:00:00Z') });
  if (!bound.ok) throw new Error(bound.error.message);
  const bindTime = performance.now() - t;
  const doc = bound.value.document;
  if (process.env.AWB_BENCH_DUMP) writeFileSync(process.env.AWB_BENCH_DUMP, JSON.stringify(doc));

  // The first DOCX pays for module set-up and the chart font; after that, the best of three runs is reported, as
  // other work on a shared 2-core machine adds noise to any single run.
  t = performance.now();
  let docx = await renderDocx(doc);
  const docxCold = performance.now() - t;
  let docxWarm = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    docx = await renderDocx(doc);
    docxWarm = Math.min(docxWarm, performance.now() - t);
  }
  const docxPath = join(out, 'business-case.docx');
  writeFileSync(docxPath, docx);

  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium, Chrome or Edge found; set AWB_CHROMIUM.');
  t = performance.now();
  const chromium = await createChromiumPrinter({ executablePath });
  const startTime = performance.now() - t;
  // Time spent inside Chromium (loading the HTML and printing), per PDF, to show what finishing adds.
  let prints = 0;
  let printing = 0;
  const printer = {
    print: async (html: string) => {
      prints++;
      const start = performance.now();
      const bytes = await chromium.print(html);
      printing += performance.now() - start;
      return bytes;
    },
  };
  const fontCss = documentFontCss();
  const snapshot = serialiseWorkbook(wb);
  t = performance.now();
  let { pdf } = await printDocumentPdf(doc, printer, { fontCss, workbookSnapshot: snapshot, zlib: nodeZlib });
  const pdfFirst = performance.now() - t;
  let pdfWarm = Number.POSITIVE_INFINITY;
  let finishing = 0;
  let printingInBest = 0;
  prints = 0;
  for (let i = 0; i < RUNS; i++) {
    printing = 0;
    t = performance.now();
    let finishStart = 0;
    ({ pdf } = await printDocumentPdf(doc, printer, {
      fontCss,
      workbookSnapshot: snapshot,
      zlib: nodeZlib,
      onStep: (step) => {
        if (step === 'finishing') finishStart = performance.now();
      },
    }));
    const took = performance.now() - t;
    if (took < pdfWarm) {
      pdfWarm = took;
      finishing = performance.now() - finishStart;
      printingInBest = printing;
    }
  }
  const printsPerPdf = prints / RUNS;
  await chromium.close();
  writeFileSync(join(out, 'business-case.pdf'), pdf);
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(out, 'business-case.pdf')], { encoding: 'utf8' }))?.[1] ?? '?';
  sample();

  // LibreOffice as an officer would run it (default export), and making a tagged PDF as ours is (like for like).
  const libreOffice = (filter: string): number | null => {
    let best: number | null = null;
    for (let i = 0; i < 2; i++) {
      const profile = mkdtempSync(join(tmpdir(), 'awb-bench-lo-'));
      try {
        t = performance.now();
        execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', join(out, 'lo'), docxPath], { stdio: 'pipe', timeout: 300_000 });
        const took = performance.now() - t;
        best = best === null ? took : Math.min(best, took);
      } catch (e) {
        console.log(`LibreOffice could not be timed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        return null;
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }
    return best;
  };
  const libre = libreOffice('pdf');
  const libreTagged = libre === null ? null : libreOffice('pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}');
  clearInterval(sampler);

  const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(`Document: ${pages} PDF pages, ${(docx.length / 1024).toFixed(0)} KB DOCX, ${(pdf.length / 1024).toFixed(0)} KB PDF`);
  console.log(`Bind (template + analysis):          ${ms(bindTime)}`);
  console.log(`DOCX, first in process:              ${ms(docxCold)}`);
  console.log(`DOCX (best of ${RUNS}):                      ${ms(docxWarm)}   target < 1000 ms  ${pass(docxWarm < 1000)}`);
  console.log(`Chromium start:                      ${ms(startTime)}`);
  console.log(`PDF, first in process:               ${ms(pdfFirst)}`);
  console.log(`PDF (print${printsPerPdf > 1 ? 's' : ''} ×${printsPerPdf.toFixed(0)} + finishing):     ${ms(pdfWarm)}   target < 2000 ms  ${pass(pdfWarm < 2000)}`);
  console.log(`  of which Chromium (load + print):  ${ms(printingInBest)}`);
  console.log(`  of which pdf-lib finishing:        ${ms(finishing)}`);
  if (libre !== null) {
    const ratio = libre / pdfWarm;
    console.log(`LibreOffice DOCX → PDF, same file:   ${ms(libre)}   (best of 2, fresh profile each)`);
    if (libreTagged !== null) console.log(`  the same, tagged PDF (like ours):  ${ms(libreTagged)}   ${(libreTagged / pdfWarm).toFixed(1)}× our PDF time`);
    console.log(`PDF speed-up over LibreOffice:       ${ratio.toFixed(1)}×   target ≥ 4×  ${pass(ratio >= 4)}`);
    // What finishing can never beat: Chromium's own time to load and print the same document.
    console.log(`  ceiling with free finishing:       ${(libre / printingInBest).toFixed(1)}×   (LibreOffice ÷ Chromium alone)`);
  }
  console.log(`Peak memory (RSS, this process):     ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`Machine load (1-minute average):     ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  rmSync(out, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  clearInterval(sampler);
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
