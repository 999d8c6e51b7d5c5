/**
 * Planning a workshop: what it is for and how much the room can change (said plainly at the start and in the
 * report), who facilitates and their stake, who is coming (by name, or just a count with organisations), the
 * anonymity chosen before anything is captured, and the agenda of timed activities.
 */
import { useState } from 'react';
import { INFLUENCE_LEVELS, type Workshop } from '../../../../shared/model/workbook-schema';
import { headCount, INFLUENCE_TEXT } from '../../../../shared/workshop/kinds';
import { hasContent } from '../../../../shared/workshop/operations';
import type { WorkshopTextField } from '../../../../shared/workshop/plan-edits';
import { DateField, NumberField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { ask } from '../../state/ui-store';
import { AgendaEditor } from './AgendaEditor';
import {
  addOrganisation,
  addParticipant,
  changeAnonymity,
  changeHeadCount,
  changeInfluence,
  changeOrganisationCount,
  changeParticipant,
  changeWorkshopDate,
  changeWorkshopText,
  removeOrganisation,
  removeParticipant,
  renameOrganisation,
} from './commands';

export function PlanPanel({ workshop: w }: { workshop: Workshop }) {
  const [namesMode, setNamesMode] = useState(w.participants.length > 0);
  const text = (field: WorkshopTextField, label: string) => (value: string) =>
    changeWorkshopText(w.id, field, label, value);
  const content = hasContent(w);

  const chooseAnonymity = async (level: Workshop['anonymity']) => {
    if (level === w.anonymity) return;
    if (level === 'anonymous' && content) {
      const answer = await ask({
        title: 'Make this workshop anonymous?',
        body: [
          'The names of the people who suggested ideas and who cast each ballot will be erased, not just hidden. This cannot be reversed by switching back.',
        ],
        buttons: [
          { id: 'erase', label: 'Make anonymous and erase names', kind: 'danger' },
          { id: 'cancel', label: 'Keep names' },
        ],
        cancelId: 'cancel',
      });
      if (answer !== 'erase') return;
    }
    changeAnonymity(w.id, level);
  };

  return (
    <div className="ws-plan">
      <section aria-labelledby="ws-about">
        <h2 id="ws-about">About the workshop</h2>
        <div className="two-columns">
          <TextField
            label="Title"
            value={w.title}
            required
            onCommit={text('title', 'title')}
            validate={(v) => (v.trim() ? null : 'Give the workshop a title')}
          />
          <DateField label="Date" value={w.date} onCommit={(v) => changeWorkshopDate(w.id, v)} />
          <TextField label="Venue" value={w.venue} onCommit={text('venue', 'venue')} />
          <TextField
            label="Facilitator"
            value={w.facilitator}
            onCommit={text('facilitator', 'facilitator')}
          />
          <TextField
            label="Facilitator’s role"
            value={w.facilitatorRole}
            hint="For example: Head of Libraries"
            onCommit={text('facilitatorRole', 'facilitator’s role')}
          />
          <TextField
            label="Facilitator’s stake in the outcome"
            value={w.facilitatorStake}
            hint="Say so if the facilitator is not independent, for example a library manager running a session about libraries."
            onCommit={text('facilitatorStake', 'facilitator’s stake')}
          />
        </div>
        <TextField
          label="Purpose"
          multiline
          value={w.purpose}
          hint="What the workshop is for and the decision it feeds. Shown on the projector at the start and in the report."
          onCommit={text('purpose', 'purpose')}
        />
        <fieldset className="field checkbox-group field-wide">
          <legend>What the room can change</legend>
          <div className="hint">
            Choose honestly; the default does not overstate it. This is said at the start and in the report.
          </div>
          {INFLUENCE_LEVELS.map((level) => (
            <label key={level} className="radio">
              <input
                type="radio"
                name={`influence-${w.id}`}
                checked={w.influence === level}
                onChange={() => changeInfluence(w.id, level)}
              />
              <span>
                <strong>{INFLUENCE_TEXT[level].label}:</strong> {INFLUENCE_TEXT[level].description}
              </span>
            </label>
          ))}
        </fieldset>
        <div className="two-columns">
          <TextField
            label="Who decides afterwards"
            value={w.whoDecides}
            onCommit={text('whoDecides', 'decision maker')}
          />
          <TextField
            label="Out of scope, or cannot change"
            multiline
            value={w.outOfScope}
            onCommit={text('outOfScope', 'scope')}
          />
        </div>
        <TextField
          label="Access arrangements"
          multiline
          value={w.accessNeeds}
          hint="What was asked for and arranged: a hearing loop, large print, step-free access. Not anyone’s diagnosis."
          onCommit={text('accessNeeds', 'access arrangements')}
        />
      </section>

      <section aria-labelledby="ws-people">
        <h2 id="ws-people">Who is coming</h2>
        <fieldset className="field checkbox-group field-wide">
          <legend>Anonymity</legend>
          <div className="hint">
            Chosen before anything is captured. Anonymous means no author or voter is stored at all. It can be
            made stricter later, never looser.
          </div>
          <label className="radio">
            <input
              type="radio"
              name={`anonymity-${w.id}`}
              checked={w.anonymity === 'anonymous'}
              onChange={() => void chooseAnonymity('anonymous')}
            />
            <span>Anonymous: ideas and votes are not linked to anyone</span>
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`anonymity-${w.id}`}
              checked={w.anonymity === 'named'}
              disabled={w.anonymity === 'anonymous' && content}
              onChange={() => void chooseAnonymity('named')}
            />
            <span>
              Named: ideas and ballots may record who they came from
              {w.anonymity === 'anonymous' && content && (
                <span className="muted"> (not available: content has already been captured anonymously)</span>
              )}
            </span>
          </label>
        </fieldset>
        <fieldset className="field checkbox-group field-wide">
          <legend>Participants</legend>
          <label className="radio">
            <input
              type="radio"
              name={`people-${w.id}`}
              checked={!namesMode}
              onChange={() => setNamesMode(false)}
              disabled={w.participants.length > 0}
            />
            <span>Just a count, with the organisations they come from</span>
          </label>
          <label className="radio">
            <input
              type="radio"
              name={`people-${w.id}`}
              checked={namesMode}
              onChange={() => setNamesMode(true)}
            />
            <span>By name</span>
          </label>
        </fieldset>
        {namesMode ? <NamedParticipants workshop={w} /> : <CountedParticipants workshop={w} />}
        <p className="muted">Expected voters: {headCount(w)}.</p>
      </section>

      <section aria-labelledby="ws-agenda">
        <h2 id="ws-agenda">Agenda</h2>
        <AgendaEditor workshop={w} />
      </section>
    </div>
  );
}

