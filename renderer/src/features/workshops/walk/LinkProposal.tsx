/**
 * One link the room is discussing on the map walk: the strength proposed (● strong, ○ medium, △ weak, or none)
 * and why, reasoned objections, confidence, and the room's agreement, which needs a reason for any contribution.
 * The link can be parked with an owner instead.
 */
import { CONFIDENCE_LEVELS, STRENGTHS, type Strength } from '../../../../../shared/model/vocabulary';
import type { Objective, Service, Workbook, Workshop } from '../../../../../shared/model/workbook-schema';
import {
  agreeProblems,
  existingLink,
  findProposal,
  strengthText,
  type ProposalPatch,
  type WalkTheMap,
} from '../../../../../shared/workshop/walk-the-map';
import { agreeLink, park, proposeLink } from '../commands';
import { InlineText } from '../InlineText';

export function LinkProposal({
  workshop: w,
  activity: a,
  workbook: wb,
  objective,
  service: s,
}: {
  workshop: Workshop;
  activity: WalkTheMap;
  workbook: Workbook;
  objective: Objective;
  service: Service;
}) {
  const change = (patch: ProposalPatch, label: string, key?: string) =>
    proposeLink(w.id, a, s.id, objective.id, patch, label, key);
  const link = existingLink(wb, s.id, objective.id);
  const p = findProposal(a, s.id, objective.id);
  const strength = p?.strength ?? link?.strength ?? 0;
  const blocked = p ? agreeProblems(p) : agreeProblems({ strength, rationale: link?.rationale ?? '' });
  return (
    <li key={s.id} className={`ws-link${p?.agreed ? ' ws-link-agreed' : ''}`}>
      <div className="ws-link-head">
        <strong>{s.name}</strong>
        <span className="muted">On the map now: {link ? strengthText(link.strength) : 'not linked'}</span>
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
              onChange={() => change({ strength: st.value as Strength }, 'Propose a strength')}
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
              change({ rationale: v }, 'Change the rationale', `walk:${a.id}:${s.id}:${objective.id}:why`)
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
              change({ objections: v }, 'Record an objection', `walk:${a.id}:${s.id}:${objective.id}:obj`)
            }
          />
        </label>
        <label className="ws-inline-label">
          <span>Confidence</span>
          <select
            value={p?.confidence ?? link?.confidence ?? 'medium'}
            onChange={(e) =>
              change(
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
            onChange={(e) => agreeLink(w.id, a, s.id, objective.id, e.target.checked)}
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
            park('Park a link for later', w.id, `${s.name} and “${objective.title}”: agree the strength`)
          }
        >
          Park<span className="visually-hidden"> the link between {s.name} and this objective</span>
        </button>
      </div>
    </li>
  );
}
