import { describe, expect, it } from 'vitest';
import { artifactUntagged, OpKind, splitOperations } from './content-stream';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const str = (b: Uint8Array) => String.fromCharCode(...b);
const run = (src: string, tagged: (name: string) => boolean = () => false, demote: number[] = []) => {
  const r = artifactUntagged(bytes(src), tagged, new Set(demote));
  return r && { text: str(r.bytes), wrapped: r.wrapped };
};
const A = '/Artifact BMC\n';
const E = '\nEMC\n';

describe('splitOperations', () => {
  it('reads operands of every kind without mistaking their contents for operators', () => {
    const ops = splitOperations(bytes('/P <</MCID 3 /Alt (a Tj)>> BDC\n[(x) -20 <0041> ] TJ % f comment\n(un\\) (bal) anced) Tj EMC'))!;
    expect([...ops.kind.subarray(0, ops.count)]).toEqual([OpKind.BeginMarked, OpKind.ShowText, OpKind.ShowText, OpKind.EndMarked]);
    const src = '1 0 0 -1 75.5 74 Tm true null false d0';
    const tm = splitOperations(bytes(src))!;
    expect(tm.count).toBe(2);
    expect(src.slice(tm.start[0], tm.end[0])).toBe('1 0 0 -1 75.5 74 Tm');
    expect(src.slice(tm.start[1], tm.end[1])).toBe('true null false d0');
  });

  it('refuses what it cannot read safely: inline images, unclosed strings and trailing operands', () => {
    expect(splitOperations(bytes('q BI /W 1 /H 1 ID \u0000\u00ff EI Q'))).toBeNull();
    expect(splitOperations(bytes('BT (never closed Tj ET'))).toBeNull();
    expect(splitOperations(bytes('0 0 10 10 re f 1 0 0'))).toBeNull();
    expect(splitOperations(bytes('<0041 Tj'))).toBeNull();
    expect(splitOperations(bytes('0 0 m ) S'))).toBeNull();
  });

  it('copes with an operator word longer than a function call can take as arguments', () => {
    const long = 'x'.repeat(300_000);
    const ops = splitOperations(bytes(`0 0 1 1 re f ${long}`))!;
    expect([...ops.kind.subarray(0, ops.count)]).toEqual([OpKind.PathStart, OpKind.Paint, OpKind.Other]);
    expect(ops.end[2]! - ops.start[2]!).toBe(300_000);
  });
});

describe('artifactUntagged', () => {
  it('wraps an untagged path from its first construction operator to its painting operator', () => {
    expect(run('q 1 1 1 rg 0 0 643 949 re f Q')).toEqual({ text: `q 1 1 1 rg ${A}0 0 643 949 re f${E} Q`, wrapped: 1 });
    expect(run('10 10 m 20 20 l S')).toEqual({ text: `${A}10 10 m 20 20 l S${E}`, wrapped: 1 });
  });

  it('leaves marked content, clipping paths and graphics state exactly as they were', () => {
    const src = '/TD <</MCID 4>> BDC 0 0 5 5 re f BT /F1 9 Tf <0041> Tj ET EMC q 0 0 100 100 re W n 1 0 0 1 5 5 cm Q';
    expect(run(src)).toEqual({ text: src, wrapped: 0 });
  });

  it('wraps a whole text object with no marks, and only the unmarked show operators of a mixed one', () => {
    expect(run('BT /F5 11 Tf 1 0 0 -1 75 74 Tm <0027> Tj ET')).toEqual({ text: `${A}BT /F5 11 Tf 1 0 0 -1 75 74 Tm <0027> Tj ET${E}`, wrapped: 1 });
    expect(run('BT /P <</MCID 0>> BDC (Tagged) Tj EMC (Page 2 of 9) Tj ET')).toEqual({
      text: `BT /P <</MCID 0>> BDC (Tagged) Tj EMC ${A}(Page 2 of 9) Tj${E} ET`,
      wrapped: 1,
    });
  });

  it('is not fooled by operator names inside strings', () => {
    const src = 'BT (EMC \\) BDC \\(ET) Tj ET';
    expect(run(src)).toEqual({ text: `${A}${src}${E}`, wrapped: 1 });
  });

  it('turns demoted marked content (a repeated table header) into an artifact and keeps the rest', () => {
    const src = '/TH <</MCID 3>> BDC BT (Service) Tj ET EMC /TD <</MCID 4>> BDC BT (Strong) Tj ET EMC';
    expect(run(src, undefined, [3])).toEqual({ text: `${A} BT (Service) Tj ET EMC /TD <</MCID 4>> BDC BT (Strong) Tj ET EMC`, wrapped: 1 });
  });

  it('wraps form XObjects only when they carry no tags of their own, and shadings always', () => {
    expect(run('/Fm1 Do /Fm2 Do 0 0 1 1 re W n /Sh1 sh', (name) => name === 'Fm2')).toEqual({
      text: `${A}/Fm1 Do${E} /Fm2 Do 0 0 1 1 re W n ${A}/Sh1 sh${E}`,
      wrapped: 2,
    });
  });

  it('returns the stream itself when there is nothing to wrap, and null when it cannot be read', () => {
    const src = bytes('q 1 0 0 1 0 0 cm Q');
    expect(artifactUntagged(src)?.bytes).toBe(src);
    expect(run('BT (no end) Tj')).toBeNull();
    expect(run('BI /W 1 ID x EI')).toBeNull();
  });
});
