/**
 * The DevTools pipe's framing and its request/reply bookkeeping, over in-memory streams standing in for the
 * browser's file descriptors 3 and 4.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CdpConnection, frameMessage, NulFramer } from './cdp-pipe';

const nul = (...texts: string[]) => Buffer.from(texts.map((t) => `${t}\0`).join(''), 'utf8');

describe('NulFramer', () => {
  it('returns each NUL-ended message once it is complete, however the bytes are split', () => {
    const messages = ['{"id":1,"result":{}}', '{"method":"Page.loadEventFired","params":{"timestamp":1}}', '{"id":2,"result":{"text":"é ✓ 😀"}}'];
    const bytes = nul(...messages);
    for (const size of [1, 2, 3, 7, 20, bytes.length]) {
      const framer = new NulFramer();
      const got: string[] = [];
      for (let at = 0; at < bytes.length; at += size) got.push(...framer.push(bytes.subarray(at, at + size)));
      expect(got, `chunks of ${size} bytes`).toEqual(messages);
    }
  });

  it('keeps a message with no NUL yet, and gives several in one chunk in order', () => {
    const framer = new NulFramer();
    expect(framer.push(Buffer.from('{"id":1'))).toEqual([]);
    expect(framer.push(Buffer.from(',"result":{}}\0{"id":2,"result":{}}\0{"id":3'))).toEqual(['{"id":1,"result":{}}', '{"id":2,"result":{}}']);
    expect(framer.push(Buffer.from(',"result":{}}\0'))).toEqual(['{"id":3,"result":{}}']);
  });

  it('frames a message as JSON followed by one NUL', () => {
    const framed = frameMessage({ id: 7, method: 'Page.enable', params: { text: 'café' } });
    expect(framed.at(-1)).toBe(0);
    expect(framed.indexOf(0)).toBe(framed.length - 1);
    expect(JSON.parse(framed.subarray(0, -1).toString('utf8'))).toEqual({ id: 7, method: 'Page.enable', params: { text: 'café' } });
  });
});

describe('CdpConnection', () => {
  const pair = () => {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const sent: Array<{ id: number; method: string; params: unknown; sessionId?: string }> = [];
    const framer = new NulFramer();
    toBrowser.on('data', (chunk: Buffer) => sent.push(...framer.push(chunk).map((t) => JSON.parse(t) as (typeof sent)[number])));
    return { connection: new CdpConnection(toBrowser, fromBrowser), fromBrowser, sent };
  };
  const tick = () => new Promise((r) => setImmediate(r));

  it('matches replies to commands by id, whatever order they come in, and names the command that failed', async () => {
    const { connection, fromBrowser, sent } = pair();
    const first = connection.send('Target.createTarget', { url: 'about:blank' });
    const second = connection.send('Page.enable', {}, 'session-1');
    const third = connection.send('IO.read', { handle: 'x' }, 'session-1');
    await tick();
    expect(sent.map((m) => [m.method, m.sessionId])).toEqual([
      ['Target.createTarget', undefined],
      ['Page.enable', 'session-1'],
      ['IO.read', 'session-1'],
    ]);
    fromBrowser.write(nul(JSON.stringify({ id: sent[1]!.id, result: {}, sessionId: 'session-1' })));
    fromBrowser.write(nul(JSON.stringify({ id: sent[2]!.id, error: { code: -32000, message: 'Invalid stream handle' } })));
    fromBrowser.write(nul(JSON.stringify({ id: sent[0]!.id, result: { targetId: 'T1' } })));
    await expect(first).resolves.toEqual({ targetId: 'T1' });
    await expect(second).resolves.toEqual({});
    await expect(third).rejects.toThrow('IO.read: Invalid stream handle');
  });

  it('passes events to their listeners with the session they came from, until a listener is removed', async () => {
    const { connection, fromBrowser } = pair();
    const seen: Array<[unknown, string | undefined]> = [];
    const off = connection.on('Page.loadEventFired', (params, sessionId) => seen.push([params, sessionId]));
    fromBrowser.write(nul(JSON.stringify({ method: 'Page.loadEventFired', params: { timestamp: 1 }, sessionId: 'S' })));
    await tick();
    off();
    fromBrowser.write(nul(JSON.stringify({ method: 'Page.loadEventFired', params: { timestamp: 2 }, sessionId: 'S' })));
    await tick();
    expect(seen).toEqual([[{ timestamp: 1 }, 'S']]);
  });

  it('rejects what is waiting, and anything sent later, with the reason it closed', async () => {
    const { connection } = pair();
    const waiting = connection.send('Page.printToPDF');
    connection.close(new Error('The browser exited with code 1.'));
    await expect(waiting).rejects.toThrow('The browser exited with code 1.');
    await expect(connection.send('Page.enable')).rejects.toThrow('The browser exited with code 1.');
    await expect(connection.gone).rejects.toThrow('The browser exited with code 1.');
  });
});
