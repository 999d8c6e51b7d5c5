/**
 * Word output in node: the pure renderer with resvg for the charts and zlib for the package.
 */
import type { DocModel } from '../../../../shared/documents/model';
import { renderDocxWith } from '../../../../shared/documents/docx/render-docx';
import { nodePackageDeflate } from './node-zlib';
import { rasteriseSvg } from './rasterise';

export function renderDocx(document: DocModel, options: { houseStyle?: Uint8Array } = {}): Promise<Uint8Array> {
  return renderDocxWith(document, { ...options, rasteriseSvg, deflate: nodePackageDeflate });
}
