/**
 * The Documents step end to end, on the shipped sample workbook: every built-in template answered, previewed and
 * exported as real Word and PDF files (checked with unzip, pdfinfo and pdftotext), the preview matching the PDF,
 * cancelling a generation, broken user templates, and axe on the step with errors shown and with the preview.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { PdfPrinter } from '../../shared/documents';
import type { TemplateInfo, TemplateQuestion } from '../../shared/ipc/documents-contract';
import { BUILT_IN_TEMPLATES_DIR } from '../../electron/main/services/documents';
import { previewHtml } from '../../renderer/src/features/documents/preview-html';
import { expect, expectAccessible, test } from './fixtures';
import type { Harness } from './harness';

// The longest file: its tests each open the app on their own services, so they may share out between the workers
// instead of one worker running them all while the other has finished.
test.describe.configure({ mode: 'parallel' });

const tempFolder = () => mkdtempSync(join(tmpdir(), 'awb-docs-e2e-'));
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

async function openSampleDocuments(h: Harness) {
  await h.page.getByRole('button', { name: 'Open the sample workbook' }).click();
  await expect(h.page.getByRole('status')).toContainText('sample workbook for Northshire');
  await h.page
    .getByRole('navigation', { name: 'Steps' })
    .getByRole('button', { name: /Documents/ })
    .click();
  await expect(h.page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const templateRadio = (h: Harness, t: TemplateInfo) =>
  h.page.getByRole('radio', { name: new RegExp(`^${escape(t.name)}`) });
const preview = (h: Harness) => h.page.frameLocator('iframe.document-preview-frame');

/** A plausible answer of the right kind, so the export is not held back by a required question. */
async function answer(h: Harness, q: TemplateQuestion, text: string) {
  const field = h.page.locator(`#doc-q-${q.id}`);
  switch (q.kind) {
    case 'choice':
      await field.selectOption(q.options[0]!.value);
      return;
    case 'date':
      await field.fill('2027-03-31');
      return;
    case 'money':
      await field.fill('£250k');
      return;
    case 'number':
      await field.fill('3');
      return;
    default:
      await field.fill(text);
  }
}

