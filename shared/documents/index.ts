/**
 * The document engine's pure API (see README.md beside this file). No node or electron imports: it runs in the
 * main process, workers, tests and the browser.
 */
export * from './model';
export { bindDocument, questionsToAsk, type BindOptions, type BindOutput, type FinalBlocker, type FinalBlockerKind, type PreExportWarning, type PreExportWarningKind } from './bind';
export { bindOptionsForDraft, businessCaseDrafts, decisionBasis, decisionBasisProblems, type DecisionBasis } from './decision-basis';
export { loadTemplate, type Template, type TemplateSection, type TemplateSource, MAX_TEMPLATE_FILE_CHARS } from './template/load-template';
export { MANIFEST_FILE, TEMPLATE_KINDS, QUESTION_KINDS, type Manifest, type Question, type QuestionKind, type TemplateKind } from './template/manifest';
export { BLOCK_NAMES } from './template/blocks';
export { HELPERS } from './template/evaluate';
export { buildPrintHtml, type PrintHtmlOptions } from './html/build-print-html';
export { renderChartSvg, type RenderedChart } from './charts/render-chart-svg';
export { finishPdf, headingPagesFromPdf, linkNames, SNAPSHOT_NAME, type FinishOptions } from './pdf/finish-pdf';
export { printDocumentPdf, type PrintDocumentOptions } from './pdf/print-document-pdf';
export { isCancellation, printCancelled, type PdfPrinter } from './pdf/printer';
export { renderDocxWith, type DocxRenderOptions } from './docx/render-docx';
export { documentPlainText, normaliseText } from './plain-text';
export { formatDate } from '../text/dates';
export { formatMoney, formatNumber, formatPercent, formatPerThousand } from '../text/numbers';
export { attachmentScope, computeFacts, defaultScope, resolveScope, wholeServiceFacts, ROLL_UP_RULE, type DocumentFacts, type Figure, type ResolvedScope } from './facts';
