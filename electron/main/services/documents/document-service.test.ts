/**
 * The document service on real files: its own small template in a temp folder, the shipped sample workbook, the
 * real engine and a real Chromium for the PDFs. Checks listing (with broken and empty user folders), the preview,
 * generation with progress, cancellation, one job at a time, and a write that fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfPrinter } from '../../../../shared/documents';
import type { DocumentProgress } from '../../../../shared/ipc/documents-contract';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import { newDraftScope } from '../../../../shared/model/factories';
import { loadSampleWorkbook } from '../../../../shared/samples/sample-workbook';
import { createChromiumPrinter } from './chromium-printer';
import { answersOf, destinationStem, documentFileStem, DocumentService, type DocumentServiceOptions } from './document-service';
import { BUILT_IN_TEMPLATES_DIR, loadTemplateFolder } from './template-folders';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MANIFEST = {
  id: 'test-briefing',
  name: 'Test briefing',
  kind: 'alignment-statement',
  description: 'A short briefing used by the tests.',
  version: '1.0.0',
  document: { title: 'Briefing: {{answers.topic}}', subject: 'Libraries', keywords: ['libraries'] },
  questions: [
    { id: 'topic', label: 'Topic', kind: 'text', required: true },
    { id: 'stage', label: 'Stage', kind: 'choice', options: [{ value: 'SOC', label: 'SOC' }, { value: 'OBC', label: 'OBC' }], default: 'SOC' },
    { id: 'obc_only', label: 'Preferred option', kind: 'paragraphs', when: { question: 'stage', in: ['OBC'] } },
    { id: 'risks', label: 'Risks', kind: 'table', columns: [{ id: 'risk', label: 'Risk' }, { id: 'owner', label: 'Owner' }] },
  ],
  sections: [{ file: '01-body.md' }],
};
const BODY = `# {{answers.topic}}

{{authority.name}} libraries contribute to the council plan.

## Coverage

{{block coverage-by-objective}}

## Risks

{{answers.risks}}
`;

let root: string;
let builtIn: string;
/** One browser for the whole file, however many services ask for it at once (a preview warms it too). */
let printer: Promise<PdfPrinter & { close(): Promise<void> }> | null = null;

function writeTemplate(folder: string, manifest: object, body = BODY) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'template.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(folder, '01-body.md'), body);
}

function service(over: Partial<DocumentServiceOptions> = {}, userFolders: string[] = []): DocumentService {
  return new DocumentService({
    builtInDir: builtIn,
    userFolders: () => userFolders,
    startPrinter: () => (printer ??= createChromiumPrinter({ executablePath: CHROMIUM })),
    now: () => new Date('2026-11-28T10:00:00Z'),
    ...over,
  });
}