async function headingsOf(frame: ReturnType<typeof preview>): Promise<string[]> {
  return frame
    .locator('h1, h2, h3, h4')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/** True when each needle appears in the haystack after the one before it. */
function inOrder(haystack: string, needles: readonly string[]): string | null {
  let from = 0;
  for (const n of needles) {
    const at = haystack.indexOf(n, from);
    if (at < 0) return n;
    from = at + n.length;
  }
  return null;
}

function checkDocx(path: string, mustContain: string) {
  // A real zip that opens, with the Word parts in it.
  execFileSync('unzip', ['-tq', path]);
  const names = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' });
  expect(names).toContain('word/document.xml');
  expect(names).toContain('docProps/core.xml');
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(xml.replace(/<[^>]+>/g, '')).toContain(mustContain);
}

function pdfInfo(path: string): Record<string, string> {
  const text = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

test('every built-in template: answer, preview and export Word and PDF from the sample workbook', async ({
  launch,
}) => {
  test.setTimeout(360_000);
  const h = await launch();
  await openSampleDocuments(h);
  const listing = await h.composition.documentService.listTemplates();
  const builtIns = listing.templates.filter((t) => t.origin === 'built-in');
  expect(builtIns.length).toBeGreaterThanOrEqual(4);
  const folder = tempFolder();

  // The sample's latest draft opens: a finished partnership proposal to the ICB.
  const proposal = builtIns.find((t) => t.id === 'partnership-proposal')!;
  await expect(templateRadio(h, proposal)).toBeChecked();
  await expect(preview(h).locator('body')).toContainText('NHS Northshire and Wyndham Integrated Care Board', {
    timeout: 20_000,
  });
  await expect(h.page.getByRole('combobox', { name: /^Partner/ })).toHaveValue('ptn_nsc_icb');
  await expectAccessible(h, 'Documents step with the sample’s draft and its preview');

  // With a required question cleared, a final is refused: a summary takes focus, lists it, and nothing is asked.
  await h.page.locator('#doc-q-next_steps').fill('');
  await h.page.getByRole('radio', { name: 'Final, ready to publish' }).check();
  await expect(h.page.getByText(/stops? a final: see “Stops a final”/)).toBeVisible();
  await h.page.getByRole('button', { name: 'Export…' }).click();
  const summary = h.page.getByRole('alert').filter({ hasText: 'A final cannot be made yet' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('listitem').filter({ hasText: 'Next steps' })).toHaveText([
    'Answer “Next steps” (required).',
  ]);
  const nextSteps = h.page.locator('#doc-q-next_steps');
  await expect(nextSteps).toHaveAttribute('aria-invalid', 'true');
  await expect(h.page.getByRole('textbox', { name: /^Next steps/ })).toHaveAccessibleDescription(
    /Answer “Next steps” \(required\)/,
  );
  expect(h.dialogs.asked.filter((a) => a.startsWith('export:'))).toEqual([]);
  await expectAccessible(h, 'Documents step with a final refused');
  // The link in the summary takes the officer to the field; answering it clears it from the summary.
  await summary.getByRole('link', { name: 'Answer “Next steps” (required).' }).click();
  await expect(nextSteps).toBeFocused();
  await nextSteps.fill(
    'Steering group to meet in April 2026; memorandum to be signed by the ICB Director of Strategy.',
  );
  await expect(h.page.getByRole('alert').filter({ hasText: 'Next steps' })).toHaveCount(0);

  // Now the final is made: no DRAFT, no guidance and no comments in the Word file.
  const finalTarget = join(folder, 'proposal-final.docx');
  await h.page.getByRole('radio', { name: 'Word (.docx), to edit further' }).check();
  h.dialogs.saveAnswers.push(finalTarget);
  await h.page.getByRole('button', { name: 'Export…' }).click();
  await expect(h.page.getByRole('status')).toContainText('Saved “proposal-final.docx”, final.', {
    timeout: 60_000,
  });
  expect(execFileSync('unzip', ['-Z1', finalTarget], { encoding: 'utf8' })).not.toContain(
    'word/comments.xml',
  );
  const finalText = execFileSync('unzip', ['-p', finalTarget, 'word/document.xml'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).replace(/<[^>]+>/g, '');
  expect(finalText).toContain('Steering group to meet in April 2026');
  expect(finalText).not.toMatch(/DRAFT|To complete|Guidance for the author/);
  await h.page.getByRole('radio', { name: 'Draft, for comment' }).check();

  for (const t of builtIns) {
    await templateRadio(h, t).check();
    await expect(preview(h).locator('h1').first()).toBeVisible({ timeout: 20_000 });

    if (t.partner === 'required') {
      const partner = h.page.getByRole('combobox', { name: /^Partner/ });
      await partner.selectOption({ label: 'NHS Northshire and Wyndham Integrated Care Board' });
    }

    const required = t.questions.filter((q) => q.required);
    expect(required.length, `${t.id} has required questions`).toBeGreaterThan(0);

    // Answer every required question; the first text answer is a sentence we look for in the preview and files.
    const marker = `Northshire test answer for ${t.id}`;
    let markerUsed = false;
    for (const q of required) {
      if (!(await h.page.locator(`#doc-q-${q.id}`).isVisible())) continue;
      const isText = q.kind === 'paragraphs' || q.kind === 'text';
      await answer(h, q, isText && !markerUsed ? marker : `Answer to ${q.label}`);
      if (isText) markerUsed = true;
    }
    expect(markerUsed, `${t.id} has a required text question`).toBe(true);
    await expect(preview(h).locator('body')).toContainText(marker, { timeout: 20_000 });
    await expect(h.page.getByRole('alert').filter({ hasText: 'There is a problem' })).toHaveCount(0);
    if (t === builtIns[0]) await expectAccessible(h, `Documents step with the preview (${t.name})`);

    // Export both formats: one dialog, two files side by side.
    await h.page.getByRole('radio', { name: 'Word and PDF' }).check();
    const target = join(folder, `${t.id}.docx`);
    h.dialogs.saveAnswers.push(target);
    await h.page.getByRole('button', { name: 'Export…' }).click();
    await expect(h.page.getByRole('status')).toContainText(
      `Saved “${t.id}.docx” and “${t.id}.pdf”, marked DRAFT.`,
      { timeout: 60_000 },
    );
    expect(h.dialogs.asked.at(-1)).toMatch(/^export:.+\.docx:docx,pdf$/);

    const docx = join(folder, `${t.id}.docx`);
    const pdf = join(folder, `${t.id}.pdf`);
    checkDocx(docx, marker);
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBeGreaterThan(0);
    execFileSync('qpdf', ['--check', pdf]);

    // The preview is the PDF: same title, and every heading of the preview in the PDF, in the same order.
    const previewTitle = await preview(h).locator('title').textContent();
    expect(info.Title).toBe(flat(previewTitle ?? ''));
    const pdfText = flat(
      execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
    );
    const headings = (await headingsOf(preview(h))).filter(Boolean);
    expect(headings.length).toBeGreaterThan(3);
    expect(
      inOrder(pdfText, headings),
      'first preview heading missing from the PDF, or out of order',
    ).toBeNull();
    expect(pdfText).toContain(marker);
    // Exported as a draft: marked DRAFT in the PDF's running header and on the Word title page.
    expect(pdfText).toContain('DRAFT');
    checkDocx(docx, 'DRAFT: for comment, not for publication');

    // Open the file and show it in its folder, through the operating system.
    const saved = h.page.locator('.export-results');
    await saved.getByRole('button', { name: `Open file ${t.id}.pdf` }).click();
    await saved.getByRole('button', { name: `Show in folder ${t.id}.docx` }).click();
    await expect.poll(() => h.externalOpened.slice(-2)).toEqual([`file:${pdf}`, `folder:${docx}`]);
  }
  expect(readdirSync(folder).sort()).toEqual(
    [...builtIns.flatMap((t) => [`${t.id}.docx`, `${t.id}.pdf`]), 'proposal-final.docx'].sort(),
  );

  // Exporting again over the same files also asks about the companion PDF; saying no writes nothing.
  const last = builtIns.at(-1)!;
  const lastPdf = join(folder, `${last.id}.pdf`);
  const before = statSync(lastPdf).mtimeMs;
  h.dialogs.saveAnswers.push(join(folder, `${last.id}.docx`));
  h.dialogs.replaceAnswers.push(false);
  await h.page.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => h.dialogs.asked.at(-1)).toBe(`replace:${last.id}.pdf`);
  expect(statSync(lastPdf).mtimeMs).toBe(before);

  // Answers are part of the workbook: saving keeps them as drafts, one per template.
  const saved = join(folder, 'with-drafts.awbook');
  h.dialogs.saveAnswers.push(saved);
  await h.page.keyboard.press('Control+S');
  await expect(h.page.getByRole('status')).toContainText('Saved “with-drafts.awbook”');
  const drafts = JSON.parse(readFileSync(saved, 'utf8')).workbook.drafts as Array<{
    templateId: string;
    answers: Array<{ value: string }>;
  }>;
  for (const t of builtIns) {
    const d = drafts.find((x) => x.templateId === t.id);
    expect(
      d?.answers.some((a) => a.value === `Northshire test answer for ${t.id}`),
      t.id,
    ).toBe(true);
  }
});

test('a committee report is based on a business case chosen in the step: its options in the preview, a final refused without it, undoable', async ({
  launch,
}) => {
  test.setTimeout(120_000);
  const h = await launch();
  await openSampleDocuments(h);
  await h.page.getByRole('radio', { name: /^Committee or cabinet report/ }).check();
  const basedOn = h.page.getByRole('combobox', { name: /^Business case this report asks a decision on/ });
  await expect(basedOn).toHaveValue('drf_nsc_digital_champions');
  await expect(preview(h).locator('body')).toContainText('Why it was not chosen', { timeout: 20_000 });
  await expect(preview(h).locator('body')).toContainText('Cabinet is recommended to:');
  await expectAccessible(h, 'Documents step with the sample’s committee report');

  // Without a business case, the checklist says so and a final is refused, the summary linking to the choice.
  await basedOn.selectOption('');
  const missing = 'No business case is chosen: choose the business case this report asks a decision on.';
  await expect(h.page.getByText(missing).first()).toBeVisible();
  await expect(preview(h).locator('body')).toContainText('Choose the business case', { timeout: 20_000 });
  await h.page.getByRole('radio', { name: 'Final, ready to publish' }).check();
  await h.page.getByRole('button', { name: 'Export…' }).click();
  const summary = h.page.getByRole('alert').filter({ hasText: 'A final cannot be made yet' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: missing }).click();
  await expect(basedOn).toBeFocused();
  await expect(basedOn).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(h, 'Documents step with a committee report refused for want of a business case');

  // Undo brings the business case back.
  await h.page.getByRole('heading', { level: 1, name: 'Documents' }).click();
  await h.page.keyboard.press('Control+z');
  await expect(basedOn).toHaveValue('drf_nsc_digital_champions');
  await expect(h.page.getByRole('alert').filter({ hasText: missing })).toHaveCount(0);
});

/** A printer that holds each print until it is cancelled, so the Cancel button can be tested without a race. */
function heldPrinter(): () => Promise<PdfPrinter> {
  return async () => ({
    print: (_html, options) =>
      new Promise<Uint8Array>((_resolve, reject) => {
        const stop = () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
        if (options?.signal?.aborted) stop();
        options?.signal?.addEventListener('abort', stop, { once: true });
      }),
  });
}

test('cancelling a generation stops it, says so, and writes nothing', async ({ launch }) => {
  const h = await launch({ startPdfPrinter: heldPrinter() });
  await openSampleDocuments(h);
  const listing = await h.composition.documentService.listTemplates();
  const t = listing.templates.find((x) => x.origin === 'built-in' && x.partner === 'none')!;
  await templateRadio(h, t).check();
  // Questions asked only for some answers (an exempt appendix's paragraph) show once the preview says they apply.
  await expect(preview(h).locator('h1').first()).toBeVisible({ timeout: 20_000 });
  for (const q of t.questions.filter((x) => x.required))
    if (await h.page.locator(`#doc-q-${q.id}`).isVisible()) await answer(h, q, `Answer to ${q.label}`);

  await h.page.getByRole('radio', { name: /^PDF/ }).check();
  const folder = tempFolder();
  h.dialogs.saveAnswers.push(join(folder, 'never.pdf'));
  await h.page.getByRole('button', { name: 'Export…' }).click();
  const progress = h.page.getByRole('progressbar', { name: 'Making the document' });
  await expect(progress).toBeVisible();
  await expect(h.page.getByRole('button', { name: 'Export…' })).toBeDisabled();
  await expectAccessible(h, 'Documents step while a document is being made');
  await h.page.getByRole('button', { name: 'Cancel making the document' }).click();
  await expect(h.page.getByRole('status')).toContainText('Export cancelled. No files were saved.');
  await expect(progress).toHaveCount(0);
  await expect(h.page.getByRole('button', { name: 'Export…' })).toBeFocused();
  expect(readdirSync(folder)).toEqual([]);
  expect(h.composition.documentService.busy).toBe(false);

  // The save dialog can be cancelled too: nothing is made and nothing is said.
  h.dialogs.saveAnswers.push(null);
  await h.page.getByRole('button', { name: 'Export…' }).click();
  await expect(h.page.getByRole('button', { name: 'Export…' })).toBeEnabled();
  expect(readdirSync(folder)).toEqual([]);
});

test('templates from the officer’s folders sit beside the built-ins, and a broken one says where it is broken', async ({
  launch,
}) => {
  const h = await launch();
  await openSampleDocuments(h);
  const root = tempFolder();

  // One good template (a copy of a built-in under a new id and name) and one with a syntax error.
  const [first] = readdirSync(BUILT_IN_TEMPLATES_DIR).filter((d) =>
    existsSync(join(BUILT_IN_TEMPLATES_DIR, d, 'template.json')),
  );
  const good = join(root, 'northshire-briefing');
  cpSync(join(BUILT_IN_TEMPLATES_DIR, first!), good, { recursive: true });
  const manifest = readFileSync(join(good, 'template.json'), 'utf8')
    .replace(/"id":\s*"[^"]+"/, '"id": "northshire-briefing"')
    .replace(/"name":\s*"[^"]+"/, '"name": "Northshire members’ briefing"');
  writeFileSync(join(good, 'template.json'), manifest);
  const broken = join(root, 'broken-template');
  mkdirSync(broken);
  writeFileSync(
    join(broken, 'template.json'),
    '{\n  "id": "broken-template",\n  "name": "Broken",\n  "version": 1.0.0\n}\n',
  );

  h.dialogs.folderAnswers.push(root);
  await h.page.getByText(/^Your template folders/).click();
  await h.page.getByRole('button', { name: 'Add a template folder…' }).click();
  await expect(h.page.getByRole('status')).toContainText('Template folder added. One template has a problem');
  await expect(h.page.getByRole('radio', { name: /^Northshire members’ briefing/ })).toBeVisible();
  const problems = h.page.getByRole('group', { name: 'Some of your templates could not be used' });
  await expect(problems).toContainText('broken-template');
  await expect(problems).toContainText(/template\.json.*line 4/);
  // The built-ins are all still there.
  const listing = await h.composition.documentService.listTemplates();
  for (const t of listing.templates.filter((x) => x.origin === 'built-in'))
    await expect(templateRadio(h, t)).toBeVisible();
  expect(h.composition.settings.preferences().templateFolders).toEqual([root]);
  await expectAccessible(h, 'Documents step with a broken user template');

  // The user template works like any other.
  await h.page.getByRole('radio', { name: /^Northshire members’ briefing/ }).check();
  await expect(preview(h).locator('h1').first()).toBeVisible({ timeout: 20_000 });

  await h.page.getByRole('button', { name: `Remove the template folder ${root}` }).click();
  await expect(h.page.getByRole('radio', { name: /^Northshire members’ briefing/ })).toHaveCount(0);
  await expect(problems).toHaveCount(0);
  expect(h.composition.settings.preferences().templateFolders).toEqual([]);
});

test('answers are undoable edits of the workbook, and looking through the templates changes nothing', async ({
  launch,
}) => {
  const h = await launch();
  await openSampleDocuments(h);
  const listing = await h.composition.documentService.listTemplates();
  const builtIns = listing.templates.filter((x) => x.origin === 'built-in');
  // Arrow keys move through the templates (each shows its preview) without adding drafts to the workbook.
  await templateRadio(h, builtIns[0]!).check();
  for (let i = 1; i < builtIns.length; i++) {
    await h.page.keyboard.press('ArrowDown');
    await expect(templateRadio(h, builtIns[i]!)).toBeChecked();
  }
  await expect(preview(h).locator('h1').first()).toBeVisible({ timeout: 20_000 });
  await expect(h.page).toHaveTitle(/^Northshire Libraries/);
  expect(h.window.dirty).toBe(false);

  const t = builtIns.find(
    (x) => x.id !== 'partnership-proposal' && x.questions.some((q) => q.kind === 'paragraphs'),
  )!;
  const q = t.questions.find((x) => x.kind === 'paragraphs')!;
  await templateRadio(h, t).check();
  const field: Locator = h.page.locator(`#doc-q-${q.id}`);
  const before = await field.inputValue();
  await field.fill('A first answer');
  await h.page.locator('h1').click();
  await h.page.keyboard.press('Control+Z');
  await expect(h.page.getByRole('status')).toContainText(`Undone: Answer “${q.label}”`);
  await expect(field).toHaveValue(before);
  // The draft came with the first answer, so undoing that answer leaves the workbook as it was opened.
  await expect(h.page).toHaveTitle(/^Northshire Libraries/);
});

test('an edit is patched into the preview: the new text shows, unchanged sections keep their nodes and the reader their place', async ({
  launch,
}) => {
  const h = await launch();
  await openSampleDocuments(h);
  await expect(preview(h).locator('body')).toContainText('NHS Northshire and Wyndham Integrated Care Board', { timeout: 20_000 });
  const frame = (await h.page.locator('iframe.document-preview-frame').elementHandle())!;
  const doc = (await frame.contentFrame())!;
  await doc.waitForLoadState('load');
  // Every part of the document before the edit (the title page and each section), and a place in it.
  const parts = await preview(h).locator('body > *').elementHandles();
  expect(parts.length).toBeGreaterThan(2);
  const blocksBefore = await doc.evaluate(() => {
    const all = Array.from(document.querySelectorAll('body > .section > *'));
    for (const b of all) (b as Element & { awbOld?: boolean }).awbOld = true;
    return all.length;
  });
  await doc.evaluate(() => window.scrollTo(0, 600));
  const scrolled = await doc.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);

  const field = h.page.locator('.question textarea').first();
  await field.focus();
  await field.press('End');
  await h.page.keyboard.insertText(' Patchedword.');
  await expect(preview(h).locator('body')).toContainText('Patchedword', { timeout: 20_000 });

  // Patched, not reloaded: the same frame document, every part still the node it was, the place kept.
  expect(await frame.contentFrame()).toBe(doc);
  const connected = await Promise.all(parts.map((p) => p.evaluate((el) => el.isConnected)));
  expect(connected).toEqual(parts.map(() => true));
  await expect(preview(h).locator('body > *')).toHaveCount(parts.length);
  expect(await doc.evaluate(() => window.scrollY)).toBe(scrolled);
  // Inside the sections too, only the edited block can be new: every other block is the node it was.
  const blocks = await doc.evaluate(() => {
    const now = Array.from(document.querySelectorAll('body > .section > *'));
    const isOld = (b: Element) => (b as Element & { awbOld?: boolean }).awbOld === true;
    return { total: now.length, old: now.filter(isOld).length, newText: now.filter((b) => !isOld(b)).map((b) => b.textContent ?? '') };
  });
  expect(blocks.old).toBeGreaterThanOrEqual(blocksBefore - 1);
  expect(blocks.old).toBeGreaterThan(0);
  for (const text of blocks.newText) expect(text).toContain('Patchedword');
  await expect(preview(h).locator('p', { hasText: 'Patchedword' })).toHaveCount(1);
});

test('the preview copy keeps the document and drops anything that could run, even if a document ever carried it', async ({
  launch,
}) => {
  const h = await launch();
  const hostile = `<!doctype html><html lang="en-GB"><head><title>T</title><style>h1{color:#123}</style><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/"></head><body>
    <h1 id="top">Business case</h1><p>Text <a href="#top">back to top</a> and <a href="https://www.gov.uk/">GOV.UK</a>.</p>
    <script>window.parent.pwned = 1</script><img alt="chart" src="data:image/png;base64,iVBORw0KGgo=" onerror="parent.pwned=2">
    <iframe src="https://evil.example/"></iframe><object data="x"></object><form action="https://evil.example/"><input name="q"></form>
    <a href="javascript:parent.pwned=3">click</a><svg><a href="javascript:alert(1)"><text>x</text></a></svg></body></html>`;
  const cleaned = await h.page.evaluate(`(${previewHtml.toString()})(${JSON.stringify(hostile)})`);
  const doc = await h.page.evaluate((html: string) => {
    const d = new DOMParser().parseFromString(html, 'text/html');
    return {
      active: d.querySelectorAll('script, iframe, object, form, input, base, meta[http-equiv]').length,
      handlers: Array.from(d.querySelectorAll('*')).flatMap((e) =>
        Array.from(e.attributes).filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)),
      ).length,
      links: Array.from(d.querySelectorAll('a')).map((a) => [
        a.textContent,
        a.getAttribute('href'),
        a.getAttribute('target'),
      ]),
      text: d.body.textContent?.replace(/\s+/g, ' ').trim(),
      style: d.querySelector('style')?.textContent,
      lang: d.documentElement.lang,
    };
  }, cleaned as string);
  expect(doc.active).toBe(0);
  expect(doc.handlers).toBe(0);
  expect(doc.links).toEqual([
    ['back to top', '#top', null],
    ['GOV.UK', 'https://www.gov.uk/', '_blank'],
    ['click', null, null],
    ['x', null, null],
  ]);
  expect(doc.text).toBe('Business caseText back to top and GOV.UK. clickx');
  expect(doc.style).toBe('h1{color:#123}');
  expect(doc.lang).toBe('en-GB');
});

