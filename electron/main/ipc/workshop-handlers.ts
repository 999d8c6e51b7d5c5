/**
 * The workshop channels: the presenter window and the printed kit and report. Plain functions over injected
 * ports, like the other handlers, so the browser harness runs them with a second page for the presenter.
 */
import { destinationStem } from '../services/documents/document-service';
import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { PresenterPlacement } from '../../../shared/ipc/workshop-contract';
import type { PresenterPages, PresenterState } from '../../../shared/workshop/presenter-state';
import { fail, ok } from '../../../shared/result';
import { kitFolderName } from '../services/workshop/workshop-documents';
import type { WorkshopService } from '../services/workshop/workshop-service';
import type { Handler } from './router';

/** The projector window: opened on request, shown pushed state, closed by the console or by the room's Escape. */
export interface PresenterPort {
  /** Opens it (or brings it forward) and says where it went. */
  open(): Promise<PresenterPlacement>;
  close(): void;
  isOpen(): boolean;
  /** Delivers what to show (the presenterState event) to the presenter window, if open. */
  show(state: PresenterState): void;
}

/** For a composition without a second window (the command line, some tests). */
export const NO_PRESENTER: PresenterPort = {
  open: () => Promise.reject(new Error('A presenter window cannot be opened here.')),
  close: () => undefined,
  isOpen: () => false,
  show: () => undefined,
};

export interface WorkshopPorts {
  readonly presenter: PresenterPort;
  /** Passes the presenter's page count to the console window (the presenterPages event). */
  readonly tellConsolePages: (pages: PresenterPages) => void;
  readonly workshop: WorkshopService;
  /** Asks for a folder to write into; null when cancelled. */
  readonly chooseOutputFolder: (title: string) => Promise<string | null>;
  /** Asks where to save a document; null when cancelled. */
  readonly chooseDocumentDestination: (
    suggestedFileName: string,
    formats: ReadonlyArray<'docx' | 'pdf'>,
  ) => Promise<string | null>;
  readonly openFile: (path: string) => Promise<void>;
}

type WorkshopChannel =
  | 'openPresenter'
  | 'closePresenter'
  | 'showOnPresenter'
  | 'getPresenterState'
  | 'reportPresenterPages'
  | 'printWorkshopKit'
  | 'writeWorkshopReport'
  | 'openWorkshopFile';

export function createWorkshopHandlers(p: WorkshopPorts): { [K in WorkshopChannel]: Handler<K> } {
  let latest: PresenterState | null = null;
  return {
    openPresenter: async () => {
      try {
        const placement = await p.presenter.open();
        if (latest) p.presenter.show(latest);
        return ok({ placement });
      } catch (e) {
        return fail(
          'UNSUPPORTED',
          `The presenter view could not be opened: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },
    closePresenter: async () => {
      p.presenter.close();
      return ok({});
    },
    showOnPresenter: async (state) => {
      latest = state;
      p.presenter.show(state);
      return ok({ presenterOpen: p.presenter.isOpen() });
    },
    getPresenterState: async () => ok({ state: latest }),
    reportPresenterPages: async (pages) => {
      p.tellConsolePages(pages);
      return ok({});
    },

    printWorkshopKit: async ({ workbook, workshopId, largePrint, votingSheetsFor, wallPoster }) => {
      const w = workbook.workshops.find((x) => x.id === workshopId);
      if (!w) return fail('NOT_FOUND', 'That workshop is no longer in the workbook.');
      if (p.workshop.busy)
        return fail(
          'FORBIDDEN',
          'The kit or report is still being made. Wait for it to finish and try again.',
        );
      const parent = await p.chooseOutputFolder(
        votingSheetsFor ? 'Choose a folder for the voting sheets' : 'Choose a folder for the workshop kit',
      );
      if (parent === null) return ok({ status: 'cancelled' });
      const made = await p.workshop.printKit(
        workbook,
        workshopId,
        join(parent, kitFolderName(w)),
        largePrint,
        votingSheetsFor,
        wallPoster ?? null,
      );
      return made.ok ? ok({ status: 'written', ...made.value }) : made;
    },
    writeWorkshopReport: async ({ workbook, workshopId, formats, includeNames }) => {
      const stem = p.workshop.suggestedReportName(workbook, workshopId);
      if (!stem) return fail('NOT_FOUND', 'That workshop is no longer in the workbook.');
      if (p.workshop.busy)
        return fail(
          'FORBIDDEN',
          'The kit or report is still being made. Wait for it to finish and try again.',
        );
      const unique = [...new Set(formats)];
      const destination = await p.chooseDocumentDestination(`${stem}.${unique[0]}`, unique);
      if (destination === null) return ok({ status: 'cancelled' });
      const made = await p.workshop.writeReport(
        workbook,
        workshopId,
        destinationStem(destination),
        unique,
        includeNames,
      );
      return made.ok ? ok({ status: 'written', ...made.value }) : made;
    },
    openWorkshopFile: async ({ path }) => {
      if (!p.workshop.wasWritten(path))
        return fail('FORBIDDEN', 'Only the kit and reports made in this session can be opened from here.');
      try {
        await access(path);
      } catch {
        return fail(
          'NOT_FOUND',
          `“${basename(path)}” could not be found. It may have been moved or deleted.`,
        );
      }
      await p.openFile(path);
      return ok({});
    },
  };
}
