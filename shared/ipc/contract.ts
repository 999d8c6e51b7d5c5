/**
 * The IPC contract: every channel between the renderer and the main process, declared once with zod input and
 * output. The preload exposes exactly these keys under window.workbench; the main-side router validates input
 * against them; handlers are typed from them. Events flow the other way (main → renderer) and are declared
 * here too.
 */
import { z } from 'zod';
import { WorkbookSchema } from '../model/workbook-schema';
import { PreferencesSchema, RecentFileSchema } from '../settings/settings-schema';
import type { ChannelName, EventName } from './channel-names';
import {
  DocumentFormatSchema,
  DocumentModeSchema,
  DocumentPreviewSchema,
  DocumentProgressSchema,
  DocumentRequestSchema,
  PreviewRequestSchema,
  GenerateOutcomeSchema,
  JobIdSchema,
  TemplateListingSchema,
} from './documents-contract';
import {
  PresenterPlacementSchema,
  PresenterPagesSchema,
  PresenterStateSchema,
  PrintKitInputSchema,
  WorkshopFilesOutcomeSchema,
  WriteReportInputSchema,
} from './workshop-contract';

const pathText = z.string().min(1).max(4_096);
/** A file main opened or listed, named by an opaque handle: the page never hands main a path to read or write. */
const fileHandle = z.string().regex(/^fh_[0-9a-f]{16}$/, { error: 'Expected a file handle given by the app' });
const docId = z.string().min(1).max(64);

