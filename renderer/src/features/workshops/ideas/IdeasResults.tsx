/**
 * The ideas taken so far, grouped (clusters named after grouping): each can be reworded, regrouped or deleted,
 * and duplicates merged, only on an explicit confirmation. An idea on a vote that is open is neither merged nor
 * deleted until the results are revealed.
 */
import { useState } from 'react';
import type { Idea, Workshop } from '../../../../../shared/model/workbook-schema';
import type { IdeasActivity } from '../../../../../shared/workshop/activity-edits';
import { openVotesUsing } from '../../../../../shared/workshop/operations';
import { showError, showStatus } from '../../../state/ui-store';
import { deleteIdea, editIdea, mergeIdeas } from '../commands';
import { InlineText } from '../InlineText';
import { MergeDialog } from '../MergeDialog';
import { useOptionLabel } from '../use-workshop';

export function IdeasResults({
  workshop: w,
  activity: a,
  groupsListId,
}: {
  workshop: Workshop;
  activity: IdeasActivity;
  groupsListId: string;
}) {
  const label = useOptionLabel(w);
  const [selected, setSelected] = useState<string[]>([]);
  const ids = { groups: groupsListId };

  const update = (ideaId: string, patch: Partial<Pick<Idea, 'text' | 'group' | 'targetId'>>, key: string) =>
    editIdea(w.id, a, ideaId, patch, key);

  // Once voting opens its options are frozen: an idea on an open ballot is neither merged nor deleted.
  const frozen = (ids: string[]) => {
    const votes = openVotesUsing(w, ids);
    if (votes.length > 0)
      showError(
        `Voting is open on ${votes.map((t) => `“${t}”`).join(' and ')}, which has this idea as an option. Reveal the results first.`,
      );
    return votes.length > 0;
  };

  const [merging, setMerging] = useState<Idea[] | null>(null);
  // The ideas in the order they were ticked, so the first one ticked is offered as the one to keep.
  const merge = () => {
    const chosen = selected.map((id) => a.ideas.find((i) => i.id === id)).filter((i): i is Idea => !!i);
    if (chosen.length < 2 || frozen(selected)) return;
    setMerging(chosen);
  };
  const finishMerge = (choice: { keepId: string; wording: string } | null) => {
    const chosen = merging ?? [];
    setMerging(null);
    if (!choice) return;
    mergeIdeas(
      w.id,
      choice.keepId,
      chosen.map((i) => i.id).filter((id) => id !== choice.keepId),
      choice.wording,
    );
    setSelected([]);
    showStatus(`Merged into “${choice.wording.trim()}”.`);
  };

  const byGroup = new Map<string, Idea[]>();
  for (const i of a.ideas) {
    const g = i.group || 'Not grouped yet';
    byGroup.set(g, [...(byGroup.get(g) ?? []), i]);
  }

  return (
    <>
      <h4>
        {a.ideas.length} {a.ideas.length === 1 ? 'idea' : 'ideas'}
      </h4>
      {selected.length > 1 && (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={merge}>
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
                    commitOn="enter-or-blur"
                    onCommit={(v) => update(idea.id, { group: v }, 'group')}
                  />
                  {idea.targetId && <span className="muted ws-idea-target">For: {label(idea.targetId)}</span>}
                  {idea.becameId && <span className="tag">Transferred</span>}
                </div>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => !frozen([idea.id]) && deleteIdea(w.id, idea.id)}
                >
                  Delete<span className="visually-hidden"> “{idea.text}”</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {merging && <MergeDialog ideas={merging} onDone={finishMerge} />}
    </>
  );
}