function sampleWith(answers: Record<string, string>): { workbook: Workbook; draftId: string } {
  const loaded = loadSampleWorkbook();
  if (!loaded.ok) throw new Error(loaded.error.message);
  const draft: Draft = {
    id: 'drf_test',
    templateId: 'test-briefing',
    title: 'Members’ briefing: libraries',
    scope: newDraftScope({ wholeService: true }),
    answers: Object.entries(answers).map(([questionId, value]) => ({ questionId, value })),
    protectiveMarking: 'OFFICIAL-SENSITIVE',
    partnerId: null,
    businessCase: null,
    basedOnDraftId: null,
    created: '2026-11-28T09:00:00Z',
    modified: '2026-11-28T09:00:00Z',
  };
  return { workbook: { ...loaded.value, drafts: [...loaded.value.drafts, draft] }, draftId: draft.id };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'awb-docservice-'));
  builtIn = join(root, 'built-in');
  writeTemplate(join(builtIn, 'test-briefing'), MANIFEST);
});
afterAll(async () => {
  await (await printer?.catch(() => null))?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('file names', () => {
  it('takes only our own extensions off the chosen path and keeps titles safe on every system', () => {
    expect(destinationStem('/a/Business case.DOCX')).toBe('/a/Business case');
    expect(destinationStem('/a/Business case.pdf')).toBe('/a/Business case');
    expect(destinationStem('/a/Business case v1.2')).toBe('/a/Business case v1.2');
    expect(documentFileStem('Case: “A/B” <draft>?')).toBe('Case- “A-B” -draft-');
    expect(documentFileStem('  ...  ')).toBe('Document');
  });
});

describe('the template listing', () => {
  it('lists built-ins and user templates, and reports broken and empty user folders without failing', async () => {
    const mine = join(root, 'mine');
    writeTemplate(join(mine, 'council-briefing'), { ...MANIFEST, id: 'council-briefing', name: 'Council briefing' });
    writeTemplate(join(mine, 'broken'), { ...MANIFEST, id: 'broken' }, '# Title\n\n{{#each objectives as o}}\nno end\n');
    const empty = join(root, 'empty');
    mkdirSync(empty, { recursive: true });
    const listing = await service({}, [mine, empty]).listTemplates();
    expect(listing.templates.map((t) => [t.id, t.origin])).toEqual([
      ['test-briefing', 'built-in'],
      ['council-briefing', 'user'],
    ]);
    const brief = listing.templates[0]!;
    expect(brief.partner).toBe('none');
    expect(brief.questions.map((q) => [q.id, q.kind, q.required, q.defaultValue])).toEqual([
      ['topic', 'text', true, null],
      ['stage', 'choice', false, 'SOC'],
      ['obc_only', 'paragraphs', false, null],
      ['risks', 'table', false, null],
    ]);
    expect(listing.problems).toHaveLength(2);
    expect(listing.problems[0]!.message).toMatch(/01-body\.md.*line \d+/);
    expect(listing.problems[1]).toEqual({ folder: empty, message: expect.stringMatching(/^No templates were found in/) });
    expect(listing.userFolders).toEqual([mine, empty]);
  });

  it('gives one reason for a folder that cannot be used, not a second “no templates” on top', async () => {
    const real = join(root, 'real-templates');
    writeTemplate(join(real, 'linked-briefing'), { ...MANIFEST, id: 'linked-briefing', name: 'Linked briefing' });
    const link = join(root, 'linked-templates');
    symlinkSync(real, link);
    const gone = join(root, 'deleted-folder');
    const listing = await service({}, [link, gone]).listTemplates();
    expect(listing.templates.map((t) => t.id)).toEqual(['test-briefing']);
    expect(listing.problems.map((p) => p.folder)).toEqual([link, gone]);
    expect(listing.problems[0]!.message).toMatch(/shortcut/);
    expect(listing.problems[1]!.message).toMatch(/could not be found/);
  });
});

describe('the preview', () => {
  it('is the print HTML with the answers, the questions that apply, and the open questions', async () => {
    const { workbook, draftId } = sampleWith({ topic: 'Digital inclusion', stage: 'SOC' });
    const r = await service().preview(workbook, draftId);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.title).toBe('Briefing: Digital inclusion');
    expect(r.value.html).toMatch(/^<!doctype html>/i);
    expect(r.value.html).toContain('Digital inclusion');
    expect(r.value.html).toContain('Northshire');
    // The fonts are given once (documentFonts), not with every preview.
    expect(r.value.html).not.toContain('@font-face');
    expect(service().fontCss()).toContain('@font-face');
    expect(r.value.html).not.toMatch(/<script/i);
    // "Preferred option" is asked only for an Outline Business Case.
    expect(r.value.askedQuestionIds).toEqual(['topic', 'stage', 'risks']);
    expect(r.value.unanswered.map((q) => q.id)).toEqual(['risks']);

    const obc = sampleWith({ topic: 'Digital inclusion', stage: 'OBC' });
    const again = await service().preview(obc.workbook, obc.draftId);
    expect(again.ok && again.value.askedQuestionIds).toEqual(['topic', 'stage', 'obc_only', 'risks']);
  });

  it('gets the printer ready for the first export, starting it once, and previews even when it cannot start', async () => {
    const { workbook, draftId } = sampleWith({ topic: 'Warm' });
    const calls: string[] = [];
    const ready: PdfPrinter = {
      print: async () => {
        calls.push('print');
        return new Uint8Array();
      },
      warm: async () => void calls.push('warm'),
    };
    const s = service({
      startPrinter: async () => {
        calls.push('start');
        return ready;
      },
    });
    expect((await s.preview(workbook, draftId)).ok).toBe(true);
    expect((await s.preview(workbook, draftId)).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['start', 'warm', 'warm']);

    const broken = service({ startPrinter: () => Promise.reject(new Error('No Chromium, Google Chrome or Microsoft Edge was found.')) });
    expect((await broken.preview(workbook, draftId)).ok).toBe(true);
  });

  it('gets the printer ready when the Documents step opens, before any preview', async () => {
    const calls: string[] = [];
    const s = service({
      startPrinter: async () => {
        calls.push('start');
        return { print: async () => new Uint8Array(), warm: async () => void calls.push('warm') };
      },
    });
    s.prepareExport();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['start', 'warm']);
  });

  it('says plainly when the draft or its template has gone', async () => {
    const { workbook } = sampleWith({ topic: 'x' });
    const s = service();
    expect(await s.preview(workbook, 'drf_missing')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const orphan = { ...workbook, drafts: workbook.drafts.map((d) => ({ ...d, templateId: 'gone' })) };
    const r = await s.preview(orphan, 'drf_test');
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('“gone” is not available') } });
  });

  it('leaves out table rows the officer added but did not fill in', async () => {
    const template = await loadTemplateFolder(join(builtIn, 'test-briefing'));
    if (!template.ok) throw new Error(template.error.message);
    const rows = JSON.stringify([{ risk: 'Staff turnover', owner: 'Head of Libraries' }, { risk: ' ', owner: '' }]);
    expect(answersOf(template.value, { answers: [{ questionId: 'risks', value: rows }] })).toEqual({
      risks: JSON.stringify([{ risk: 'Staff turnover', owner: 'Head of Libraries' }]),
    });
    expect(answersOf(template.value, { answers: [{ questionId: 'risks', value: '[{"risk":"","owner":""}]' }, { questionId: 'topic', value: '  ' }] })).toEqual({});
  });
});

