import type { Draft as Mutable } from 'immer';
import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import { readinessChecklist, type ReadinessItem } from '../../../../shared/documents/readiness';
import { businessCaseDrafts } from '../../../../shared/documents/decision-basis';
import { removeDraft } from '../../../../shared/model/operations';
import type {
  DocumentPreview as PreviewResult,
  GeneratedFile,
  TemplateInfo,
  TemplateListing,
} from '../../../../shared/ipc/documents-contract';
import { PROTECTIVE_MARKINGS, type ProtectiveMarking } from '../../../../shared/model/vocabulary';
import type { Draft, Workbook } from '../../../../shared/model/workbook-schema';
import type { AppError } from '../../../../shared/result';
import { showError, showStatus, useUiStore } from '../../state/ui-store';
import { TextField } from '../../components/TextField';
import { SkipLink } from '../../components/SkipLink';
import { useWorkbookStore } from '../../state/workbook-store';
import { call, onEvent } from '../../platform/api';
import {
  answerOf,
  formatProblem,
  groupQuestions,
  latestDraft,
  latestDraftFor,
  MARKING_LABELS,
  newDraft,
  questionFieldId,
  setAnswer,
  type AnswerError,
} from './answers';
import { BASED_ON_FIELD_ID, BasedOnField } from './BasedOnField';
import { DocumentPreview } from './DocumentPreview';
import { ExportPanel, type ExportChoice, type ExportMode, type Job } from './ExportPanel';
import { QuestionField } from './QuestionField';
import { fixTarget, ReadinessChecklist } from './ReadinessChecklist';
import { SCOPE_FIELD_ID, ScopeEditor } from './ScopeEditor';
import { setObjectivesInScope, setServicesInScope } from './scope';
import { TemplatePicker } from './TemplatePicker';
import './documents.css';
import { useMediaQuery } from '../../components/use-media-query';
import { PaneTabs, PANE_IDS, type DocumentsPane } from './PaneTabs';
import { BusinessCaseForms } from './case/BusinessCaseForms';
import { emptyBusinessCase } from '../../../../shared/model/business-case-schema';

const PREVIEW_DELAY_MS = 350;
const PARTNER_FIELD_ID = 'doc-partner';

