/**
 * Taking ideas from the room: everyone writes silently first; then the facilitator types each idea against an
 * objective or service, one at a time. In an anonymous workshop no author is asked for (or kept).
 */
import { useId, useState } from 'react';
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import type { IdeasActivity } from '../../../../../shared/workshop/activity-edits';
import { showStatus } from '../../../state/ui-store';
import { addIdea } from '../commands';
import { useOptionLabel } from '../use-workshop';

export function IdeasLive({
  workshop: w,
  activity: a,
  groupsListId,
}: {
  workshop: Workshop;
  activity: IdeasActivity;
  groupsListId: string;
}) {
  const label = useOptionLabel(w);
  const targets = [...a.scope.objectiveIds, ...a.scope.serviceIds];
  const [text, setText] = useState('');
  const [group, setGroup] = useState('');
  // Until the facilitator picks, ideas are for the first objective or service in the activity's scope.
  const [picked, setTarget] = useState<string | null>(null);
  const target = picked !== null && (picked === '' || targets.includes(picked)) ? picked : (targets[0] ?? '');
  const [author, setAuthor] = useState('');
  const ids = { text: useId(), group: useId(), target: useId(), author: useId(), groups: groupsListId };
  const groups = [...new Set(a.ideas.map((i) => i.group).filter(Boolean))];
  const named = w.anonymity === 'named';

  const add = () => {
    const idea = addIdea(w.id, a, { text, group, targetId: target || null, author });
    if (!idea) return;
    setText('');
    showStatus(`Idea added: ${text.trim()}`);
    document.getElementById(ids.text)?.focus();
  };

  return (
    <>
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
    </>
  );
}
