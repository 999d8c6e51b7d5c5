/** The activity dataset loaded up front, for the document engine and the command line (the renderer uses loadActivity). */
import type { ActivityDataset } from './activity';
import data from './data/activity-2023-24.json' with { type: 'json' };

export const ACTIVITY: ActivityDataset = data as unknown as ActivityDataset;
