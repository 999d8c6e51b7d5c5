import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PresenterPages, PresenterState } from '../../../shared/workshop/presenter-state';
import { loadSampleWorkbook } from '../../../shared/samples/sample-workbook';
import type { Workbook } from '../../../shared/model/workbook-schema';
import { WorkshopService } from '../services/workshop/workshop-service';
import { createWorkshopHandlers, type PresenterPort } from './workshop-handlers';

const ctx = { senderUrl: 'app://workbench/index.html' };
const state = (title: string): PresenterState => ({
  held: false,
  key: 'welcome',
  title,
  screen: { kind: 'message', heading: 'Welcome', body: '' },
  timer: null,
  fontPx: 0,
});

let dir = '';
let wb: Workbook;
let shown: PresenterState[];
let told: PresenterPages[];
let opened: string[];
let folderAnswer: string | null;
let saveAnswer: string | null;
let presenterOpen: boolean;

function setup(presenterFails = false) {
  const presenter: PresenterPort = {
    open: async () => {
      if (presenterFails) throw new Error('there is no display to put it on');
      presenterOpen = true;
      return 'external-display';
    },
    close: () => void (presenterOpen = false),
    isOpen: () => presenterOpen,
    show: (s) => void shown.push(s),
  };
  const workshop = new WorkshopService({
    startPrinter: () => Promise.reject(new Error('no browser here')),
    now: () => new Date('2025-02-13T10:00:00Z'),
  });
  return createWorkshopHandlers({
    presenter,
    tellConsolePages: (pages) => void told.push(pages),
    workshop,
    chooseOutputFolder: async () => folderAnswer,
    chooseDocumentDestination: async () => saveAnswer,
    openFile: async (p) => void opened.push(p),
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awb-workshop-ipc-'));
  const r = loadSampleWorkbook();
  if (!r.ok) throw new Error(r.error.message);
  wb = r.value;
  shown = [];
  told = [];
  opened = [];
  folderAnswer = null;
  saveAnswer = null;
  presenterOpen = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('presenter channels', () => {
  it('pass the page count the presenter measured on to the console', async () => {
    const h = setup();
    expect(await h.reportPresenterPages({ key: 'activity:a1:0', pages: 3 }, ctx)).toEqual({
      ok: true,
      value: {},
    });
    expect(told).toEqual([{ key: 'activity:a1:0', pages: 3 }]);
  });

  it('keep the latest state, and show it again when the presenter (re)opens', async () => {
    const h = setup();
    expect(await h.getPresenterState({}, ctx)).toEqual({ ok: true, value: { state: null } });
    expect(await h.showOnPresenter(state('First'), ctx)).toEqual({
      ok: true,
      value: { presenterOpen: false },
    });
    expect(await h.openPresenter({}, ctx)).toEqual({ ok: true, value: { placement: 'external-display' } });
    expect(shown.map((s) => s.title)).toEqual(['First', 'First']);
    expect(await h.showOnPresenter(state('Second'), ctx)).toEqual({
      ok: true,
      value: { presenterOpen: true },
    });
    expect(await h.getPresenterState({}, ctx)).toMatchObject({
      ok: true,
      value: { state: { title: 'Second' } },
    });
    await h.closePresenter({}, ctx);
    expect(presenterOpen).toBe(false);
  });

  it('say in words when the presenter cannot open', async () => {
    expect(await setup(true).openPresenter({}, ctx)).toEqual({
      ok: false,
      error: {
        code: 'UNSUPPORTED',
        message: 'The presenter view could not be opened: there is no display to put it on',
      },
    });
  });
});

describe('kit and report channels', () => {
  it('do nothing when the officer cancels the dialog', async () => {
    const h = setup();
    expect(
      await h.printWorkshopKit(
        { workbook: wb, workshopId: 'wks_nsc_leadership_2025', largePrint: false },
        ctx,
      ),
    ).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(
      await h.writeWorkshopReport(
        { workbook: wb, workshopId: 'wks_nsc_leadership_2025', formats: ['docx'], includeNames: false },
        ctx,
      ),
    ).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  it('refuse a workshop that is not in the workbook', async () => {
    const h = setup();
    expect(
      await h.printWorkshopKit({ workbook: wb, workshopId: 'wks_gone', largePrint: false }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await h.writeWorkshopReport(
        { workbook: wb, workshopId: 'wks_gone', formats: ['pdf'], includeNames: false },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('write the Word report where the officer chose, and open only files made this session', async () => {
    const h = setup();
    saveAnswer = join(dir, 'Our report.docx');
    const made = await h.writeWorkshopReport(
      { workbook: wb, workshopId: 'wks_nsc_leadership_2025', formats: ['docx'], includeNames: false },
      ctx,
    );
    expect(made).toMatchObject({
      ok: true,
      value: {
        status: 'written',
        folder: dir,
        files: [{ fileName: 'Our report.docx', format: 'docx', pageSize: 'A4' }],
      },
    });
    expect(existsSync(join(dir, 'Our report.docx'))).toBe(true);
    expect(await h.openWorkshopFile({ path: join(dir, 'Our report.docx') }, ctx)).toEqual({
      ok: true,
      value: {},
    });
    expect(opened).toEqual([join(dir, 'Our report.docx')]);
    expect(await h.openWorkshopFile({ path: '/usr/bin/env' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('explain that PDFs cannot be made without a browser, writing nothing', async () => {
    const h = setup();
    folderAnswer = dir;
    const kit = await h.printWorkshopKit(
      { workbook: wb, workshopId: 'wks_nsc_leadership_2025', largePrint: true },
      ctx,
    );
    expect(kit).toMatchObject({
      ok: false,
      error: {
        code: 'UNSUPPORTED',
        message: expect.stringContaining('PDFs cannot be made on this computer'),
      },
    });
    expect(existsSync(join(dir, 'Workshop kit - Libraries and the Council Plan - leadership workshop'))).toBe(
      false,
    );
    expect(readdirSync(dir)).toEqual([]);
  });
});