describe('draft and final', () => {
  it('lists what stops a final in the preview, refuses it before anything is written, and makes it once complete', async () => {
    const incomplete = sampleWith({ stage: 'SOC' });
    const s = service();
    const preview = await s.preview(incomplete.workbook, incomplete.draftId);
    expect(preview.ok && preview.value.blockers).toEqual([
      { kind: 'unanswered-required', where: 'Question “Topic”', questionId: 'topic', message: 'Required and not answered.' },
    ]);
    const check = await s.checkFinal(incomplete.workbook, incomplete.draftId);
    expect(check).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'Question “Topic”', message: 'Required and not answered.' }] } });
    const out = join(root, 'final-refused');
    mkdirSync(out, { recursive: true });
    const refused = await s.generate({ jobId: 'final1', ...incomplete, formats: ['docx'], mode: 'final', destination: join(out, 'Briefing.docx') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(readdirSync(out)).toEqual([]);

    // "Risks" is not required: a final leaves it out rather than refusing.
    const complete = sampleWith({ topic: 'Digital inclusion', stage: 'SOC' });
    expect(await s.checkFinal(complete.workbook, complete.draftId)).toEqual({ ok: true, value: null });
    const made = await s.generate({ jobId: 'final2', ...complete, formats: ['docx'], mode: 'final', destination: join(out, 'Briefing.docx') });
    expect(made.ok && made.value.status === 'generated' && made.value.mode).toBe('final');
    expect(readdirSync(out)).toEqual(['Briefing.docx']);
  });
});

