/**
 * The preload: exposes exactly the IPC contract as window.workbench, and nothing else. It runs sandboxed, so it
 * is bundled to one CommonJS file with no imports but electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from '../../shared/ipc/bridge';
import { ipcChannel } from '../../shared/ipc/channel-names';

const api = buildBridge({
  invoke: (channel, input) => ipcRenderer.invoke(ipcChannel(channel), input),
  subscribe: (event, listener) => {
    const handler = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcChannel(event), handler);
    return () => {
      ipcRenderer.removeListener(ipcChannel(event), handler);
    };
  },
});

contextBridge.exposeInMainWorld('workbench', api);
