/**
 * Channel and event names alone, without their schemas, so the preload (which must stay small and load in a
 * sandbox) can expose the contract without bundling zod. contract.ts is checked against these lists by type.
 */
export const CHANNEL_NAMES = [
  'getAppInfo',
  'openWorkbook',
  'saveWorkbook',
  'saveWorkbookAs',
  'closeWorkbook',
  'writeRecoverySnapshot',
  'discardRecoverySnapshot',
  'listRecoverySnapshots',
  'restoreRecoverySnapshot',
  'exportRecoverySnapshot',
  'listRecentFiles',
  'removeRecentFile',
  'clearRecentFiles',
  'getPreferences',
  'setPreferences',
  'openExternal',
  'showItemInFolder',
  'openLogsFolder',
  'setWindowState',
  'confirmClose',
  'listTemplates',
  'addTemplateFolder',
  'removeTemplateFolder',
  'previewDocument',
  'documentFonts',
  'prepareDocumentExport',
  'generateDocument',
  'cancelDocumentJob',
  'openGeneratedDocument',
  'openPresenter',
  'closePresenter',
  'showOnPresenter',
  'getPresenterState',
  'reportPresenterPages',
  'printWorkshopKit',
  'writeWorkshopReport',
  'openWorkshopFile',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['menuCommand', 'openFile', 'closeRequested', 'documentProgress', 'presenterState', 'presenterClosed', 'presenterPages'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The Electron IPC channel that carries a contract channel or event. */
export const ipcChannel = (name: ChannelName | EventName): string => `workbench:${name}`;