export const LockInfoSchema = z.object({
  user: z.string(),
  machine: z.string(),
  since: z.string(),
  /** True when the holder has not refreshed the lock for a long time, or its process is gone. */
  stale: z.boolean(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

export const OpenDocSchema = z.object({
  docId,
  path: z.string(),
  fileName: z.string(),
  /** Opened without the lock (someone else has it): saving goes to a new file. */
  readOnly: z.boolean(),
  /** Why it opened read-only when the officer did not ask for that (the lock beside it could not be written). */
  readOnlyReason: z.string().max(1000).optional(),
  /** The file-format version the file was written in, when it was upgraded on opening. */
  migratedFrom: z.number().int().nullable(),
});
export type OpenDoc = z.infer<typeof OpenDocSchema>;

const cancelled = z.object({ status: z.literal('cancelled') });

export const OpenOutcomeSchema = z.discriminatedUnion('status', [
  cancelled,
  z.object({ status: z.literal('opened'), doc: OpenDocSchema, workbook: WorkbookSchema }),
  z.object({ status: z.literal('locked'), path: z.string(), file: fileHandle, lock: LockInfoSchema }),
]);
export type OpenOutcome = z.infer<typeof OpenOutcomeSchema>;

export const SaveOutcomeSchema = z.discriminatedUnion('status', [
  cancelled,
  z.object({ status: z.literal('saved'), doc: OpenDocSchema }),
  /** The file was changed by someone or something else since it was opened or last saved. */
  z.object({ status: z.literal('changed-on-disk'), path: z.string() }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcomeSchema>;

export const RecoverySnapshotInfoSchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  docPath: z.string().nullable(),
  savedAt: z.string(),
  /** Why it cannot be restored (it can still be saved as a file for repair); null when it can. */
  problem: z.string().nullable(),
});
export type RecoverySnapshotInfo = z.infer<typeof RecoverySnapshotInfoSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  dataFolder: z.string(),
  recoveryFolder: z.string(),
  logsFolder: z.string(),
  settingsFile: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

const none = z.object({}).strict();
const empty = z.object({});

export interface ChannelSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

export const CONTRACT = {
  getAppInfo: { input: none, output: AppInfoSchema },

  /** Opens a workbook: one main listed or was given (by its handle), or one the user picks in a dialog. */
  openWorkbook: {
    input: z.strictObject({
      file: fileHandle.optional(),
      /** Take over a lock another user or a crashed session holds. */
      takeOverLock: z.boolean().optional(),
      /** Open without taking the lock (someone else is working on it). */
      readOnly: z.boolean().optional(),
    }),
    output: OpenOutcomeSchema,
  },
  /** Saves to the document's file; with no document (never saved) or a read-only one, asks where. */
  saveWorkbook: {
    input: z.object({
      docId: docId.nullable(),
      workbook: WorkbookSchema,
      /** Overwrite even though the file changed on disk since it was opened (the user said so). */
      overwriteChanged: z.boolean().optional(),
    }),
    output: SaveOutcomeSchema,
  },
  /** Always asks where to save, then saves there and makes that the document's file. */
  saveWorkbookAs: {
    input: z.object({ docId: docId.nullable(), workbook: WorkbookSchema }),
    output: SaveOutcomeSchema,
  },
  /** Releases the document's lock. */
  closeWorkbook: { input: z.object({ docId }), output: empty },

  writeRecoverySnapshot: {
    input: z.object({
      sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      docId: docId.nullable(),
      workbook: WorkbookSchema,
    }),
    output: z.object({ savedAt: z.string() }),
  },
  discardRecoverySnapshot: { input: z.object({ sessionId: z.string().max(64) }), output: empty },
  /** Snapshots left behind by a session that ended without saving or discarding (a crash). */
  listRecoverySnapshots: { input: none, output: z.object({ snapshots: z.array(RecoverySnapshotInfoSchema) }) },
  restoreRecoverySnapshot: {
    input: z.object({ sessionId: z.string().max(64) }),
    output: z.object({
      workbook: WorkbookSchema,
      /** The document it belonged to, reopened (with its lock) so Save goes back to the same file. */
      doc: OpenDocSchema.nullable(),
      originalPath: z.string().nullable(),
    }),
  },

  /** Asks where, then saves a recovered copy that cannot be restored as a file, for repair. */
  exportRecoverySnapshot: {
    input: z.object({ sessionId: z.string().max(64) }),
    output: z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('saved'), fileName: z.string() })]),
  },

  listRecentFiles: {
    input: none,
    output: z.object({ files: z.array(RecentFileSchema.extend({ file: fileHandle, exists: z.boolean() })) }),
  },
  removeRecentFile: { input: z.object({ file: fileHandle }), output: empty },
  clearRecentFiles: { input: none, output: empty },

  getPreferences: { input: none, output: PreferencesSchema },
  /** Template folders are not set here: they are added only through addTemplateFolder's folder dialog. */
  setPreferences: { input: PreferencesSchema.omit({ templateFolders: true }).partial().strict(), output: PreferencesSchema },

  /** Opens an https or mailto link in the user's browser or mail program, after validation. */
  openExternal: { input: z.object({ url: z.string().max(2_048) }), output: empty },
  showItemInFolder: { input: z.object({ path: pathText }), output: empty },
  openLogsFolder: { input: none, output: empty },

  /** Keeps the native window in step: title, unsaved marker, what to do on close. */
  setWindowState: {
    input: z.object({ title: z.string().max(600), dirty: z.boolean() }),
    output: empty,
  },
  /** The renderer has dealt with unsaved changes: the window may close now. */
  confirmClose: { input: none, output: empty },

  /** Built-in templates and those in the officer's template folders, with a problem listed for each broken one. */
  listTemplates: { input: none, output: TemplateListingSchema },
  /** Asks for a folder of templates (or one template) and adds it to the preferences. */
  addTemplateFolder: {
    input: none,
    output: z.discriminatedUnion('status', [cancelled, z.object({ status: z.literal('added'), listing: TemplateListingSchema })]),
  },
  removeTemplateFolder: { input: z.object({ folder: pathText }), output: TemplateListingSchema },
  /**
   * The print HTML of a draft (the very HTML the PDF is printed from, less its fonts, which documentFonts gives
   * once), with its warnings and open questions.
   */
  previewDocument: { input: PreviewRequestSchema, output: DocumentPreviewSchema },
  /** The @font-face rules documents are printed with, fonts inline: the same for every preview, so asked for once. */
  documentFonts: { input: none, output: z.object({ css: z.string() }) },
  /**
   * The Documents step has opened: start the PDF printer and load the export code now, so the first export does
   * not wait for them. Answers at once; a printer that cannot start is reported by the export that needs it.
   */
  prepareDocumentExport: { input: none, output: empty },
  /**
   * A final is checked first and refused (with what is missing) before anything is asked.
   * Asks where to save, then makes the document in the chosen formats without blocking the window. Progress
   * arrives as documentProgress events with this jobId; cancelDocumentJob stops it and nothing is written.
   */
  generateDocument: {
    input: DocumentRequestSchema.extend({
      jobId: JobIdSchema,
      formats: z.array(DocumentFormatSchema).min(1).max(2),
      mode: DocumentModeSchema.default('draft'),
      /** Attach the document's own scope of the workbook to the PDF; off unless the officer ticks it. */
      attachWorkbook: z.boolean().default(false),
    }),
    output: GenerateOutcomeSchema,
  },
  cancelDocumentJob: { input: z.object({ jobId: JobIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Opens a document this session generated in its program (Word, the PDF reader); nothing else can be opened. */
  openGeneratedDocument: { input: z.object({ path: pathText }), output: empty },

  /** Opens the presenter view for the projector: on the second display when there is one, full screen otherwise. */
  openPresenter: { input: none, output: z.object({ placement: PresenterPlacementSchema }) },
  closePresenter: { input: none, output: empty },
  /** What the room sees; main relays it to the presenter window (presenterState event) and keeps the latest. */
  showOnPresenter: { input: PresenterStateSchema, output: z.object({ presenterOpen: z.boolean() }) },
  /** The presenter window asks for the latest state when it opens. */
  getPresenterState: { input: none, output: z.object({ state: PresenterStateSchema.nullable() }) },
  /** The presenter window says how many pages the screen took at its size; main passes it to the console. */
  reportPresenterPages: { input: PresenterPagesSchema, output: empty },
  /** Asks for a folder, then prints the workshop kit into it as PDFs. */
  printWorkshopKit: { input: PrintKitInputSchema, output: WorkshopFilesOutcomeSchema },
  /** Asks where to save, then writes the workshop report in the chosen formats. */
  writeWorkshopReport: { input: WriteReportInputSchema, output: WorkshopFilesOutcomeSchema },
  /** Opens a kit or report file this session wrote; nothing else can be opened. */
  openWorkshopFile: { input: z.object({ path: pathText }), output: empty },
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof CONTRACT;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;

export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'close',
  'undo',
  'redo',
  'find',
  'about',
] as const;
export const MenuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const EVENTS = {
  /** A menu item was chosen; the renderer carries it out so it works the same from keys and menus. */
  menuCommand: z.object({ command: MenuCommandSchema }),
  /** Open this workbook: from the Open Recent menu, a second launch, or the operating system. */
  openFile: z.object({ file: fileHandle, path: z.string() }),
  /** The user asked to close the window while the renderer reported unsaved changes. */
  closeRequested: z.object({}),
  /** How far a generateDocument job has got. */
  documentProgress: DocumentProgressSchema,
  /** To the presenter window: what to show now. */
  presenterState: PresenterStateSchema,
  /** To the main window: the presenter window was closed (by Escape, or by the operating system). */
  presenterClosed: z.object({}),
  /** To the main window: how many pages the presenter made of the screen it shows (reportPresenterPages). */
  presenterPages: PresenterPagesSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof EVENTS;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
