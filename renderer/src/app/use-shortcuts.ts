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
