import { useState } from 'react';
import { businessCaseDrafts } from '../../../../shared/documents/decision-basis';
import type { ReadinessItem } from '../../../../shared/documents/readiness';
import type { TemplateInfo } from '../../../../shared/ipc/documents-contract';
import { useMediaQuery } from '../../components/use-media-query';
import { showStatus, useUiStore } from '../../state/ui-store';
import { SkipLink } from '../../components/SkipLink';
import { useWorkbookStore } from '../../state/workbook-store';
import { AboutDocument } from './AboutDocument';
import { questionFieldId } from './answers';
import { BASED_ON_FIELD_ID, BasedOnField } from './BasedOnField';
import { BusinessCaseForms } from './case/BusinessCaseForms';
import {
  addressDraftTo,
  baseReportOn,
  discardStoredDraft,
  editBusinessCase,
  putObjectivesInScope,
  putServicesInScope,
  setAmountAsked,
  setAmountPeriod,
} from './commands';
import { documentChecks, questionError, type DocumentChecks } from './document-checks';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { ExportPanel, type ExportChoice, type ExportMode } from './ExportPanel';
import { PaneTabs, PANE_IDS, type DocumentsPane } from './PaneTabs';
import { PARTNER_FIELD_ID, PartnerField } from './PartnerField';
import { PreviewPanel } from './PreviewPanel';
import { QuestionsPanel } from './QuestionsPanel';
import { fixTarget, ReadinessChecklist } from './ReadinessChecklist';
import { SCOPE_FIELD_ID, ScopeEditor } from './ScopeEditor';
import { TemplatePicker } from './TemplatePicker';
import { useDocumentPreview } from './use-document-preview';
import { useDraftChoice } from './use-draft-choice';
import { useExportJob } from './use-export-job';
import { useTemplateListing } from './use-template-listing';
import './documents.css';

const FIELD_IDS = { question: questionFieldId, partner: PARTNER_FIELD_ID, scope: SCOPE_FIELD_ID, basedOn: BASED_ON_FIELD_ID };

function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

function describeTarget(item: ReadinessItem): string {
  const t = fixTarget(item.target, FIELD_IDS);
  return t.goTo
    ? `opens the ${t.goTo.step === 'map' ? 'Map' : t.goTo.step === 'services' ? 'Services' : 'Objectives'} step`
    : 'goes to the field';
}

/** The error summary's items: format errors always; what stops a final when a final was asked for. */
function summaryItems(checks: DocumentChecks, mode: ExportMode, fix: (item: ReadinessItem) => void): SummaryItem[] {
  return [
    ...checks.formatErrors.map((e) => ({
      key: `format-${e.questionId}`,
      message: e.message,
      fix: () => focusField(questionFieldId(e.questionId)),
    })),
    ...(mode === 'final'
      ? [
          ...checks.finalBlockers.map((i, n) => ({ key: `blocker-${n}`, message: i.message, fix: () => fix(i) })),
          ...checks.missingFacts.map((b, n) => ({ key: `fact-${n}`, message: `${b.where}: ${b.message}` })),
        ]
      : []),
  ];
}

/**
 * The Documents step: choose a template, set the scope, answer its questions, check the live preview and the
 * readiness checklist, and export Word, PDF or both as a draft or a final. Scope and answers live in the workbook
 * as a draft, so they are saved with it and every change can be undone; the preview and the files are made in the
 * main process from that same draft.
 */