function newJobId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `job${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function focusField(id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  el.focus();
}

/** The last preview, and the workbook it was made from (so the step can tell when it is out of date). */
type PreviewState =
  | { kind: 'ready'; result: PreviewResult; source: Workbook }
  | { kind: 'failed'; error: AppError; source: Workbook }
  | null;

/** Preview warnings the readiness checklist does not already list (it covers answers, partner and claims). */
const LISTED_BY_READINESS = new Set([
  'unanswered-required',
  'unanswered',
  'missing-partner',
  'missing-business-case',
  'unsupported-claim',
  'weak-evidence',
]);

interface SummaryItem {
  readonly key: string;
  readonly message: string;
  /** The field or item that fixes it; plain text when there is none to go to. */
  readonly fix?: () => void;
}

function ErrorSummary({
  title,
  intro,
  items,
  ref,
}: {
  title: string;
  intro: string;
  items: readonly SummaryItem[];
  ref: Ref<HTMLDivElement>;
}) {
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="doc-error-summary-title"
    >
      <h2 id="doc-error-summary-title">{title}</h2>
      <p>{intro}</p>
      <ul>
        {items.map((e) => (
          <li key={e.key}>
            {e.fix ? (
              <a
                href="#"
                onClick={(ev) => {
                  ev.preventDefault();
                  e.fix?.();
                }}
              >
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The Documents step: choose a template, set the scope, answer its questions, check the live preview and the
 * readiness checklist, and export Word, PDF or both as a draft or a final. Scope and answers live in the workbook
 * as a draft, so they are saved with it and every change can be undone; the preview and the files are made in the
 * main process from that same draft.
 */
export function DocumentsStep() {
  const workbook = useWorkbookStore((s) => s.workbook);
  const edit = useWorkbookStore((s) => s.edit);
  const [listing, setListing] = useState<TemplateListing | null>(null);
  const [listingError, setListingError] = useState<AppError | null>(null);
  const [defaultMarking, setDefaultMarking] = useState<ProtectiveMarking>('OFFICIAL');
  /** Off unless the officer ticks it for this export: a PDF carries nothing of the workbook by default. */
  const [attachWorkbook, setAttachWorkbook] = useState(false);
  const [draftId, setDraftId] = useState<string | null>(() =>
    workbook ? (latestDraft(workbook)?.id ?? null) : null,
  );
  /**
   * A draft for a template the officer has chosen but not yet touched. It joins the workbook (as one undoable step)
   * with the first change, so moving through the templates with the arrow keys does not leave drafts behind; and
   * when that first change is undone, the form falls back to it rather than vanishing.
   */
  const [pending, setPending] = useState<Draft | null>(null);
  const [preview, setPreview] = useState<PreviewState>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [choice, setChoice] = useState<ExportChoice>('both');
  // Beside the questions from 1200 px (75rem, as documents.css); in a tab of its own below that.
  const narrow = useMediaQuery('(max-width: 74.99rem)');
  const [pane, setPane] = useState<DocumentsPane>('questions');
  const [mode, setMode] = useState<ExportMode>('draft');
  const goTo = useUiStore((s) => s.goTo);
  const [job, setJob] = useState<Job | null>(null);
  const [files, setFiles] = useState<GeneratedFile[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const previewSeq = useRef(0);
  const cancelledByOfficer = useRef(false);

  const stored = workbook && draftId ? (workbook.drafts.find((d) => d.id === draftId) ?? null) : null;
  const draft = stored ?? (pending && (draftId === null || draftId === pending.id) ? pending : null);
  const template =
    draft && listing ? (listing.templates.find((t) => t.id === draft.templateId) ?? null) : null;
  /** The workbook as the main process sees it for this draft: with the untouched draft added when there is one. */
  const withDraft = useCallback(
    (wb: Workbook): Workbook => (stored || !pending ? wb : { ...wb, drafts: [...wb.drafts, pending] }),
    [stored, pending],
  );

  useEffect(() => {
    void call('listTemplates', {}).then((r) => (r.ok ? setListing(r.value) : setListingError(r.error)));
    void call('getPreferences', {}).then((r) => r.ok && setDefaultMarking(r.value.defaultProtectiveMarking));
  }, []);

  // The preview follows every change to the workbook (answers, and the map itself), a moment after typing stops.
  useEffect(() => {
    if (!workbook || !draft || !template) return;
    const seq = ++previewSeq.current;
    const timer = setTimeout(() => {
      void call('previewDocument', { workbook: withDraft(workbook), draftId: draft.id }).then((r) => {
        if (seq !== previewSeq.current) return;
        setPreview(
          r.ok
            ? { kind: 'ready', result: r.value, source: workbook }
            : { kind: 'failed', error: r.error, source: workbook },
        );
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [workbook, draft, template, withDraft]);

  useEffect(
    () =>
      onEvent('documentProgress', (progress) =>
        setJob((current) =>
          current && current.jobId === progress.jobId ? { ...current, progress } : current,
        ),
      ),
    [],
  );

  useEffect(() => {
    if (attempt > 0) summaryRef.current?.focus();
  }, [attempt]);

  const updateDraft = useCallback(
    (label: string, recipe: (d: Mutable<Draft>) => void, coalesceKey?: string) => {
      const target = stored ?? pending;
      if (!target) return;
      edit(
        label,
        (wb) => {
          // The first change to a chosen template's draft also adds the draft: one step to undo.
          // A copy: immer does not draft objects added to it, so the change below would otherwise alter `pending`.
          if (!stored) wb.drafts.push(structuredClone(target));
          const d = wb.drafts.find((x) => x.id === target.id);
          if (!d) return;
          recipe(d);
          d.modified = new Date().toISOString();
        },
        coalesceKey ? { coalesceKey } : undefined,
      );
      if (!stored) setDraftId(target.id);
    },
    [stored, pending, edit],
  );

  if (!workbook) return null;

  const chooseTemplate = (t: TemplateInfo) => {
    setShowErrors(false);
    setFiles([]);
    setPreview(null);
    const existing = latestDraftFor(workbook, t.id);
    setDraftId(existing?.id ?? null);
    setPending(existing ? null : newDraft(t, defaultMarking, workbook));
  };

  const changeFolders = async (action: () => Promise<TemplateListing | null>) => {
    const next = await action();
    if (next) setListing(next);
  };
  const addFolder = () =>
    changeFolders(async () => {
      const r = await call('addTemplateFolder', {});
      if (!r.ok) {
        showError(r.error);
        return null;
      }
      if (r.value.status === 'cancelled') return null;
      const { listing: next } = r.value;
      showStatus(
        next.problems.length > 0
          ? `Template folder added. ${next.problems.length === 1 ? 'One template has a problem' : `${next.problems.length} templates have problems`}: see the list under Template.`
          : 'Template folder added.',
      );
      return next;
    });
  const removeFolder = (folder: string) =>
    changeFolders(async () => {
      const r = await call('removeTemplateFolder', { folder });
      if (!r.ok) {
        showError(r.error);
        return null;
      }
      showStatus(
        'Template folder removed. Its templates are no longer listed; the files themselves are untouched.',
      );
      return r.value;
    });

  const asked = preview?.kind === 'ready' ? new Set(preview.result.askedQuestionIds) : null;
  const questions = template ? template.questions.filter((q) => !asked || asked.has(q.id)) : [];
  const partnerNeeded = template?.partner === 'required';
  const previewBlockers = preview?.kind === 'ready' ? preview.result.blockers : [];
  // An optional question a sentence of the document needs stops a final like a required one.
  const neededInText = new Set(
    previewBlockers.flatMap((b) => (b.kind === 'unanswered-in-text' && b.questionId ? [b.questionId] : [])),
  );
  const readiness: ReadinessItem[] = (
    draft && template
      ? readinessChecklist({ workbook, template, draft, ...(asked ? { askedQuestionIds: asked } : {}) })
      : []
  ).map((i) =>
    i.kind === 'unanswered' && i.target.kind === 'question' && neededInText.has(i.target.questionId)
      ? { ...i, blocksFinal: true, message: `${i.message.replace(/\.$/, '')}: a sentence in the document needs it.` }
      : i,
  );
  const missingFacts = previewBlockers.filter(
    (b) => b.kind === 'missing-fact' || (b.kind === 'unanswered-in-text' && !b.questionId),
  );
  const otherWarnings =
    preview?.kind === 'ready' ? preview.result.warnings.filter((w) => !LISTED_BY_READINESS.has(w.kind)) : [];
  // A wrong format stops any export; a missing answer, partner or scope stops only a final (a draft shows guidance).
  const formatErrors: AnswerError[] = draft
    ? questions.flatMap((q) => {
        const message = formatProblem(q, answerOf(draft, q.id));
        return message ? [{ questionId: q.id, message }] : [];
      })
    : [];
  const finalBlockers = readiness.filter((i) => i.blocksFinal);
  const refused =
    formatErrors.length > 0 || (mode === 'final' && finalBlockers.length + missingFacts.length > 0);
  const errorFor = (questionId: string, value: string) => {
    const q = template?.questions.find((x) => x.id === questionId);
    if (showErrors && mode === 'final') {
      const blocker = finalBlockers.find(
        (i) => i.target.kind === 'question' && i.target.questionId === questionId,
      );
      if (blocker) return blocker.message;
    }
    return q ? formatProblem(q, value) : null;
  };
  const fix = (item: ReadinessItem) => {
    const target = fixTarget(item.target, {
      question: questionFieldId,
      partner: PARTNER_FIELD_ID,
      scope: SCOPE_FIELD_ID,
      basedOn: BASED_ON_FIELD_ID,
    });
    if (target.field) focusField(target.field);
    else if (target.goTo) goTo(target.goTo);
  };
  const describeTarget = (item: ReadinessItem) => {
    const t = fixTarget(item.target, {
      question: questionFieldId,
      partner: PARTNER_FIELD_ID,
      scope: SCOPE_FIELD_ID,
      basedOn: BASED_ON_FIELD_ID,
    });
    return t.goTo
      ? `opens the ${t.goTo.step === 'map' ? 'Map' : t.goTo.step === 'services' ? 'Services' : 'Objectives'} step`
      : 'goes to the field';
  };
  const summaryItems: SummaryItem[] = [
    ...formatErrors.map((e) => ({
      key: `format-${e.questionId}`,
      message: e.message,
      fix: () => focusField(questionFieldId(e.questionId)),
    })),
    ...(mode === 'final'
      ? [
          ...finalBlockers.map((i, n) => ({ key: `blocker-${n}`, message: i.message, fix: () => fix(i) })),
          ...missingFacts.map((b, n) => ({ key: `fact-${n}`, message: `${b.where}: ${b.message}` })),
        ]
      : []),
  ];

  const exportNow = async () => {
    if (!draft) return;
    if (refused) {
      setShowErrors(true);
      setAttempt((n) => n + 1);
      return;
    }
    setShowErrors(false);
    const latest = useWorkbookStore.getState().workbook;
    if (!latest) return;
    const current = withDraft(latest);
    const jobId = newJobId();
    cancelledByOfficer.current = false;
    setFiles([]);
    setJob({ jobId, progress: null, cancelling: false });
    const r = await call('generateDocument', {
      jobId,
      workbook: current,
      draftId: draft.id,
      formats: choice === 'both' ? ['docx', 'pdf'] : [choice],
      mode,
      attachWorkbook,
    });
    setJob(null);
    if (!r.ok) {
      // A refusal with one reason names it in the message (the notice lists reasons only when there are several).
      const [only, ...more] = r.error.issues ?? [];
      showError(only && more.length === 0 ? { ...r.error, message: `${r.error.message} ${only.path}: ${only.message}` } : r.error);
      return;
    }
    if (r.value.status === 'cancelled') {
      if (cancelledByOfficer.current) showStatus('Export cancelled. No files were saved.');
      return;
    }
    const made = r.value.files;
    setFiles(made);
    const names = made.map((f) => `“${f.fileName}”`).join(' and ');
    const open = r.value.unanswered.length;
    showStatus(
      r.value.mode === 'final'
        ? `Saved ${names}, final.`
        : `Saved ${names}, marked DRAFT.${open > 0 ? ` ${open === 1 ? 'One question is' : `${open} questions are`} still unanswered and marked as guidance in the document.` : ''}`,
    );
  };

  const cancel = async () => {
    if (!job) return;
    cancelledByOfficer.current = true;
    setJob({ ...job, cancelling: true });
    const r = await call('cancelDocumentJob', { jobId: job.jobId });
    if (!r.ok) showError(r.error);
  };

  const discardDraft = () => {
    if (!draft) return;
    if (stored)
      edit(`Discard the draft “${draft.title}”`, (wb) => removeDraft(wb, draft.id));
    setDraftId(null);
    setPending(null);
    setPreview(null);
    setFiles([]);
    showStatus(
      stored ? `Draft “${draft.title}” discarded. Undo brings it back.` : 'Template choice cleared.',
    );
  };

  return (
    <div className="step documents-step">
      <h1>Documents</h1>
      <p className="lead">
        Turn the map into a paper: a business case, a partnership proposal, a commissioning bid or a strategic
        alignment statement. Say what it proposes, answer the template’s questions, check the preview and the
        readiness checklist, then export it for Word or as an accessible PDF, as a draft or a final.
      </p>
      <SkipLink to="export-button">Skip to Export</SkipLink>

      {showErrors && refused && summaryItems.length > 0 && (
        <ErrorSummary
          title={mode === 'final' ? 'A final cannot be made yet' : 'There is a problem'}
          intro={
            mode === 'final'
              ? 'Complete these, or export a draft, which shows them as guidance:'
              : 'Correct these before exporting:'
          }
          items={summaryItems}
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

      {draft && template && narrow && <PaneTabs pane={pane} onPane={setPane} />}
      {draft && template && (
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
                    draft={draft}
                    required={partnerNeeded}
                    partners={workbook.partners}
                    error={
                      showErrors && mode === 'final'
                        ? (finalBlockers.find((i) => i.kind === 'missing-partner')?.message ?? null)
                        : null
                    }
                    onChange={(partnerId) => {
                      const name = workbook.partners.find((p) => p.id === partnerId)?.name;
                      updateDraft(
                        name ? `Address the proposal to ${name}` : 'Clear the partner',
                        (d) => void (d.partnerId = partnerId),
                      );
                    }}
                  />
                )
              }
              onServices={(ids, inScope, label) =>
                updateDraft(
                  ids.length === 1
                    ? `${inScope ? 'Put' : 'Take'} “${label}” ${inScope ? 'in' : 'out of'} scope`
                    : label,
                  (d) => setServicesInScope(d.scope, workbook, ids, inScope),
                )
              }
              onObjectives={(ids, inScope, label) =>
                updateDraft(
                  ids.length === 1
                    ? `${inScope ? 'Put' : 'Take'} “${label}” ${inScope ? 'in' : 'out of'} scope`
                    : label,
                  (d) => setObjectivesInScope(d.scope, workbook, ids, inScope),
                )
              }
              onAmount={(amount) =>
                updateDraft(
                  'Change the sum asked for',
                  (d) => void (d.scope.amount = amount),
                  `scope-amount:${draft.id}`,
                )
              }
              onPeriod={(period) =>
                updateDraft(
                  'Change the period of the sum',
                  (d) => void (d.scope.period = period),
                  `scope-period:${draft.id}`,
                )
              }
            />
            {template.basedOn === 'business-case' && (
              <BasedOnField
                value={draft.basedOnDraftId}
                drafts={businessCaseDrafts(
                  workbook,
                  (id) => listing?.templates.find((t) => t.id === id)?.kind === 'business-case',
                  draft.id,
                )}
                error={
                  showErrors && mode === 'final'
                    ? (finalBlockers.find((i) => i.kind === 'missing-business-case')?.message ?? null)
                    : null
                }
                onChange={(basedOnId) => {
                  const basis = workbook.drafts.find((d) => d.id === basedOnId);
                  updateDraft(basis ? `Base the report on “${basis.title}”` : 'Clear the business case', (d) => {
                    d.basedOnDraftId = basedOnId;
                    // A report with nothing in scope takes the business case's services and objectives with it.
                    if (basis && !d.scope.wholeService && d.scope.serviceIds.length === 0) {
                      d.scope.serviceIds = [...basis.scope.serviceIds];
                      d.scope.objectiveIds = [...basis.scope.objectiveIds];
                    }
                  });
                }}
              />
            )}
            <section className="panel" aria-labelledby="about-doc-heading">
              <h2 id="about-doc-heading">About this document</h2>
              <TextField
                key={draft.id}
                label="Name of this draft"
                required
                maxLength={500}
                value={draft.title}
                hint="Also the file name suggested when you export."
                validate={(v) => (v.trim() === '' ? 'Enter a name for this draft' : null)}
                onCommit={(title) =>
                  updateDraft('Rename the draft', (d) => void (d.title = title), `draft-title:${draft.id}`)
                }
              />
              <div className="field">
                <label htmlFor="doc-marking">Protective marking</label>
                <div id="doc-marking-hint" className="hint">
                  Printed at the top and bottom of every page. Your usual marking is set in Preferences.
                </div>
                <select
                  id="doc-marking"
                  aria-describedby="doc-marking-hint"
                  value={draft.protectiveMarking}
                  onChange={(e) => {
                    const marking = e.target.value as ProtectiveMarking;
                    updateDraft(
                      `Mark the document ${MARKING_LABELS[marking]}`,
                      (d) => void (d.protectiveMarking = marking),
                    );
                  }}
                >
                  {PROTECTIVE_MARKINGS.map((m) => (
                    <option key={m} value={m}>
                      {MARKING_LABELS[m]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="button-row">
                <button type="button" className="button button-secondary" onClick={discardDraft}>
                  Discard this draft
                </button>
              </div>
            </section>

            <section className="panel" aria-labelledby="questions-heading">
              <h2 id="questions-heading">Questions</h2>
              {questions.length === 0 ? (
                <p>This template asks no questions: everything comes from the workbook.</p>
              ) : (
                groupQuestions(questions).map((g) => (
                  <div key={g.group || '(none)'} className="question-group">
                    {g.group && <h3>{g.group}</h3>}
                    {g.questions.map((q) => {
                      const value = answerOf(draft, q.id);
                      return (
                        <QuestionField
                          key={q.id}
                          question={q}
                          value={value}
                          error={errorFor(q.id, value)}
                          onChange={(v) =>
                            updateDraft(
                              `Answer “${q.label}”`,
                              (d) => setAnswer(d, q.id, v),
                              `answer:${draft.id}:${q.id}`,
                            )
                          }
                        />
                      );
                    })}
                  </div>
                ))
              )}
            </section>

            {template?.kind === 'business-case' && (
              <BusinessCaseForms
                data={draft.businessCase}
                workbook={workbook}
                edit={(label, recipe, key) =>
                  updateDraft(
                    label,
                    (d) => {
                      d.businessCase ??= emptyBusinessCase();
                      recipe(d.businessCase);
                    },
                    key && `${key}:${draft.id}`,
                  )
                }
              />
            )}

            <ReadinessChecklist
              items={readiness}
              missingFacts={missingFacts}
              otherWarnings={otherWarnings}
              onFix={fix}
              describeTarget={describeTarget}
            />

            <ExportPanel
              choice={choice}
              onChoice={setChoice}
              mode={mode}
              onMode={(m) => {
                setMode(m);
                setShowErrors(false);
              }}
              finalBlockers={finalBlockers.length + missingFacts.length}
              attachWorkbook={attachWorkbook}
              onAttachWorkbook={setAttachWorkbook}
              job={job}
              files={files}
              onExport={() => void exportNow()}
              onCancel={() => void cancel()}
            />
          </div>

          <section
            className="panel documents-preview"
            id={PANE_IDS.preview}
            aria-labelledby="preview-heading"
            {...(narrow ? { role: 'tabpanel', hidden: pane !== 'preview' } : {})}
          >
            <h2 id="preview-heading">Preview</h2>
            {preview?.kind === 'ready' ? (
              <DocumentPreview
                html={preview.result.html}
                title={preview.result.title}
                updating={preview.source !== workbook}
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
        </div>
      )}
    </div>
  );
}

function PartnerField(props: {
  draft: Draft;
  required: boolean;
  partners: ReadonlyArray<{ id: string; name: string }>;
  error: string | null;
  onChange: (partnerId: string | null) => void;
}) {
  const hintId = `${PARTNER_FIELD_ID}-hint`;
  const errorId = `${PARTNER_FIELD_ID}-error`;
  return (
    <div className={`field${props.error ? ' field-error' : ''}`}>
      <label htmlFor={PARTNER_FIELD_ID}>
        Partner
        {props.required && <span className="required"> (required)</span>}
      </label>
      <div id={hintId} className="hint">
        {props.partners.length === 0
          ? 'This workbook has no partners yet. Add the partner organisation to the workbook first.'
          : 'The organisation this document is addressed to. Its objectives are matched with the council’s.'}
      </div>
      {props.error && (
        <div id={errorId} className="error-message">
          <span className="visually-hidden">Error: </span>
          {props.error}
        </div>
      )}
      <select
        id={PARTNER_FIELD_ID}
        value={props.draft.partnerId ?? ''}
        aria-describedby={[hintId, props.error ? errorId : ''].filter(Boolean).join(' ')}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.required || undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">Choose a partner…</option>
        {props.partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