function NamedParticipants({ workshop: w }: { workshop: Workshop }) {
  const add = () => {
    const id = addParticipant(w.id);
    requestAnimationFrame(() => document.getElementById(`ppt-${id}-name`)?.focus());
  };
  return (
    <div>
      {w.participants.length === 0 && <p className="muted">No one added yet.</p>}
      <ul className="plain-list ws-rows">
        {w.participants.map((p, i) => (
          <li key={p.id} className="ws-row">
            <TextField
              id={`ppt-${p.id}-name`}
              label={`Participant ${i + 1}: name`}
              value={p.name}
              onCommit={(v) => changeParticipant(w.id, p.id, 'name', v)}
            />
            <TextField
              label="Organisation"
              value={p.organisation}
              onCommit={(v) => changeParticipant(w.id, p.id, 'organisation', v)}
            />
            <TextField
              label="Role"
              value={p.role}
              onCommit={(v) => changeParticipant(w.id, p.id, 'role', v)}
            />
            <button
              type="button"
              className="button button-secondary ws-row-remove"
              onClick={() => removeParticipant(w.id, p.id)}
            >
              Remove<span className="visually-hidden"> participant {i + 1}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-secondary" onClick={add}>
        Add a participant
      </button>
    </div>
  );
}

function CountedParticipants({ workshop: w }: { workshop: Workshop }) {
  const add = () => addOrganisation(w.id);
  return (
    <div>
      <NumberField
        label="How many people"
        value={w.participantCount}
        min={0}
        hint="Leave 0 to add up the organisations below."
        onCommit={(v) => changeHeadCount(w.id, v)}
      />
      <ul className="plain-list ws-rows">
        {w.organisations.map((o, i) => (
          <li key={i} className="ws-row">
            <TextField
              label={`Organisation ${i + 1}`}
              value={o.name}
              validate={(v) => (v.trim() ? null : 'Name the organisation')}
              onCommit={(v) => renameOrganisation(w.id, i, v)}
            />
            <NumberField
              label="People"
              value={o.count}
              min={0}
              onCommit={(v) => changeOrganisationCount(w.id, i, v)}
            />
            <button
              type="button"
              className="button button-secondary ws-row-remove"
              onClick={() => removeOrganisation(w.id, i)}
            >
              Remove<span className="visually-hidden"> {o.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-secondary" onClick={add}>
        Add an organisation
      </button>
    </div>
  );
}