describe('the sample workbook’s drafts', () => {
  it('are finished drafts, one for each built-in template, that preview with every question answered', async () => {
    const loaded = loadSampleWorkbook();
    if (!loaded.ok) throw new Error(loaded.error.message);
    const s = new DocumentService({ builtInDir: BUILT_IN_TEMPLATES_DIR, userFolders: () => [], startPrinter: () => Promise.reject(new Error('not needed')) });
    const listing = await s.listTemplates();
    expect(loaded.value.drafts.map((d) => d.templateId).sort()).toEqual(listing.templates.map((t) => t.id).sort());
    for (const draft of loaded.value.drafts) {
      const template = listing.templates.find((t) => t.id === draft.templateId);
      const questions = new Set(template?.questions.map((q) => q.id));
      expect(draft.answers.every((a) => questions.has(a.questionId))).toBe(true);
      const r = await s.preview(loaded.value, draft.id);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.unanswered.map((q) => q.id), draft.templateId).toEqual([]);
      expect(r.value.warnings.some((w) => w.kind === 'unanswered-required')).toBe(false);
      expect(await s.checkFinal(loaded.value, draft.id), `${draft.templateId} makes a final`).toEqual({ ok: true, value: null });
    }
    const icb = loaded.value.drafts.find((d) => d.templateId === 'partnership-proposal')!;
    expect(icb.partnerId).toBe('ptn_nsc_icb');
    const r = await s.preview(loaded.value, icb.id);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.title).toContain('digital health hubs');
    expect(r.value.html).toContain('NHS Northshire and Wyndham Integrated Care Board');
  });
});

