/**
 * Idea capture: the room writes silently first; then the facilitator types each idea against an objective or
 * service, one at a time. Ideas are grouped (clusters named after grouping), edited, and merged only on an
 * explicit confirmation. In an anonymous workshop no author is asked for or stored.
 */
import { useId, useState } from 'react';
import { newId } from '../../../../shared/model/ids';
import type { Activity, Idea, Workshop } from '../../../../shared/model/workbook-schema';
import { mergeIdeas, openVotesUsing, removeIdeas } from '../../../../shared/workshop/operations';
import { ask, showError, showStatus } from '../../state/ui-store';
import { InlineText } from './InlineText';
import { editActivity, editWorkshop, useOptionLabel } from './use-workshop';

type IdeasActivityT = Extract<Activity, { kind: 'ideas' }>;

export function IdeasActivity({
  workshop: w,
  activity: a,
}: {
  workshop: Workshop;
  activity: IdeasActivityT;
}) {
  const label = useOptionLabel(w);
  const targets = [...a.scope.objectiveIds, ...a.scope.serviceIds];
  const [text, setText] = useState('');
  const [group, setGroup] = useState('');
  const [target, setTarget] = useState<string>(targets[0] ?? '');
  const [author, setAuthor] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const ids = { text: useId(), group: useId(), target: useId(), author: useId(), groups: useId() };
  const groups = [...new Set(a.ideas.map((i) => i.group).filter(Boolean))];
  const named = w.anonymity === 'named';

  const add = () => {
    const t = text.trim();
    if (!t) return;
    const idea: Idea = {
      id: newId('idea'),
      text: t.slice(0, 500),
      group: group.trim().slice(0, 500),
      targetId: target || null,
      author: named ? author.trim().slice(0, 500) : '',
      becameId: null,
    };
    editActivity('Add an idea', w.id, a, (act) => void act.ideas.push(idea));
    setText('');
    showStatus(`Idea added: ${t}`);
    document.getElementById(ids.text)?.focus();
  };

  const update = (ideaId: string, patch: Partial<Pick<Idea, 'text' | 'group' | 'targetId'>>, key: string) =>
    editActivity(
      'Edit an idea',
      w.id,
      a,
      (act) => {
        const idea = act.ideas.find((i) => i.id === ideaId);
        if (idea) Object.assign(idea, patch);
      },
      `idea:${ideaId}:${key}`,
    );

  // Once voting opens its options are frozen: an idea on an open ballot is neither merged nor deleted.
  const frozen = (ids: string[]) => {
    const votes = openVotesUsing(w, ids);
    if (votes.length > 0)
      showError(
        `Voting is open on ${votes.map((t) => `“${t}”`).join(' and ')}, which has this idea as an option. Reveal the results first.`,
      );
    return votes.length > 0;
  };

  const merge = async () => {
    const [keep, ...rest] = a.ideas.filter((i) => selected.includes(i.id));
    if (!keep || rest.length === 0 || frozen(selected)) return;
    const answer = await ask({
      title: 'Merge these ideas?',
      body: [
        `Keep “${keep.text}” and merge into it: ${rest.map((r) => `“${r.text}”`).join(', ')}.`,
        'Any votes or placements for the merged ideas move to the one kept. You can undo this.',
      ],
      buttons: [
        { id: 'merge', label: 'Merge', kind: 'primary' },
        { id: 'cancel', label: 'Cancel' },
      ],
      cancelId: 'cancel',
    });
    if (answer !== 'merge') return;
    editWorkshop(
      'Merge ideas',
      w.id,
      (d) =>
        void mergeIdeas(
          d,
          keep.id,
          rest.map((r) => r.id),
        ),
    );
    setSelected([]);
  };

  const byGroup = new Map<string, Idea[]>();
  for (const i of a.ideas) {
    const g = i.group || 'Not grouped yet';
    byGroup.set(g, [...(byGroup.get(g) ?? []), i]);
  }

  return (
    <div className="ws-ideas">
      <p className="panel ws-prompt">
        Give everyone a few minutes to write silently first. Then take one idea per person per turn,{' '}
        <strong>quieter and junior voices first, senior voices last</strong>, and read each new idea aloud as
        you type it.
      </p>
      <form
        className="ws-idea-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="field field-wide">
          <label htmlFor={ids.text}>New idea</label>
          <input
            id={ids.text}
            type="text"
            value={text}
            maxLength={500}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="two-columns">
          {targets.length > 0 && (
            <div className="field">
              <label htmlFor={ids.target}>For</label>
              <select id={ids.target} value={target} onChange={(e) => setTarget(e.target.value)}>
                {targets.map((t) => (
                  <option key={t} value={t}>
                    {label(t)}
                  </option>
                ))}
                <option value="">Not about one objective or service</option>
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={ids.group}>Group (optional)</label>
            <input
              id={ids.group}
              type="text"
              list={ids.groups}
              value={group}
              maxLength={500}
              onChange={(e) => setGroup(e.target.value)}
              autoComplete="off"
            />
            <datalist id={ids.groups}>
              {groups.map((g) => (
                <option key={g} value={g} />
              ))}
            </datalist>
          </div>
          {named && (
            <div className="field">
              <label htmlFor={ids.author}>Suggested by (optional)</label>
              <input
                id={ids.author}
                type="text"
                value={author}
                maxLength={500}
                onChange={(e) => setAuthor(e.target.value)}
                autoComplete="off"
              />
            </div>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={!text.trim()}>
          Add idea
        </button>
      </form>

      <h4>
        {a.ideas.length} {a.ideas.length === 1 ? 'idea' : 'ideas'}
      </h4>
      {selected.length > 1 && (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={() => void merge()}>
            Merge {selected.length} selected ideas…
          </button>
          <button type="button" className="button button-secondary" onClick={() => setSelected([])}>
            Clear selection
          </button>
        </div>
      )}
      {[...byGroup].map(([g, ideas]) => (
        <section key={g} aria-label={g} className="ws-idea-group">
          <h5>{g}</h5>
          <ul className="plain-list">
            {ideas.map((idea) => (
              <li key={idea.id} className="ws-idea">
                <label className="checkbox ws-idea-select">
                  <input
                    type="checkbox"
                    checked={selected.includes(idea.id)}
                    onChange={() =>
                      setSelected((s) =>
                        s.includes(idea.id) ? s.filter((x) => x !== idea.id) : [...s, idea.id],
                      )
                    }
                  />
                  <span className="visually-hidden">Select “{idea.text}” to merge</span>
                </label>
                <div className="ws-idea-fields">
                  <InlineText
                    label="Idea"
                    required
                    value={idea.text}
                    onCommit={(v) => update(idea.id, { text: v }, 'text')}
                  />
                  <InlineText
                    label={`Group of “${idea.text}”`}
                    list={ids.groups}
                    value={idea.group}
                    placeholder="Group"
                    onCommit={(v) => update(idea.id, { group: v }, 'group')}
                  />
                  {idea.targetId && <span className="muted ws-idea-target">For: {label(idea.targetId)}</span>}
                  {idea.becameId && <span className="tag">Transferred</span>}
                </div>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() =>
                    !frozen([idea.id]) &&
                    editWorkshop('Delete an idea', w.id, (d) => removeIdeas(d, [idea.id]))
                  }
                >
                  Delete<span className="visually-hidden"> “{idea.text}”</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
