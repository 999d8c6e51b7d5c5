import type { Activity } from '../../../../../shared/model/workbook-schema';

/** A dot vote or a points allocation: the two ballots the console runs the same way. */
export type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;
