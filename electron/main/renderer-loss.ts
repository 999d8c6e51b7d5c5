/**
 * What happens when the window's page dies (its renderer process crashed or was killed) or stops responding.
 * The unsaved work is in the recovery snapshot the page wrote a few seconds before; the officer is offered a
 * reload, which lists that snapshot for restoring, or closing. The close guard for unsaved changes is lifted
 * first: the page that would have asked about them is gone, and without this the window could not be closed.
 * Electron-free, so it is tested with plain stand-ins; index.ts connects it to the window.
 */
export interface RendererLossPorts {
  log(message: string): void;
  /** Shows a message with buttons; resolves to the index of the button chosen. */
  ask(message: { title: string; message: string; detail: string; buttons: readonly string[] }): Promise<number>;
  /** Snapshots written so far become recoverable, as after a crash of the whole app. */
  keepRecoverySnapshots(): void;
  /** The window may close without asking about unsaved changes. */
  forgetUnsavedChanges(): void;
  reload(): void;
  /** Ends a page that hangs, so it can be reloaded. */
  endHungPage(): void;
  close(): void;
}

const DETAIL =
  'Your unsaved changes were kept in the recovery copy the app makes every few seconds. Reload the window and choose the recovered workbook on the Start screen to carry on, or close the app: the recovered copy is offered the next time it starts.';

export function createRendererLossHandlers(ports: RendererLossPorts) {
  let handling = false;
  /** A hung page the officer chose to end: its 'gone' is expected and raises no second message. */
  let endedOnPurpose = false;
  const recover = async (why: string, waitable: boolean) => {
    if (handling) return;
    handling = true;
    try {
      const buttons = waitable ? ['Wait', 'Reload and recover', 'Close the app'] : ['Reload and recover', 'Close the app'];
      const choice = await ports.ask({
        title: 'Alignment Workbench',
        message: why,
        detail: DETAIL,
        buttons,
      });
      const chosen = buttons[choice];
      if (chosen === 'Wait') return;
      ports.keepRecoverySnapshots();
      ports.forgetUnsavedChanges();
      if (chosen === 'Reload and recover') {
        if (waitable) {
          endedOnPurpose = true;
          ports.endHungPage();
        }
        ports.reload();
      } else ports.close();
    } finally {
      handling = false;
    }
  };
  return {
    /** webContents 'render-process-gone'. A clean exit is the window closing, not a loss. */
    gone(details: { reason: string; exitCode: number }): Promise<void> {
      ports.log(`The window's page ended (${details.reason}, exit code ${details.exitCode}).`);
      if (details.reason === 'clean-exit') return Promise.resolve();
      if (endedOnPurpose) {
        endedOnPurpose = false;
        return Promise.resolve();
      }
      // The snapshot must outlive this run even if the officer quits from the message rather than answering it.
      ports.keepRecoverySnapshots();
      ports.forgetUnsavedChanges();
      return recover('The window stopped working.', false);
    },
    /** BrowserWindow 'unresponsive'. */
    unresponsive(): Promise<void> {
      ports.log('The window stopped responding.');
      return recover('The window is not responding.', true);
    },
  };
}
