/** UK-style wording the workshop screens, kit and report share, from the document engine's formatting. */
import { formatDate, isoDate } from '../documents/template/format';

export { listInWords, plural } from '../documents/template/format';

/** "12 February 2025" from "2025-02-12"; the text unchanged when it is not an ISO date. */
export function longDate(iso: string | null | undefined): string {
  return iso ? formatDate(iso) : '';
}

/** Today's date as ISO (yyyy-mm-dd) in local time, for records made today. */
export function isoToday(now: Date = new Date()): string {
  return isoDate(now);
}

/** Ends a sentence built around a title with a full stop, unless the title already ends with ., ? or !. */
export function endSentence(text: string): string {
  const t = text.trimEnd();
  return /[.?!…]$/.test(t) ? t : `${t}.`;
}
