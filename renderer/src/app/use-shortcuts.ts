import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/ipc/contract';

/**
 * Keyboard shortcuts for the document commands. The Electron menu shows the same accelerators but leaves the
 * keys to this handler, so they work identically in the app and in the browser harness. Ctrl on Windows and
 * Linux, Cmd on macOS.
 */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): MenuCommand | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  if (key === 's') return e.shiftKey ? 'save-as' : 'save';
  if (key === 'o' && !e.shiftKey) return 'open';
  if (key === 'n' && !e.shiftKey) return 'new';
  if (key === 'w' && !e.shiftKey) return 'close';
  if (key === 'f' && !e.shiftKey) return 'find';
  return null;
}

export function useShortcuts(run: (command: MenuCommand) => void): void {
  useEffect(() => {
    const mac = /Mac/.test(navigator.platform);
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e, mac);
      if (!command) return;
      e.preventDefault();
      // While a modal question or panel is open, only its own controls act.
      if (document.querySelector('dialog[open]')) return;
      run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);
}

/**
 * F6 moves between the step navigation and the step itself, as it moves between panes in a browser: from deep in
 * a long step, one key back to the steps (the audit counted up to 81 Shift+Tabs), and one key back again to the
 * step's heading. Not while a modal dialog is open, which keeps focus to itself.
 */
export function useStepsKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F6' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      const nav = document.getElementById('steps');
      const inNav = nav?.contains(document.activeElement) ?? false;
      const target = inNav
        ? document.querySelector<HTMLElement>('main h1')
        : document.querySelector<HTMLElement>('#steps [aria-current="step"]');
      if (!target) return;
      e.preventDefault();
      if (target.tagName === 'H1') target.tabIndex = -1;
      target.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
