import { describe, expect, it } from 'vitest';
import { lineColumnAt, MAX_JSON_DEPTH, parseGuardedJson } from './json-guard';

describe('parseGuardedJson', () => {
  it('parses ordinary JSON, with or without a byte order mark', () => {
    expect(parseGuardedJson('{"a": [1, 2, {"b": null}]}')).toEqual({ ok: true, value: { a: [1, 2, { b: null }] } });
    expect(parseGuardedJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('says where a syntax error is, in lines and columns', () => {
    expect(parseGuardedJson('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      ok: false,
      error: { kind: 'syntax', line: 3, column: 3, detail: 'a comma is missing' },
    });
    expect(parseGuardedJson('{"a": 1,}')).toMatchObject({ ok: false, error: { kind: 'syntax', line: 1, column: 9 } });
    expect(parseGuardedJson('{"title": "unfinished\n}')).toMatchObject({
      ok: false,
      error: { kind: 'syntax', line: 1, column: 11, detail: 'a piece of text is not closed with a quotation mark' },
    });
    expect(parseGuardedJson('{"a": 1} // note')).toMatchObject({ ok: false, error: { kind: 'syntax', detail: 'a comment, which JSON does not allow' } });
    expect(parseGuardedJson('{"a": 1} {"b": 2}')).toMatchObject({
      ok: false,
      error: { kind: 'syntax', line: 1, column: 10, detail: 'there is text after the end of the data' },
    });
  });

  it('counts lines the same with Windows line endings', () => {
    expect(parseGuardedJson('{\r\n  "a": tru\r\n}')).toMatchObject({ ok: false, error: { kind: 'syntax', line: 2, column: 8 } });
  });

  it('refuses nesting deeper than the limit before parsing, and says where', () => {
    const ok = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseGuardedJson(ok).ok).toBe(true);
    const deep = `{"a":\n${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(parseGuardedJson(deep)).toEqual({ ok: false, error: { kind: 'too-deep', line: 2, column: 64, depth: MAX_JSON_DEPTH } });
  });

  it('survives a million levels of nesting without overflowing the stack', () => {
    const hostile = `${'{"a":'.repeat(1_000_000)}1${'}'.repeat(1_000_000)}`;
    const result = parseGuardedJson(hostile);
    expect(result).toMatchObject({ ok: false, error: { kind: 'too-deep', line: 1 } });
  });

  it('ignores brackets inside strings, including after escaped quotes', () => {
    const text = JSON.stringify({ note: `${'['.repeat(500)} \\" ${'{'.repeat(500)}` });
    expect(parseGuardedJson(text).ok).toBe(true);
  });

  it('refuses prototype-bearing keys anywhere, with their path', () => {
    expect(parseGuardedJson('{"workbook": {"services": [{"__proto__": {"x": 1}}]}}')).toEqual({
      ok: false,
      error: { kind: 'forbidden-key', key: '__proto__', path: ['workbook', 'services', 0, '__proto__'] },
    });
    expect(parseGuardedJson('{"a": {"constructor": {"prototype": {}}}}')).toMatchObject({
      ok: false,
      error: { kind: 'forbidden-key', key: 'constructor', path: ['a', 'constructor'] },
    });
    // The refused object never reaches a prototype: nothing is polluted.
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('allows those words as values', () => {
    expect(parseGuardedJson('{"note": "__proto__ constructor prototype"}').ok).toBe(true);
  });

  it('handles a 50 MB string quickly', () => {
    const text = JSON.stringify({ title: 'x'.repeat(50 * 1024 * 1024) });
    const started = Date.now();
    const result = parseGuardedJson(text);
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('lineColumnAt', () => {
  it('counts from one', () => {
    expect(lineColumnAt('abc\ndef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('abc\ndef', 5)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('abc', 99)).toEqual({ line: 1, column: 4 });
  });
});
