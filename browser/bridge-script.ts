/**
 * The page side of window.workbench outside Electron: the preload's bridge (shared/ipc/bridge.ts) bundled for
 * the page, over a Playwright binding (__workbenchInvoke) instead of ipcRenderer, and an emitter the node side
 * calls for main → renderer events. Used by the browser mode and the e2e harness alike.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
let bundle: string | null = null;

export function bridgeScript(): string {
  if (bundle) return bundle;
  const result = buildSync({
    stdin: {
      contents: `
        import { buildBridge } from './shared/ipc/bridge';
        const listeners = new Map();
        window.__workbenchEmit = (event, payload) => (listeners.get(event) || []).slice().forEach((l) => l(payload));
        const api = buildBridge({
          invoke: (channel, input) => window.__workbenchInvoke(channel, input),
          subscribe: (event, listener) => {
            const list = listeners.get(event) || [];
            list.push(listener);
            listeners.set(event, list);
            return () => listeners.set(event, (listeners.get(event) || []).filter((l) => l !== listener));
          },
        });
        Object.defineProperty(window, 'workbench', { value: api, writable: false, configurable: false });
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
  });
  bundle = result.outputFiles[0]!.text;
  return bundle;
}
