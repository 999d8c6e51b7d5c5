/**
 * The main-side IPC router: checks the sender, validates input against the contract, runs the handler and
 * returns a Result. Knows nothing of Electron, so tests and the browser harness use the very same router.
 */
import { CHANNEL_NAMES, type ChannelName } from '../../../shared/ipc/channel-names';
import { CONTRACT, type ChannelOutput, type ChannelParsedInput } from '../../../shared/ipc/contract';
import { fail, type Result } from '../../../shared/result';
import { formatPath } from '../../../shared/model/integrity';

export interface CallContext {
  /** URL of the frame that sent the call. */
  readonly senderUrl: string;
}

export type Handler<K extends ChannelName> = (
  input: ChannelParsedInput<K>,
  ctx: CallContext,
) => Promise<Result<ChannelOutput<K>>>;

export type Handlers = { readonly [K in ChannelName]: Handler<K> };

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface Router {
  readonly channels: readonly ChannelName[];
  handle(channel: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

const isChannel = (name: string): name is ChannelName => (CHANNEL_NAMES as readonly string[]).includes(name);

export function createRouter(
  handlers: Handlers,
  options: { isTrustedSender: (url: string) => boolean; log: Logger },
): Router {
  return {
    channels: CHANNEL_NAMES,
    async handle(channel, input, ctx) {
      if (!options.isTrustedSender(ctx.senderUrl)) {
        options.log.error(`Refused IPC "${channel}" from untrusted sender ${ctx.senderUrl}`);
        return fail('FORBIDDEN', 'This request did not come from the app window and was refused.');
      }
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `The app does not know the request “${channel}”.`);
      const spec = CONTRACT[channel];
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: formatPath(i.path.filter((p): p is string | number => typeof p !== 'symbol')),
          message: i.message,
        }));
        return fail('INVALID_INPUT', `The request “${channel}” was refused because its data is not valid: ${issues[0]?.path}: ${issues[0]?.message}.`, issues);
      }
      try {
        const handler = handlers[channel] as Handler<typeof channel>;
        return await handler(parsed.data as never, ctx);
      } catch (e) {
        options.log.error(`IPC "${channel}" failed`, e);
        return fail('INTERNAL', 'Something unexpected went wrong. Your work is safe; the details were written to the log file (Help › Open logs folder).');
      }
    },
  };
}
