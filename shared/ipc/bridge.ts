/**
 * The shape of window.workbench, derived from the contract, and the one function that builds it from a
 * transport. The preload passes ipcRenderer; the browser test harness passes a Playwright binding; both get
 * exactly the same object.
 */
import type { Result } from '../result';
import { CHANNEL_NAMES, EVENT_NAMES, type ChannelName, type EventName } from './channel-names';
import type { ChannelInput, ChannelOutput, EventPayload } from './contract';

export type WorkbenchApi = {
  readonly [K in ChannelName]: (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
} & {
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

export interface BridgeTransport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export function buildBridge(transport: BridgeTransport): WorkbenchApi {
  const api: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    api[name] = (input: unknown) => transport.invoke(name, input ?? {});
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event "${event}"`);
    return transport.subscribe(event, listener);
  };
  return Object.freeze(api) as WorkbenchApi;
}
