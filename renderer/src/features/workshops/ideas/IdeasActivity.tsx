/**
 * Idea capture in the console. There is nothing to set up here (what the ideas are for comes from the activity's
 * scope on the agenda): taking ideas from the room (IdeasLive) sits above the ideas so far, grouped and merged
 * (IdeasResults).
 */
import { useId } from 'react';
import type { Workshop } from '../../../../../shared/model/workbook-schema';
import type { IdeasActivity as Ideas } from '../../../../../shared/workshop/activity-edits';
import { IdeasLive } from './IdeasLive';
import { IdeasResults } from './IdeasResults';

export function IdeasActivity({ workshop: w, activity: a }: { workshop: Workshop; activity: Ideas }) {
  // Both parts offer the groups already named, from one list.
  const groups = useId();
  return (
    <div className="ws-ideas ws-fill">
      <IdeasLive workshop={w} activity={a} groupsListId={groups} />
      {/* The New idea box stays put while the ideas so far scroll. */}
      <div className="ws-activity-scroll">
        <IdeasResults workshop={w} activity={a} groupsListId={groups} />
      </div>
    </div>
  );
}
