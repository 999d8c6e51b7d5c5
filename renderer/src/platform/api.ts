/**
 * The one place the renderer touches window.workbench (installed by the preload in the app, and by the test
 * harness in the browser). Everything else calls these typed functions.
 */
import type { WorkbenchApi } from '../../../shared/ipc/bridge';
import type { ChannelName } from '../../../shared/ipc/channel-names';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { AppError, Result } from '../../../shared/result';

declare global {
  interface Window {
    readonly workbench?: WorkbenchApi;
  }
}

export function workbench(): WorkbenchApi {
  const api = window.workbench;
  if (!api) throw new Error('The app bridge (window.workbench) is missing: the preload did not run.');
  return api;
}

/** Calls a channel; a transport failure becomes an AppError like any other, so callers handle one shape. */
export async function call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>> {
  try {
    const fn = workbench()[channel] as (i: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
    return await fn(input);
  } catch (e) {
    const error: AppError = {
      code: 'INTERNAL',
      message: `The app could not complete the request (${e instanceof Error ? e.message : String(e)}). Your work has not been lost.`,
    };
    return { ok: false, error };
  }
}

export const onEvent: WorkbenchApi['on'] = (event, listener) => workbench().on(event, listener);
