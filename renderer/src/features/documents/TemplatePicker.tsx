import type { TemplateInfo, TemplateListing } from '../../../../shared/ipc/documents-contract';

const KIND_LABELS: Readonly<Record<TemplateInfo['kind'], string>> = {
  'business-case': 'Business case',
  'partnership-proposal': 'Partnership proposal',
  'commissioning-bid': 'Commissioning bid',
  'alignment-statement': 'Strategic alignment statement',
  'committee-report': 'Committee or cabinet report',
  other: '',
};

/** The kind says what a template with a council's own name is for; a name that already says it needs no prefix. */
function kindPrefix(t: TemplateInfo): string {
  const kind = KIND_LABELS[t.kind];
  return kind && !t.name.toLowerCase().includes(kind.toLowerCase()) ? `${kind}. ` : '';
}

function TemplateOption(props: { template: TemplateInfo; checked: boolean; onChoose: (t: TemplateInfo) => void }) {
  const { template: t } = props;
  const id = `doc-template-${t.id}`;
  return (
    <li className="template-option">
      <input
        type="radio"
        id={id}
        name="document-template"
        value={t.id}
        checked={props.checked}
        aria-describedby={`${id}-about`}
        onChange={() => props.onChoose(t)}
      />
      <label htmlFor={id}>
        <strong>{t.name}</strong>
        {t.origin === 'user' && <span className="tag">Your template</span>}
      </label>
      <div id={`${id}-about`} className="hint">
        {kindPrefix(t)}
        {t.description}
        {t.origin === 'user' && <span className="template-folder"> From {t.folder}</span>}
      </div>
    </li>
  );
}

/**
 * Built-in templates and the officer's own, as one radio group; broken user templates are listed with the reason
 * (file, line and column) so the officer can fix or remove them, and never hide the working ones.
 */
export function TemplatePicker(props: {
  listing: TemplateListing;
  selectedId: string | null;
  onChoose: (t: TemplateInfo) => void;
  onAddFolder: () => void;
  onRemoveFolder: (folder: string) => void;
}) {
  const { listing } = props;
  const builtIn = listing.templates.filter((t) => t.origin === 'built-in');
  const mine = listing.templates.filter((t) => t.origin === 'user');
  return (
    <>
      <fieldset className="field template-choice">
        <legend>Template</legend>
        <ul className="plain-list">
          {builtIn.map((t) => (
            <TemplateOption key={t.id} template={t} checked={props.selectedId === t.id} onChoose={props.onChoose} />
          ))}
        </ul>
        {mine.length > 0 && (
          <>
            <p className="template-group-label">From your template folders</p>
            <ul className="plain-list">
              {mine.map((t) => (
                <TemplateOption key={t.id} template={t} checked={props.selectedId === t.id} onChoose={props.onChoose} />
              ))}
            </ul>
          </>
        )}
      </fieldset>

      {listing.problems.length > 0 && (
        <div className="panel panel-warning template-problems" role="group" aria-labelledby="template-problems-heading">
          <h3 id="template-problems-heading">Some of your templates could not be used</h3>
          <p>The other templates still work. Fix these in the template files, or remove the folder.</p>
          <ul>
            {listing.problems.map((p, i) => (
              <li key={`${p.folder}-${i}`}>
                <span className="template-folder">{p.folder}</span>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <details className="template-folders">
        <summary>Your template folders ({listing.userFolders.length})</summary>
        {listing.userFolders.length === 0 ? (
          <p className="muted">
            Add a folder to use your council’s own templates beside the built-in ones. A template is a folder with a
            template.json file and its section files.
          </p>
        ) : (
          <ul className="plain-list">
            {listing.userFolders.map((folder) => (
              <li key={folder} className="recent-item">
                <span className="template-folder">{folder}</span>
                <button type="button" className="button button-secondary" onClick={() => props.onRemoveFolder(folder)}>
                  Remove<span className="visually-hidden"> the template folder {folder}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={props.onAddFolder}>
            Add a template folder…
          </button>
        </div>
      </details>
    </>
  );
}