test('the scope is set first: services chosen from a searchable checklist, undoable, saved in the draft, and the checklist links to the fix', async ({
  launch,
}) => {
  test.setTimeout(120_000);
  const h = await launch();
  await openSampleDocuments(h);
  const listing = await h.composition.documentService.listTemplates();
  const fiveCase = listing.templates.find((t) => t.id === 'five-case-business-case')!;
  await templateRadio(h, fiveCase).check();
  const scope = h.page.getByRole('region', { name: 'Scope' });
  const services = scope.getByRole('group', { name: 'Services in scope' });
  // The sample's business case is scoped to the Digital Champions services; clearing them leaves nothing in scope.
  await expect(services.getByText(/^3 of 24 services chosen$/)).toBeVisible();
  await services.getByRole('button', { name: 'Clear all shown' }).click();
  await expect(services.getByText(/^0 of 24 services chosen$/)).toBeVisible();

  // A proposal with nothing in scope: the readiness checklist says so, and its link goes to the service search.
  const readiness = h.page.getByRole('region', { name: 'Readiness checklist' });
  const chooseServices = readiness.getByRole('button', {
    name: /^Choose the services this proposal is about/,
  });
  await expect(chooseServices).toBeVisible();
  await chooseServices.click();
  const search = services.getByRole('searchbox', { name: 'Search services' });
  await expect(search).toBeFocused();

  // Search narrows the list; Tab reaches the checkbox and Space ticks it.
  await search.fill('rhyme story');
  await expect(services.getByText(/^0 of 24 services chosen; 1 shown$/)).toBeVisible();
  const rhymetime = services.getByRole('checkbox', { name: 'Baby and toddler Rhymetimes and Storytimes' });
  // Past "Choose all shown" ("Clear all shown" is disabled while nothing shown is chosen).
  await h.page.keyboard.press('Tab');
  await h.page.keyboard.press('Tab');
  await expect(rhymetime).toBeFocused();
  await h.page.keyboard.press('Space');
  await expect(rhymetime).toBeChecked();
  await expect(services.getByText(/^1 of 24 services chosen; 1 shown$/)).toBeVisible();
  await expect(chooseServices).toHaveCount(0);
  await expectAccessible(h, 'Documents step with the scope editor and the readiness checklist');

  // Every change is an undoable edit of the draft.
  await h.page.keyboard.press('Control+Z');
  await expect(rhymetime).not.toBeChecked();
  await expect(h.page.getByRole('status')).toContainText(
    'Undone: Put “Baby and toddler Rhymetimes and Storytimes” in scope.',
  );
  await h.page.keyboard.press('Control+Y');
  await expect(rhymetime).toBeChecked();

  // The sum and its period are part of the scope too, and the whole of it is saved in the draft.
  await scope.getByRole('textbox', { name: 'Sum asked for' }).fill('£85k');
  await scope.getByRole('textbox', { name: 'Period the sum covers' }).fill('2026/27');
  const folder = tempFolder();
  const saved = join(folder, 'scoped.awbook');
  h.dialogs.saveAnswers.push(saved);
  await h.page.keyboard.press('Control+S');
  await expect(h.page.getByRole('status')).toContainText('Saved “scoped.awbook”');
  const file = JSON.parse(readFileSync(saved, 'utf8')) as {
    workbook: {
      drafts: Array<{
        templateId: string;
        scope: {
          wholeService: boolean;
          serviceIds: string[];
          amount: number | null;
          period: { label: string };
        };
      }>;
      services: Array<{ id: string; name: string }>;
    };
  };
  const draft = file.workbook.drafts.find((d) => d.templateId === 'five-case-business-case')!;
  const rhymetimeId = file.workbook.services.find(
    (x) => x.name === 'Baby and toddler Rhymetimes and Storytimes',
  )!.id;
  expect(draft.scope).toMatchObject({
    wholeService: false,
    serviceIds: [rhymetimeId],
    amount: 85_000,
    period: { label: '2026/27' },
  });

  // The claims of the service in scope are in the checklist, never in the document; the link opens the Map on it.
  const claim = readiness.getByRole('button', {
    name: /^Strong contribution of “Baby and toddler Rhymetimes and Storytimes” to .* cites no evidence\./,
  });
  await expect(claim).toBeVisible();
  await expect(preview(h).locator('body')).not.toContainText('cites no evidence', { timeout: 20_000 });
  await claim.click();
  await expect(h.page.getByRole('heading', { level: 1, name: 'Contribution map' })).toBeVisible();
});

test('a whole-service template says it describes the whole service and offers no choice of services', async ({
  launch,
}) => {
  const h = await launch();
  await openSampleDocuments(h);
  const listing = await h.composition.documentService.listTemplates();
  const statement = listing.templates.find((t) => t.scope === 'whole-service')!;
  await templateRadio(h, statement).check();
  const scope = h.page.getByRole('region', { name: 'Scope' });
  await expect(scope).toContainText('This document describes the whole library service: all 24 services');
  await expect(scope.getByRole('checkbox')).toHaveCount(0);
});
