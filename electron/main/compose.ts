/**
 * Builds the node-side services and the IPC router from their ports. The Electron composition root
 * (index.ts) and the browser test harness both call this, so they run the same code.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/ipc/contract';
import type { PdfPrinter } from '../../shared/documents';
import { createHandlers, type DialogPort, type EventSink, type ShellPort, type WindowPort } from './ipc/handlers';
import { NO_PRESENTER, type PresenterPort } from './ipc/workshop-handlers';
import { WorkshopService } from './services/workshop/workshop-service';
import { FileHandles } from './ipc/file-handles';
import { createRouter, type Logger, type Router } from './ipc/router';
import { DocumentSessions } from './services/document-sessions';
import { DocumentService } from './services/documents/document-service';
import { BUILT_IN_TEMPLATES_DIR } from './services/documents/template-folders';
import { currentUserName, LockFiles } from './services/lock-files';
import { RecoveryStore } from './services/recovery-store';
import { SettingsService, type KeyValueStore } from './services/settings-service';

export interface CompositionInput {
  readonly appName: string;
  readonly version: string;
  readonly dataFolder: string;
  readonly logsFolder: string;
  readonly store: KeyValueStore;
  readonly dialogs: DialogPort;
  readonly shell: ShellPort;
  readonly window: WindowPort;
  readonly log: Logger;
  readonly isTrustedSender: (url: string) => boolean;
  readonly onRecentFilesChanged?: () => void;
  /** The folder of built-in document templates (default: templates/ in the repository). */
  readonly builtInTemplatesDir?: string;
  /**
   * Starts the PDF printer: Electron printToPDF in the app, a system Chromium in tests and the command line.
   * Without one, Word export still works and a PDF export says that PDFs cannot be made here.
   */
  readonly startPdfPrinter?: () => Promise<PdfPrinter>;
  /** Delivers main → renderer events such as document progress. */
  readonly events?: EventSink;
  /** The projector window (Electron: a second BrowserWindow; the harness: a second page). */
  readonly presenter?: PresenterPort;
  /** Identifies this run of the app; a new one per start. */
  readonly instanceId?: string;
  readonly user?: string;
  readonly machine?: string;
}

export interface Composition {
  readonly router: Router;
  readonly documents: DocumentSessions;
  readonly settings: SettingsService;
  readonly recovery: RecoveryStore;
  readonly documentService: DocumentService;
  readonly workshop: WorkshopService;
  readonly appInfo: AppInfo;
  readonly fileHandles: FileHandles;
}

export function compose(input: CompositionInput): Composition {
  const instanceId = input.instanceId ?? randomBytes(8).toString('hex');
  const recoveryFolder = join(input.dataFolder, 'recovery');
  const settings = new SettingsService(input.store);
  const locks = new LockFiles({
    user: input.user ?? currentUserName(),
    machine: input.machine ?? hostname(),
    pid: process.pid,
    owner: instanceId,
  });
  const documents = new DocumentSessions(locks);
  const recovery = new RecoveryStore(recoveryFolder, instanceId);
  const startPrinter = input.startPdfPrinter ?? (() => Promise.reject(new Error('no PDF printer is available')));
  const documentService = new DocumentService({
    builtInDir: input.builtInTemplatesDir ?? BUILT_IN_TEMPLATES_DIR,
    userFolders: () => settings.preferences().templateFolders,
    startPrinter,
  });
  // Its own printer, started on the first kit or report, so a long kit never waits behind a business case.
  const workshop = new WorkshopService({ startPrinter });
  const appInfo: AppInfo = {
    name: input.appName,
    version: input.version,
    platform: process.platform,
    dataFolder: input.dataFolder,
    recoveryFolder,
    logsFolder: input.logsFolder,
    settingsFile: settings.path,
  };
  const fileHandles = new FileHandles();
  const handlers = createHandlers({
    fileHandles,
    appInfo,
    documents,
    recovery,
    settings,
    dialogs: input.dialogs,
    shell: input.shell,
    window: input.window,
    documentService,
    events: input.events ?? { send: () => undefined },
    presenter: input.presenter ?? NO_PRESENTER,
    workshop,
    ...(input.onRecentFilesChanged ? { onRecentFilesChanged: input.onRecentFilesChanged } : {}),
  });
  const router = createRouter(handlers, { isTrustedSender: input.isTrustedSender, log: input.log });
  return { router, documents, settings, recovery, documentService, workshop, appInfo, fileHandles };
}
