/**
 * Walking the map: one objective at a time, the room proposes how strongly each service contributes (● strong,
 * ○ medium, △ weak, or none) and why, the facilitator asks "can anyone not live with this?", records reasoned
 * objections, and marks the link agreed. Only agreed links go to the map (on the Results tab).
 */
import { useId, useState } from 'react';
import { CONFIDENCE_LEVELS, STRENGTHS, type Strength } from '../../../../shared/model/vocabulary';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import {
  agreeProblems,
  existingLink,
  findProposal,
  propose,
  setAgreed,
  strengthText,
  walkObjectives,
  walkProgress,
  walkServices,
  type ProposalPatch,
} from '../../../../shared/workshop/walk-the-map';
import { useWorkbookStore } from '../../state/workbook-store';
import { InlineText } from './InlineText';
import { useSessionStore } from './session-store';
import { editActivity, park } from './use-workshop';

type Walk = Extract<Activity, { kind: 'walk-the-map' }>;

export function WalkActivity({ workshop: w, activity: a }: { workshop: Workshop; activity: Walk }) {
  const wb = useWorkbookStore((s) => s.workbook);
  const view = useSessionStore((s) => s.view);
  const [index, setIndex] = useState(() =>
    view.screen === 'activity' && view.activityId === a.id ? (view.objectiveIndex ?? 0) : 0,
  );
  const [adding, setAdding] = useState('');
  const ids = { objective: useId(), add: useId() };
  if (!wb) return null;
  const objectives = walkObjectives(wb, a);
  const services = walkServices(wb, a);
  const progress = walkProgress(wb, a);
  const i = Math.min(index, Math.max(0, objectives.length - 1));
  const objective = objectives[i];
  if (!objective)
    return (
      <p className="muted">
        There are no objectives to walk through. Add objectives, or widen this activity’s scope.
      </p>
    );

  const discussed = services.filter(
    (s) => existingLink(wb, s.id, objective.id) || findProposal(a, s.id, objective.id),
  );
  const others = services.filter((s) => !discussed.includes(s));
  const go = (next: number) => {
    setIndex(next);
    useSessionStore.getState().show({ screen: 'activity', activityId: a.id, objectiveIndex: next });
  };
  const change = (serviceId: string, patch: ProposalPatch, label: string, key?: string) =>
    editActivity(
      label,
      w.id,
      a,
      (act, _w, dwb) => void propose(act, dwb, serviceId, objective.id, patch),
      key,
    );
  const agree = (serviceId: string, agreed: boolean) =>
    editActivity(agreed ? 'Agree a link' : 'Reopen a link', w.id, a, (act, _w, dwb) => {
      propose(act, dwb, serviceId, objective.id, {});
      setAgreed(act, serviceId, objective.id, agreed);
    });

  return (
    <div className="ws-walk">
      <p className="panel">
        For each service: propose a strength and say why, then ask{' '}
        <strong>“can anyone not live with this?”</strong> Record any reasoned objection; adjust the strength,
        or park it with an owner.
      </p>
      <div className="ws-walk-nav">
        <div className="field">
          <label htmlFor={ids.objective}>Objective</label>
          <select id={ids.objective} value={i} onChange={(e) => go(Number(e.target.value))}>
            {objectives.map((o, n) => {
              const pr = progress[n]!;
              return (
                <option key={o.id} value={n}>
                  {n + 1}. {o.title} ({pr.agreed} agreed)
                </option>
              );
            })}
          </select>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={i === 0}
            onClick={() => go(i - 1)}
          >
            Previous objective
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={i >= objectives.length - 1}
            onClick={() => go(i + 1)}
          >
            Next objective
          </button>
          <button type="button" className="button button-secondary" onClick={() => go(i)}>
            Show this objective on the screen
          </button>
        </div>
      </div>
      <h4>
        Objective {i + 1} of {objectives.length}: {objective.title}
      </h4>
      {discussed.length === 0 && (
        <p className="muted">
          No service is linked to this objective yet. Add one the room wants to discuss.
        </p>
      )}
      <ul className="plain-list">
        {discussed.map((s) => {
          const link = existingLink(wb, s.id, objective.id);
          const p = findProposal(a, s.id, objective.id);
          const strength = p?.strength ?? link?.strength ?? 0;
          const blocked = p
            ? agreeProblems(p)
            : agreeProblems({ strength, rationale: link?.rationale ?? '' });
          return (
            <li key={s.id} className={`ws-link${p?.agreed ? ' ws-link-agreed' : ''}`}>
              <div className="ws-link-head">
                <strong>{s.name}</strong>
                <span className="muted">
                  On the map now: {link ? strengthText(link.strength) : 'not linked'}
                </span>
              </div>
              <fieldset className="ws-strengths">
                <legend>
                  Proposed strength<span className="visually-hidden"> for {s.name}</span>
                </legend>
                {STRENGTHS.map((st) => (
                  <label key={st.value} className="radio ws-strength">
                    <input
                      type="radio"
                      name={`strength-${a.id}-${objective.id}-${s.id}`}
                      checked={strength === st.value}
                      onChange={() => change(s.id, { strength: st.value as Strength }, 'Propose a strength')}
                    />
                    <span>{strengthText(st.value as Strength)}</span>
                  </label>
                ))}
              </fieldset>
              <div className="ws-link-fields">
                <label className="ws-inline-label">
                  <span>Why (as the room puts it)</span>
                  <InlineText
                    label={`Why ${s.name} contributes`}
                    multiline
                    maxLength={20_000}
                    value={p?.rationale ?? link?.rationale ?? ''}
                    onCommit={(v) =>
                      change(
                        s.id,
                        { rationale: v },
                        'Change the rationale',
                        `walk:${a.id}:${s.id}:${objective.id}:why`,
                      )
                    }
                  />
                </label>
                <label className="ws-inline-label">
                  <span>Objections and other views</span>
                  <InlineText
                    label={`Objections about ${s.name}`}
                    multiline
                    maxLength={20_000}
                    value={p?.objections ?? ''}
                    onCommit={(v) =>
                      change(
                        s.id,
                        { objections: v },
                        'Record an objection',
                        `walk:${a.id}:${s.id}:${objective.id}:obj`,
                      )
                    }
                  />
                </label>
                <label className="ws-inline-label">
                  <span>Confidence</span>
                  <select
                    value={p?.confidence ?? link?.confidence ?? 'medium'}
                    onChange={(e) =>
                      change(
                        s.id,
                        { confidence: e.target.value as (typeof CONFIDENCE_LEVELS)[number] },
                        'Change the confidence',
                      )
                    }
                  >
                    {CONFIDENCE_LEVELS.map((c) => (
                      <option key={c} value={c}>
                        {c[0]!.toUpperCase() + c.slice(1)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <div className="button-row">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={p?.agreed ?? false}
                    disabled={!p?.agreed && blocked.length > 0}
                    onChange={(e) => agree(s.id, e.target.checked)}
                    aria-describedby={blocked.length > 0 ? `why-${s.id}` : undefined}
                  />
                  <span>Agreed by the room</span>
                </label>
                {blocked.length > 0 && !p?.agreed && (
                  <span id={`why-${s.id}`} className="muted">
                    {blocked[0]}
                  </span>
                )}
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    park(
                      'Park a link for later',
                      w.id,
                      `${s.name} and “${objective.title}”: agree the strength`,
                    )
                  }
                >
                  Park<span className="visually-hidden"> the link between {s.name} and this objective</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {others.length > 0 && (
        <div className="ws-add-activity">
          <div className="field">
            <label htmlFor={ids.add}>Discuss another service for this objective</label>
            <select id={ids.add} value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">Choose a service</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button-secondary"
            disabled={!adding}
            onClick={() => {
              change(adding, { strength: 1 }, 'Propose a new link');
              setAdding('');
            }}
          >
            Add to the discussion
          </button>
        </div>
      )}
    </div>
  );
}
