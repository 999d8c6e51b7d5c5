import { useId, useState, type ReactNode } from 'react';
import { inTreeOrder } from '../../../../shared/analysis/hierarchy';
import { formatMoney, parseMoney } from '../../../../shared/text/numbers';
import type { TemplateInfo } from '../../../../shared/ipc/documents-contract';
import type { Period } from '../../../../shared/model/periods';
import type { Draft, DraftScope, Workbook } from '../../../../shared/model/workbook-schema';
import { PeriodField } from '../../components/PeriodField';
import { scopeServiceIds } from '../../../../shared/documents/facts/scope';
import { wordMatcher } from '../../../../shared/text/word-search';

/** The field the readiness checklist's "choose the services" item takes the officer to. */
export const SCOPE_FIELD_ID = 'doc-scope-services-search';

interface ChecklistItem {
  readonly id: string;
  readonly label: string;
  readonly depth: number;
}

/**
 * A searchable list of checkboxes: native checkboxes (Tab to the list, Space to tick), a search box that narrows
 * what is shown, a count of what is chosen announced as it changes, and buttons for everything shown.
 */
function SearchableChecklist(props: {
  legend: string;
  hint: ReactNode;
  searchId?: string;
  searchLabel: string;
  noun: readonly [string, string];
  items: readonly ChecklistItem[];
  selected: ReadonlySet<string>;
  onChange: (ids: readonly string[], checked: boolean, label: string) => void;
}) {
  const base = useId();
  const searchId = props.searchId ?? `${base}-search`;
  const [query, setQuery] = useState('');
  const matches = wordMatcher(query);
  const shown = props.items.filter((i) => matches(i.label));
  const count = props.items.filter((i) => props.selected.has(i.id)).length;
  const [one, many] = props.noun;
  const shownIds = shown.map((i) => i.id);
  return (
    <fieldset className="checkbox-group scope-checklist" aria-describedby={`${base}-hint`}>
      <legend>{props.legend}</legend>
      <div id={`${base}-hint`} className="hint">
        {props.hint}
      </div>
      <div className="field scope-search">
        <label htmlFor={searchId}>{props.searchLabel}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${base}-count`}
        />
      </div>
      <p id={`${base}-count`} className="scope-count" aria-live="polite">
        {count} of {props.items.length} {props.items.length === 1 ? one : many} chosen
        {query.trim() !== '' && `; ${shown.length} shown`}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={shown.length === 0 || shown.every((i) => props.selected.has(i.id))}
          onClick={() => props.onChange(shownIds, true, `Choose every ${one} shown`)}
        >
          Choose all shown
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={!shown.some((i) => props.selected.has(i.id))}
          onClick={() => props.onChange(shownIds, false, `Clear every ${one} shown`)}
        >
          Clear all shown
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="muted">
          No {many} match “{query}”.
        </p>
      ) : (
        <ul className="plain-list scope-list">
          {shown.map((i) => (
            <li key={i.id} style={i.depth > 0 ? { paddingLeft: `${i.depth * 1.25}rem` } : undefined}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={props.selected.has(i.id)}
                  onChange={(e) => props.onChange([i.id], e.target.checked, i.label)}
                />
                <span>{i.label}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** The sum asked for: typed as councils write it ("£85k", "85,000"), kept as typed while the field has focus. */
function AmountField(props: { value: number | null; onCommit: (value: number | null) => void }) {
  const id = useId();
  const [typing, setTyping] = useState<string | null>(null);
  const shown = typing ?? (props.value === null ? '' : formatMoney(props.value));
  const invalid = typing !== null && typing.trim() !== '' && parseMoney(typing) === null;
  return (
    <div className={`field${invalid ? ' field-error' : ''}`}>
      <label htmlFor={id}>Sum asked for</label>
      <div id={`${id}-hint`} className="hint">
        In pounds, for example £85,000 or £85k. Leave empty when the document asks for no money.
      </div>
      {invalid && (
        <div id={`${id}-error`} className="error-message">
          <span className="visually-hidden">Error: </span>Enter the sum as an amount in pounds, such as
          £85,000
        </div>
      )}
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={shown}
        aria-invalid={invalid || undefined}
        aria-describedby={[`${id}-hint`, invalid ? `${id}-error` : ''].filter(Boolean).join(' ')}
        onFocus={() => setTyping(shown)}
        onBlur={() => setTyping(null)}
        onChange={(e) => {
          const text = e.target.value;
          setTyping(text);
          const amount = text.trim() === '' ? null : parseMoney(text);
          if ((text.trim() === '' || amount !== null) && amount !== props.value)
            props.onCommit(amount !== null && amount >= 0 ? amount : null);
        }}
      />
    </div>
  );
}

/**
 * What the document proposes, set before anything else: the services in scope, the objectives they serve, the
 * partner where the template takes one, and the sum asked for over its period. A whole-service template says so
 * instead of offering a choice.
 */
export function ScopeEditor(props: {
  template: TemplateInfo;
  draft: Draft;
  workbook: Workbook;
  partnerField: ReactNode;
  onServices: (ids: readonly string[], inScope: boolean, label: string) => void;
  onObjectives: (ids: readonly string[], inScope: boolean, label: string) => void;
  onAmount: (amount: number | null) => void;
  onPeriod: (period: Period) => void;
}) {
  const { template, draft, workbook } = props;
  const scope: DraftScope = draft.scope;
  if (template.scope === 'whole-service')
    return (
      <section className="panel" aria-labelledby="scope-heading">
        <h2 id="scope-heading">Scope</h2>
        <p>
          This document describes the whole library service: all {workbook.services.length}{' '}
          {workbook.services.length === 1 ? 'service' : 'services'} and every objective they contribute to.
        </p>
        {props.partnerField}
      </section>
    );
  const services = new Set(scopeServiceIds(workbook, scope));
  const objectives = new Set(scope.objectiveIds);
  return (
    <section className="panel" aria-labelledby="scope-heading">
      <h2 id="scope-heading">Scope</h2>
      <p>
        Say what this document proposes first: its figures, tables and charts cover only what is in scope.
      </p>
      {workbook.services.length === 0 ? (
        <p className="panel panel-warning">
          This workbook has no services yet. Add them in the Services step, then choose the ones this proposal
          is about.
        </p>
      ) : (
        <SearchableChecklist
          legend="Services in scope"
          hint="The services this proposal is about. The rest of the library service appears only where a section describes it as context."
          searchId={SCOPE_FIELD_ID}
          searchLabel="Search services"
          noun={['service', 'services']}
          items={workbook.services.map((s) => ({ id: s.id, label: s.name, depth: 0 }))}
          selected={services}
          onChange={props.onServices}
        />
      )}
      {workbook.objectives.length > 0 && (
        <SearchableChecklist
          legend="Objectives and outcomes it serves (optional)"
          hint="Leave these unticked to use every objective the services in scope contribute to."
          searchLabel="Search objectives"
          noun={['objective', 'objectives']}
          items={inTreeOrder(workbook.objectives).map(({ objective, depth }) => ({
            id: objective.id,
            label: objective.title,
            depth,
          }))}
          selected={objectives}
          onChange={props.onObjectives}
        />
      )}
      {props.partnerField}
      <AmountField value={scope.amount} onCommit={props.onAmount} />
      <PeriodField label="Period the sum covers" value={scope.period} onCommit={props.onPeriod} />
    </section>
  );
}
