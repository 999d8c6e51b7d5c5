/**
 * The Chrome DevTools Protocol over a pipe: a browser started with --remote-debugging-pipe reads commands from its
 * file descriptor 3 and writes replies and events to 4, each message one JSON text ended by a NUL byte. This is
 * the little of it the PDF printer needs (commands, replies, events, flattened sessions), so printing does not
 * load a browser-automation library (playwright-core took a third of a second to load before the browser started).
 */
import type { Readable, Writable } from 'node:stream';

/** Splits a byte stream into NUL-ended messages; a message may arrive in many chunks, or many in one chunk. */
export class NulFramer {
  private pending: Buffer[] = [];

  /** The complete messages this chunk ends, in order; a partial last message is kept for the next chunk. */
  push(chunk: Buffer): string[] {
    const out: string[] = [];
    let from = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, from)) {
      this.pending.push(chunk.subarray(from, end));
      out.push(Buffer.concat(this.pending).toString('utf8'));
      this.pending = [];
      from = end + 1;
    }
    if (from < chunk.length) this.pending.push(chunk.subarray(from));
    return out;
  }
}

/** One message as written to the browser: JSON, then the NUL that ends it. */
export function frameMessage(message: object): Buffer {
  return Buffer.concat([Buffer.from(JSON.stringify(message), 'utf8'), Buffer.alloc(1)]);
}

type Params = Record<string, unknown>;
type Listener = (params: Params, sessionId: string | undefined) => void;

interface Reply {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Params;
  readonly result?: Params;
  readonly error?: { readonly message?: string };
  readonly sessionId?: string;
}

/** A connection to one browser: send() resolves with a command's result or rejects with the browser's error. */
export class CdpConnection {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: Params) => void; reject: (e: Error) => void; method: string }>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private closedWith: Error | null = null;
  private markGone: (reason: Error) => void = () => undefined;
  /** Rejects when the connection closes: for waiting on an event that a browser which has gone will never send. */
  readonly gone: Promise<never> = new Promise<never>((_, reject) => (this.markGone = reject));

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    this.gone.catch(() => undefined);
    const framer = new NulFramer();
    fromBrowser.on('data', (chunk: Buffer) => {
      for (const text of framer.push(chunk)) this.receive(text);
    });
    // Writing to a browser that has gone fails asynchronously; the exit is reported through close().
    toBrowser.on('error', () => undefined);
    fromBrowser.on('error', () => undefined);
  }

  private receive(text: string): void {
    let message: Reply;
    try {
      message = JSON.parse(text) as Reply;
    } catch {
      return; // not a protocol message; the browser never sends one, and nothing waits on it
    }
    if (typeof message.id === 'number') {
      const waiter = this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id);
      if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message ?? 'failed'}`));
      else waiter.resolve(message.result ?? {});
      return;
    }
    if (message.method) for (const l of this.listeners.get(message.method) ?? []) l(message.params ?? {}, message.sessionId);
  }

  send(method: string, params: Params = {}, sessionId?: string): Promise<Params> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, method });
      this.toBrowser.write(frameMessage({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** Calls `listener` for each `method` event until the returned function is called. */
  on(method: string, listener: Listener): () => void {
    const set = this.listeners.get(method) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  /** Everything waiting, and everything sent from now on, rejects with `reason` (the browser has gone). */
  close(reason: Error): void {
    if (this.closedWith) return;
    this.closedWith = reason;
    this.markGone(reason);
    for (const w of this.waiting.values()) w.reject(reason);
    this.waiting.clear();
  }

  get closed(): Error | null {
    return this.closedWith;
  }
}
