/**
 * How a contribution is put into words, in one place so the narrative and the tables cannot disagree: "makes a
 * strong contribution" only for a strong link, "contributes" for a medium one, "makes some contribution" for a
 * weak one, each service followed by its evidence where its links cite any. Every sentence reads right for none,
 * one and many.
 */
import { formatNumber } from '../../text/numbers';
import { listInWords } from '../../text/words';
import { contributionVerb, type Contribution, type ObjectiveFacts } from './facts';
import type { Strength } from '../../model/vocabulary';

/** A run of words, or a pointer to a piece of evidence to cite at that place. */
export type Segment = { readonly text: string } | { readonly cite: string };

/** Above this many contributing services a sentence gives counts and leaves the names to the tables. */
export const NAMES_IN_A_SENTENCE = 8;

function namesWithEvidence(group: readonly Contribution[]): Segment[] {
  const out: Segment[] = [];
  group.forEach((c, i) => {
    if (i > 0) out.push({ text: i === group.length - 1 ? ' and ' : ', ' });
    out.push({ text: c.name });
    for (const id of c.evidenceIds) out.push({ cite: id });
  });
  return out;
}

/**
 * "Reading Well [1] makes a strong contribution; Book lending and Social prescribing contribute [2]; Library
 * volunteering makes some contribution." `none` is the whole sentence when nothing contributes.
 */
export function contributionSegments(o: Pick<ObjectiveFacts, 'contributions'>, none: string): Segment[] {
  const c = o.contributions;
  if (c.length === 0) return [{ text: none }];
  const groups = ([3, 2, 1] as Strength[]).map((s) => c.filter((x) => x.strength === s)).filter((g) => g.length > 0);
  if (c.length > NAMES_IN_A_SENTENCE) {
    const parts = groups.map((g) => `${formatNumber(g.length)} ${g.length === 1 ? 'service' : 'services'} ${contributionVerb(g[0]!.strength, g.length > 1)}`);
    return [{ text: `${listInWords(parts)}; the table after this list names them.` }];
  }
  const out: Segment[] = [];
  groups.forEach((g, i) => {
    if (i > 0) out.push({ text: '; ' });
    out.push(...namesWithEvidence(g), { text: ` ${contributionVerb(g[0]!.strength, g.length > 1)}` });
  });
  out.push({ text: '.' });
  return out;
}

/** The same sentence as plain text, without citations (for the data view). */
export function contributionText(o: Pick<ObjectiveFacts, 'contributions'>, none: string): string {
  return contributionSegments(o, none)
    .map((s) => ('text' in s ? s.text : ''))
    .join('');
}