export function DocumentsStep() {
  const workbook = useWorkbookStore((s) => s.workbook);
  const goTo = useUiStore((s) => s.goTo);
  const { listing, listingError, defaultMarking, addFolder, removeFolder } = useTemplateListing();
  const choice = useDraftChoice(workbook);
  const { draft } = choice;
  const template = draft && listing ? (listing.templates.find((t) => t.id === draft.templateId) ?? null) : null;
  const { preview, clear: clearPreview } = useDocumentPreview(workbook, draft, template !== null);
  /** Off unless the officer ticks it for this export: a PDF carries nothing of the workbook by default. */
  const [attachWorkbook, setAttachWorkbook] = useState(false);
  const [format, setFormat] = useState<ExportChoice>('both');
  const [mode, setMode] = useState<ExportMode>('draft');
  // Beside the questions from 1200 px (75rem, as documents.css); in a tab of its own below that.
  const narrow = useMediaQuery('(max-width: 74.99rem)');
  const [pane, setPane] = useState<DocumentsPane>('questions');
  const checks = workbook && draft && template ? documentChecks({ workbook, draft, template, preview, mode }) : null;
  const { job, files, showErrors, hideErrors, summaryRef, exportNow, cancel, reset: resetExport } = useExportJob({
    draft,
    refused: checks?.refused ?? false,
    choice: format,
    mode,
    attachWorkbook,
  });

  if (!workbook) return null;

  const chooseTemplate = (t: TemplateInfo) => {
    resetExport();
    clearPreview();
    choice.choose(workbook, t, defaultMarking);
  };
  const discardDraft = () => {
    if (!draft) return;
    if (choice.stored) discardStoredDraft(draft);
    choice.forget();
    clearPreview();
    resetExport();
    showStatus(choice.stored ? `Draft “${draft.title}” discarded. Undo brings it back.` : 'Template choice cleared.');
  };
  const fix = (item: ReadinessItem) => {
    const target = fixTarget(item.target, FIELD_IDS);
    if (target.field) focusField(target.field);
    else if (target.goTo) goTo(target.goTo);
  };
  const showFinalBlockers = showErrors && mode === 'final';
  const blockerOf = (kind: string) => (showFinalBlockers ? (checks?.finalBlockers.find((i) => i.kind === kind)?.message ?? null) : null);
  const summary = checks && showErrors && checks.refused ? summaryItems(checks, mode, fix) : [];

  return (
    <div className="step documents-step">
      <h1>Documents</h1>
      <p className="lead">
        Turn the map into a paper: a business case, a partnership proposal, a commissioning bid or a strategic
        alignment statement. Say what it proposes, answer the template’s questions, check the preview and the
        readiness checklist, then export it for Word or as an accessible PDF, as a draft or a final.
      </p>
      <SkipLink to="export-button">Skip to Export</SkipLink>

      {summary.length > 0 && (
        <ErrorSummary
          title={mode === 'final' ? 'A final cannot be made yet' : 'There is a problem'}
          intro={mode === 'final' ? 'Complete these, or export a draft, which shows them as guidance:' : 'Correct these before exporting:'}
          items={summary}
          ref={summaryRef}
        />
      )}

      <section className="panel" aria-labelledby="template-heading">
        <h2 id="template-heading">Choose a template</h2>
        {listing ? (
          <TemplatePicker
            listing={listing}
            selectedId={draft?.templateId ?? null}
            onChoose={chooseTemplate}
            onAddFolder={() => void addFolder()}
            onRemoveFolder={(f) => void removeFolder(f)}
          />
        ) : listingError ? (
          <p className="error-message">{listingError.message}</p>
        ) : (
          <p className="muted">Loading templates…</p>
        )}
        {draft && listing && !template && (
          <p className="panel panel-warning">
            The template this draft was written for (“{draft.templateId}”) is not available. If it came from
            one of your template folders, add the folder again; otherwise choose another template.
          </p>
        )}
      </section>

      {draft && template && checks && narrow && <PaneTabs pane={pane} onPane={setPane} />}
      {draft && template && checks && (
        <div className="documents-layout">
          <div
            className="documents-form"
            id={PANE_IDS.questions}
            {...(narrow ? { role: 'tabpanel', 'aria-labelledby': `${PANE_IDS.questions}-tab`, hidden: pane !== 'questions' } : {})}
          >
            <ScopeEditor
              template={template}
              draft={draft}
              workbook={workbook}
              partnerField={
                template.partner === 'none' ? null : (
                  <PartnerField
                    value={draft.partnerId}
                    required={template.partner === 'required'}
                    partners={workbook.partners}
                    error={blockerOf('missing-partner')}
                    onChange={(id) => addressDraftTo(draft, workbook.partners.find((p) => p.id === id) ?? null)}
                  />
                )
              }
              onServices={(ids, inScope, label) => putServicesInScope(draft, ids, inScope, label)}
              onObjectives={(ids, inScope, label) => putObjectivesInScope(draft, ids, inScope, label)}
              onAmount={(amount) => setAmountAsked(draft, amount)}
              onPeriod={(period) => setAmountPeriod(draft, period)}
            />
            {template.basedOn === 'business-case' && (
              <BasedOnField
                value={draft.basedOnDraftId}
                drafts={businessCaseDrafts(workbook, (id) => isBusinessCase(listing?.templates ?? [], id), draft.id)}
                error={blockerOf('missing-business-case')}
                onChange={(id) => baseReportOn(draft, workbook.drafts.find((d) => d.id === id) ?? null)}
              />
            )}
            <AboutDocument draft={draft} onDiscard={discardDraft} />
            <QuestionsPanel draft={draft} questions={checks.questions} errorFor={(q, value) => questionError(checks, q, value, showFinalBlockers)} />
            {template.kind === 'business-case' && (
              <BusinessCaseForms
                data={draft.businessCase}
                workbook={workbook}
                edit={(label, recipe, key) => editBusinessCase(draft, label, recipe, key)}
              />
            )}
            <ReadinessChecklist
              items={checks.readiness}
              missingFacts={checks.missingFacts}
              otherWarnings={checks.otherWarnings}
              onFix={fix}
              describeTarget={describeTarget}
            />
            <ExportPanel
              choice={format}
              onChoice={setFormat}
              mode={mode}
              onMode={(m) => {
                setMode(m);
                hideErrors();
              }}
              finalBlockers={checks.finalBlockers.length + checks.missingFacts.length}
              attachWorkbook={attachWorkbook}
              onAttachWorkbook={setAttachWorkbook}
              job={job}
              files={files}
              onExport={() => void exportNow()}
              onCancel={() => void cancel()}
            />
          </div>
          <PreviewPanel preview={preview} workbook={workbook} tab={narrow ? { hidden: pane !== 'preview' } : null} />
        </div>
      )}
    </div>
  );
}

const isBusinessCase = (templates: readonly TemplateInfo[], id: string) => templates.find((t) => t.id === id)?.kind === 'business-case';

