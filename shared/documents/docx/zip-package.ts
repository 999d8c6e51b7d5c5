/**
 * The .docx container. The docx library compiles the package's parts and zips them itself with fflate's deflate,
 * which runs as JavaScript on the calling thread: about 0.4 s of a cold Word export of the large benchmark workbook's
 * business case (bench/large-workbook.ts), while the browser prints beside it. Given a native deflate (Node's zlib, electron/main/services/documents/
 * node-zlib.ts), the parts are compressed there instead, on the thread pool and in parallel, and only the zip's
 * headers are written here, so the archive is the same shape docx writes: the same parts, in the same order,
 * deflated, with sizes in the local headers.
 *
 * docx keeps its compiler to itself (Packer's static `compiler`, private in its typings). Where a release no
 * longer has it, the document is packed by docx as before: slower, never wrong. A test checks that this release
 * takes the fast path, so an upgrade that loses it is noticed.
 */
import { Packer, type File as DocxFile } from 'docx';

/** Raw DEFLATE (no zlib header, as a zip holds it) and the zip's CRC-32, from a faster codec than fflate's. */
export interface PackageDeflate {
  deflateRaw(bytes: Uint8Array): Promise<Uint8Array>;
  crc32(bytes: Uint8Array): number;
}

type PartData = string | Uint8Array;
interface PackageCompiler {
  compile(file: DocxFile): Map<string, PartData>;
}

/** docx's own compiler, where this release has one that compiles. */
export function docxCompiler(): PackageCompiler | null {
  const compiler: unknown = (Packer as unknown as { compiler?: unknown }).compiler;
  if (compiler === null || typeof compiler !== 'object') return null;
  const compile: unknown = (compiler as { compile?: unknown }).compile;
  return typeof compile === 'function'
    ? { compile: (file) => compile.call(compiler, file) as Map<string, PartData> }
    : null;
}

export async function packDocx(file: DocxFile, deflate?: PackageDeflate): Promise<Uint8Array> {
  const compiler = deflate ? docxCompiler() : null;
  if (!deflate || !compiler) return new Uint8Array(await Packer.toBuffer(file));
  const encoder = new TextEncoder();
  const parts = [...compiler.compile(file)].map(([path, data]) => ({
    path,
    bytes: typeof data === 'string' ? encoder.encode(data) : data,
  }));
  // All parts are compressed at once, on the codec's threads; the CRCs are taken here meanwhile.
  const deflated = Promise.all(parts.map((p) => deflate.deflateRaw(p.bytes)));
  const crcs = parts.map((p) => deflate.crc32(p.bytes));
  const compressed = await deflated;
  return zipDeflatedParts(
    parts.map((p, i) => ({ path: p.path, size: p.bytes.length, crc: crcs[i]!, deflated: compressed[i]! })),
  );
}

/** A date and time as a zip stores them (MS-DOS format, local time, two-second steps). */
function dosDateTime(when: Date): { time: number; date: number } {
  return {
    time: (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1),
    date: ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(),
  };
}

/**
 * The zip itself: a local header before each part's deflated bytes, then the central directory. Written here
 * because fflate's sync writer deflates for itself and its streaming one always adds data descriptors, which docx's
 * packing never had; sizes and CRCs are known before any header is written, so none is needed.
 */
export function zipDeflatedParts(
  parts: ReadonlyArray<{
    readonly path: string;
    readonly size: number;
    readonly crc: number;
    readonly deflated: Uint8Array;
  }>,
  when: Date = new Date(),
): Uint8Array {
  const encoder = new TextEncoder();
  const { time, date } = dosDateTime(when);
  const names = parts.map((p) => encoder.encode(p.path));
  const local = parts.reduce((n, p, i) => n + 30 + names[i]!.length + p.deflated.length, 0);
  const central = parts.reduce((n, _, i) => n + 46 + names[i]!.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // Both headers share their middle: version needed, flags (UTF-8 names), deflate, time, date, CRC, sizes.
  const common = (o: number, i: number) => {
    const p = parts[i]!;
    view.setUint16(o, 20, true);
    view.setUint16(o + 2, 0x0800, true);
    view.setUint16(o + 4, 8, true);
    view.setUint16(o + 6, time, true);
    view.setUint16(o + 8, date, true);
    view.setUint32(o + 10, p.crc >>> 0, true);
    view.setUint32(o + 14, p.deflated.length, true);
    view.setUint32(o + 18, p.size, true);
    view.setUint16(o + 22, names[i]!.length, true);
  };
  parts.forEach((p, i) => {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, i);
    out.set(names[i]!, at + 30);
    at += 30 + names[i]!.length;
    out.set(p.deflated, at);
    at += p.deflated.length;
  });
  const directory = at;
  parts.forEach((_, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    common(at + 6, i);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(names[i]!, at + 46);
    at += 46 + names[i]!.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
