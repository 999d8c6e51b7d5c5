import type { Workbook } from '../../../../shared/model/workbook-schema';
import { DocumentPreview } from './DocumentPreview';
import { PANE_IDS } from './PaneTabs';
import type { PreviewState } from './use-document-preview';

/** The preview beside the questions (or in its own tab when narrow): the document, why it could not be made, or a wait. */
export function PreviewPanel(props: { preview: PreviewState; workbook: Workbook; tab: { hidden: boolean } | null }) {
  const { preview } = props;
  return (
    <section
      className="panel documents-preview"
      id={PANE_IDS.preview}
      aria-labelledby="preview-heading"
      {...(props.tab ? { role: 'tabpanel', hidden: props.tab.hidden } : {})}
    >
      <h2 id="preview-heading">Preview</h2>
      {preview?.kind === 'ready' ? (
        <DocumentPreview
          key={preview.draftId}
          html={preview.result.html}
          title={preview.result.title}
          updating={preview.source !== props.workbook}
        />
      ) : preview?.kind === 'failed' ? (
        <div className="panel panel-warning">
          <p>
            <strong>The document could not be made from this template.</strong> {preview.error.message}
          </p>
          {preview.error.issues && preview.error.issues.length > 1 && (
            <ul>
              {preview.error.issues.map((i, n) => (
                <li key={n}>
                  {i.path}: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p className="muted">Preparing the preview…</p>
      )}
    </section>
  );
}