describe('generation', () => {
  it('attaches the workbook only when asked, and then only the document’s scope: no notes, other partners, drafts or names', async () => {
    const out = mkdtempSync(join(root, 'out-'));
    const { workbook, draftId } = sampleWith({ topic: 'Reading and literacy' });
    const planted: Workbook = structuredClone(workbook);
    planted.author = 'SENTINEL-AUTHOR';
    planted.notes = 'SENTINEL-OFFICER-NOTES';
    planted.workshops[0]!.activities[0]!.notes = 'SENTINEL-FACILITATOR-NOTES';
    planted.workshops[0]!.participants.push({ id: 'par_sentinel', name: 'SENTINEL-PARTICIPANT', organisation: '', role: '' });
    planted.partners[1]!.name = 'SENTINEL-OTHER-PARTNER';
    planted.drafts[0]!.title = 'SENTINEL-OTHER-DRAFT';
    const r = await service().generate({ jobId: 'attach', workbook: planted, draftId, formats: ['pdf'], destination: join(out, 'Attached.pdf'), attachWorkbook: true });
    if (!r.ok) throw new Error(r.error.message);
    const pdf = join(out, 'Attached.pdf');
    expect(execFileSync('pdfdetach', ['-list', pdf], { encoding: 'utf8' })).toMatch(/^1 embedded files\n1: workbook-snapshot.json/);
    const saved = join(out, 'snapshot.json');
    execFileSync('pdfdetach', ['-save', '1', '-o', saved, pdf]);
    const attached = readFileSync(saved, 'utf8');
    expect(attached.match(/SENTINEL-[A-Z-]+/g) ?? []).toEqual([]);
    expect(JSON.parse(attached).workbook).toMatchObject({ workshops: [], drafts: [], partners: [] });
  });

  it('writes Word and PDF beside the chosen path, reporting progress that only moves forward', async () => {
    const out = mkdtempSync(join(root, 'out-'));
    const { workbook, draftId } = sampleWith({ topic: 'Reading and literacy' });
    const steps: DocumentProgress[] = [];
    const s = service();
    const r = await s.generate({
      jobId: 'job1',
      workbook,
      draftId,
      formats: ['docx', 'pdf'],
      destination: join(out, 'Members briefing.docx'),
      onProgress: (p) => steps.push(p),
    });
    if (!r.ok) throw new Error(r.error.message);
    if (r.value.status !== 'generated') throw new Error('not generated');
    const docx = join(out, 'Members briefing.docx');
    const pdf = join(out, 'Members briefing.pdf');
    expect(r.value.files.map((f) => [f.format, f.path, f.fileName])).toEqual([
      ['docx', docx, 'Members briefing.docx'],
      ['pdf', pdf, 'Members briefing.pdf'],
    ]);
    expect(readdirSync(out).sort()).toEqual(['Members briefing.docx', 'Members briefing.pdf']);
    expect(r.value.files[0]!.bytes).toBe(readFileSync(docx).byteLength);
    execFileSync('unzip', ['-tq', docx]);
    expect(execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })).toContain('Reading and literacy');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Briefing: Reading and literacy$/m);
    // Nothing of the workbook travels inside the PDF unless the officer asks for it.
    expect(execFileSync('pdfdetach', ['-list', pdf], { encoding: 'utf8' })).toMatch(/^0 embedded files/);

    expect(steps.length).toBeGreaterThan(3);
    expect(steps.every((p) => p.jobId === 'job1')).toBe(true);
    expect(steps.map((p) => p.fraction)).toEqual([...steps.map((p) => p.fraction)].sort((a, b) => a - b));
    expect(steps.at(-1)).toMatchObject({ step: 'writing', fraction: 1 });
    expect(new Set(steps.map((p) => p.step))).toEqual(new Set(['binding', 'docx', 'html', 'pdf', 'finishing', 'writing']));
    expect(s.wasGenerated(pdf)).toBe(true);
    expect(s.wasGenerated(join(out, 'elsewhere.pdf'))).toBe(false);
    expect(s.busy).toBe(false);
  });

  it('stops at once when cancelled, writes nothing, and refuses a second job while one runs', async () => {
    const out = mkdtempSync(join(root, 'out-'));
    let printing: () => void = () => undefined;
    const started = new Promise<void>((r) => (printing = r));
    // A print that never finishes by itself: only Cancel ends the job.
    const held: PdfPrinter = {
      print: () => {
        printing();
        return new Promise<Uint8Array>(() => undefined);
      },
    };
    const s = service({ startPrinter: async () => held });
    const { workbook, draftId } = sampleWith({ topic: 'Cancelled' });
    const job = s.generate({ jobId: 'slow', workbook, draftId, formats: ['docx', 'pdf'], destination: join(out, 'x.pdf') });
    await started;
    expect(s.busy).toBe(true);
    const second = await s.generate({ jobId: 'other', workbook, draftId, formats: ['docx'], destination: join(out, 'y.docx') });
    expect(second).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(s.cancel('nope')).toBe(false);
    expect(s.cancel('slow')).toBe(true);
    expect(await job).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(readdirSync(out)).toEqual([]);
    expect(s.busy).toBe(false);
  });

  it('turns a failed write into a plain message and leaves no file behind', async () => {
    const out = mkdtempSync(join(root, 'out-'));
    const s = service({
      writeFile: async () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    const { workbook, draftId } = sampleWith({ topic: 'Full disk' });
    const r = await s.generate({ jobId: 'full', workbook, draftId, formats: ['docx'], destination: join(out, 'Briefing.docx') });
    expect(r).toEqual({ ok: false, error: { code: 'WRITE_FAILED', message: 'There is not enough space on the drive to save “Briefing.docx”.' } });
    expect(readdirSync(out)).toEqual([]);
    expect(s.wasGenerated(join(out, 'Briefing.docx'))).toBe(false);
  });

  it('says PDFs cannot be made when no browser can be started, and still makes Word files', async () => {
    const out = mkdtempSync(join(root, 'out-'));
    const s = service({ startPrinter: () => Promise.reject(new Error('No Chromium, Google Chrome or Microsoft Edge was found.')) });
    const { workbook, draftId } = sampleWith({ topic: 'No browser' });
    const pdf = await s.generate({ jobId: 'p', workbook, draftId, formats: ['pdf'], destination: join(out, 'b.pdf') });
    expect(pdf).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/^PDFs cannot be made on this computer \(No Chromium/) } });
    const docx = await s.generate({ jobId: 'd', workbook, draftId, formats: ['docx'], destination: join(out, 'b.pdf') });
    expect(docx.ok && docx.value.status).toBe('generated');
    expect(existsSync(join(out, 'b.docx'))).toBe(true);
    expect(existsSync(join(out, 'b.pdf'))).toBe(false);
  });
});
