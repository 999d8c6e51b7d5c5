/** Node's zlib for PDF finishing and the Word package: several times faster than the portable codec. */
import { promisify } from 'node:util';
import { crc32, deflateRaw, deflateSync, inflateSync } from 'node:zlib';
import type { PackageDeflate } from '../../../../shared/documents/docx/zip-package';
import type { ZlibCodec } from '../../../../shared/documents/pdf/zlib-codec';

export const nodeZlib: ZlibCodec = {
  inflate: (bytes) => inflateSync(bytes),
  deflate: (bytes) => deflateSync(bytes, { level: 1 }),
};

const deflateRawAsync = promisify(deflateRaw);

/** Word's parts, compressed on the thread pool as fflate would at its default level. */
export const nodePackageDeflate: PackageDeflate = {
  deflateRaw: (bytes) => deflateRawAsync(bytes, { level: 6 }),
  crc32: (bytes) => crc32(bytes),
};
