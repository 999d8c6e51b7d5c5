/**
 * Flate for PDF streams. fflate runs anywhere; Node's own zlib is several times faster on a long report's pages,
 * so the app and the command line pass `nodeZlib` (electron/main/services/documents/node-zlib.ts).
 */
import { unzlibSync, zlibSync } from 'fflate';

export interface ZlibCodec {
  inflate(bytes: Uint8Array): Uint8Array;
  /** Fast rather than small: page streams are rewritten on every export. */
  deflate(bytes: Uint8Array): Uint8Array;
}

export const portableZlib: ZlibCodec = {
  inflate: (bytes) => unzlibSync(bytes),
  deflate: (bytes) => zlibSync(bytes, { level: 1 }),
};
