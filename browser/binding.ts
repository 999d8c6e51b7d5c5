/**
 * The page's one door to the node side in the browser mode: the __workbenchInvoke binding, which hands a call to
 * the same IPC router Electron's ipcMain uses. Before the router's own checks (the sender's URL, then the input
 * against the contract) it refuses calls that do not come from the main frame of a window the app opened itself,
 * so an iframe or a window a page opened on its own cannot speak for the app.
 */
import type { Frame, Page } from 'playwright-core';
import type { Router } from '../electron/main/ipc/router';
import { fail, type Result } from '../shared/result';

export interface BindingSource {
  readonly page: Page;
  readonly frame: Frame;
}

/** Called with the URL Electron would report as the sender: empty for a caller the app does not own. */
export function senderUrlOf(source: BindingSource, isAppWindow: (page: Page) => boolean): string {
  if (!isAppWindow(source.page)) return '';
  if (source.frame !== source.page.mainFrame()) return '';
  return source.frame.url();
}

export function invokeBinding(router: Router, isAppWindow: (page: Page) => boolean) {
  return async (source: BindingSource, channel: unknown, input: unknown): Promise<Result<unknown>> =>
    typeof channel === 'string'
      ? router.handle(channel, input, { senderUrl: senderUrlOf(source, isAppWindow) })
      : fail('UNKNOWN_CHANNEL', 'A request without a name was refused.');
}
