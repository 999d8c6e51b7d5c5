import type { ReactNode } from 'react';
import type { ReadinessItem, ReadinessTarget } from '../../../../shared/documents/readiness';
import type { DocumentWarning, FinalBlockerInfo } from '../../../../shared/ipc/documents-contract';

/** Where an item in another step is fixed: the step and the kind of item Find and the Review step select there. */
const STEP_OF = { objective: 'objectives', service: 'services', link: 'map' } as const;

export interface FixTarget {
  /** A field of this step, by DOM id. */
  readonly field?: string;
  /** An item in another step. */
  readonly goTo?: {
    readonly kind: 'objective' | 'service' | 'link';
    readonly id: string;
    readonly step: string;
  };
}

export function fixTarget(
  t: ReadinessTarget,
  ids: { question: (id: string) => string; partner: string; scope: string; basedOn: string },
): FixTarget {
  switch (t.kind) {
    case 'question':
      return { field: ids.question(t.questionId) };
    case 'partner-field':
      return { field: ids.partner };
    case 'scope-field':
      return { field: ids.scope };
    case 'based-on-field':
      return { field: ids.basedOn };
    default:
      return { goTo: { kind: t.kind, id: t.id, step: STEP_OF[t.kind] } };
  }
}

function Group(props: { title: string; children: ReactNode; count: number }) {
  if (props.count === 0) return null;
  return (
    <div>
      <h3>
        {props.title} <span className="tag">{props.count}</span>
      </h3>
      <ul className="warning-list">{props.children}</ul>
    </div>
  );
}

/**
 * The readiness checklist: what the Review would say about the part of the workbook this document covers, and
 * what the draft still lacks. None of it is printed in the document. Each item is a link to where it is fixed:
 * a field here, or the objective, service or link in its own step.
 */
export function ReadinessChecklist(props: {
  items: readonly ReadinessItem[];
  /** Facts a section needs that the workbook lacks (from the preview), which also stop a final. */
  missingFacts: readonly FinalBlockerInfo[];
  otherWarnings: readonly DocumentWarning[];
  onFix: (item: ReadinessItem) => void;
  describeTarget: (item: ReadinessItem) => string;
}) {
  const blocking = props.items.filter((i) => i.blocksFinal);
  const open = props.items.filter((i) => !i.blocksFinal && i.kind === 'unanswered');
  const advice = props.items.filter((i) => !i.blocksFinal && i.kind !== 'unanswered');
  const link = (i: ReadinessItem, n: number) => (
    <li key={`${i.kind}-${n}`}>
      <button type="button" className="link-button" onClick={() => props.onFix(i)}>
        {i.message}
        <span className="visually-hidden"> ({props.describeTarget(i)})</span>
      </button>
    </li>
  );
  const nothing =
    blocking.length + advice.length + props.missingFacts.length + props.otherWarnings.length === 0;
  return (
    <section className="panel" aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Readiness checklist</h2>
      <p className="hint">
        Nothing in this list is printed in the document. Each item takes you to where it is fixed.
      </p>
      {nothing ? (
        <p>Ready: everything is answered, the scope is set, and every claim in scope cites good evidence.</p>
      ) : (
        <>
          <Group title="Stops a final" count={blocking.length + props.missingFacts.length}>
            {blocking.map(link)}
            {props.missingFacts.map((b, n) => (
              <li key={`fact-${n}`}>
                {b.where}: {b.message}
              </li>
            ))}
          </Group>
          <Group title="Worth fixing before the paper goes to committee" count={advice.length}>
            {advice.map(link)}
          </Group>
          <Group title="Questions not answered (a final leaves them out)" count={open.length}>
            {open.map(link)}
          </Group>
          <Group title="Other things to check" count={props.otherWarnings.length}>
            {props.otherWarnings.map((w, n) => (
              <li key={`${w.kind}-${n}`}>{w.message}</li>
            ))}
          </Group>
        </>
      )}
    </section>
  );
}
