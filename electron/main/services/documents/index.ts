/**
 * The document engine's node API (see shared/documents/README.md): template folders, Word with charts, print HTML
 * with fonts, the Chromium printer and the whole export.
 */
export { listTemplates, readTemplateFolder, loadTemplateFolder, resolveBuiltInTemplatesDir, BUILT_IN_TEMPLATES_DIR, type TemplateSummary } from './template-folders';
export { renderDocx } from './render-docx';
export { renderPrintHtml } from './print-html';
export { documentFontCss, chartFontFiles } from './fonts';
export { rasteriseSvg } from './rasterise';
export { createChromiumPrinter, findChromium, chromiumCandidates } from './chromium-printer';
export { exportDocument, type ExportInput, type ExportOutput, type ExportStep } from './export-document';
