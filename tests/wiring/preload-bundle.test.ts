/**
 * The BUILT preload (out/preload/index.cjs), run the way a sandboxed renderer runs it: one CommonJS file in a
 * bare context whose require() knows only `electron`. It must expose exactly the contract as
 * window.workbench, map each call onto the right IPC channel, and hand listeners the payload alone.
 */
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../shared/ipc/channel-names';
import { ensureBuilt, PRELOAD_BUNDLE } from './built-bundles';

type Listener = (event: unknown, payload: unknown) => void;

interface Loaded {
  exposed: { key: string; api: Record<string, (...args: unknown[]) => unknown> }[];
  invoked: { channel: string; args: unknown[] }[];
  listeners: Map<string, Listener[]>;
  removed: string[];
  required: string[];
}

/** Runs the preload in a fresh context with a stand-in electron (contextBridge and ipcRenderer) that records. */
function loadPreload(): Loaded {
  const loaded: Loaded = { exposed: [], invoked: [], listeners: new Map(), removed: [], required: [] };
  const electron = {
    contextBridge: {
      exposeInMainWorld(key: string, api: Record<string, (...args: unknown[]) => unknown>) {
        loaded.exposed.push({ key, api });
      },
    },
    ipcRenderer: {
      invoke(channel: string, ...args: unknown[]) {
        loaded.invoked.push({ channel, args });
        return Promise.resolve({ ok: true, value: { echoed: channel } });
      },
      on(channel: string, listener: Listener) {
        loaded.listeners.set(channel, [...(loaded.listeners.get(channel) ?? []), listener]);
      },
      removeListener(channel: string, listener: Listener) {
        loaded.removed.push(channel);
        loaded.listeners.set(
          channel,
          (loaded.listeners.get(channel) ?? []).filter((l) => l !== listener),
        );
      },
      send() {
        throw new Error('the preload must not use ipcRenderer.send');
      },
      sendSync() {
        throw new Error('the preload must not use ipcRenderer.sendSync');
      },
    },
  };
  const sandboxRequire = (name: string) => {
    loaded.required.push(name);
    if (name === 'electron') return electron;
    // A sandboxed preload can require only a few modules; anything else means the bundle is not self-contained.
    throw new Error(`The sandboxed preload tried to require "${name}"`);
  };
  const module = { exports: {} };
  const context = createContext({ require: sandboxRequire, module, exports: module.exports });
  runInContext(readFileSync(PRELOAD_BUNDLE, 'utf8'), context, { filename: PRELOAD_BUNDLE });
  return loaded;
}

let loaded: Loaded;
beforeAll(() => {
  ensureBuilt();
  loaded = loadPreload();
}, 240_000);

describe('the built preload', () => {
  it('is one self-contained CommonJS file that requires nothing but electron', () => {
    const source = readFileSync(PRELOAD_BUNDLE, 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(loaded.required).toEqual(['electron']);
  });

  it('exposes exactly one global, window.workbench, with the contract’s channels and "on"', () => {
    expect(loaded.exposed.map((e) => e.key)).toEqual(['workbench']);
    const api = loaded.exposed[0]!.api;
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it.each(CHANNEL_NAMES)(
    'maps %s onto ipcRenderer.invoke("workbench:%s") with the input unchanged',
    async (name) => {
      const api = loaded.exposed[0]!.api;
      const before = loaded.invoked.length;
      const input = { marker: name };
      const result = await api[name]!(input);
      expect(loaded.invoked.slice(before)).toEqual([{ channel: `workbench:${name}`, args: [input] }]);
      expect(result).toEqual({ ok: true, value: { echoed: `workbench:${name}` } });
    },
  );

  it('sends an empty object when a channel is called without input', async () => {
    const before = loaded.invoked.length;
    await loaded.exposed[0]!.api.getAppInfo!();
    expect(loaded.invoked.slice(before)).toEqual([{ channel: 'workbench:getAppInfo', args: [{}] }]);
  });

  it.each(EVENT_NAMES)(
    'subscribes to %s, passes the payload alone (never the IPC event), and unsubscribes',
    (event) => {
      const api = loaded.exposed[0]!.api;
      const received: unknown[][] = [];
      const unsubscribe = api.on!(event, (...args: unknown[]) => received.push(args)) as () => void;
      const listeners = loaded.listeners.get(`workbench:${event}`) ?? [];
      expect(listeners).toHaveLength(1);
      const ipcEvent = { sender: { send() {} }, ports: [] };
      listeners[0]!(ipcEvent, { path: 'x' });
      expect(received).toEqual([[{ path: 'x' }]]);
      unsubscribe();
      expect(loaded.listeners.get(`workbench:${event}`)).toEqual([]);
      expect(loaded.removed).toContain(`workbench:${event}`);
    },
  );

  it('refuses to subscribe to an event outside the contract', () => {
    const api = loaded.exposed[0]!.api;
    expect(() => api.on!('electron-store-get-data', () => undefined)).toThrow(/Unknown event/);
    expect(loaded.listeners.has('workbench:electron-store-get-data')).toBe(false);
    expect(loaded.listeners.has('electron-store-get-data')).toBe(false);
  });
});
