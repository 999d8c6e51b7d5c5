/**
 * Stable, readable ids: a kind prefix and 12 random base-32 characters ("svc_3k9q…").
 * The prefix makes a file readable and error messages clear; the random part keeps two copies of a workbook
 * edited apart from colliding when they are merged.
 */
import { z } from 'zod';

export const ID_PREFIXES = {
  workbook: 'wb',
  objective: 'obj',
  kpi: 'kpi',
  service: 'svc',
  measure: 'msr',
  alignment: 'aln',
  evidence: 'evd',
  partner: 'ptn',
  partnerObjective: 'pob',
  workshop: 'wks',
  participant: 'ppt',
  activity: 'act',
  idea: 'ide',
  decision: 'dec',
  action: 'acn',
  parked: 'prk',
  ballot: 'blt',
  draft: 'drf',
  figure: 'fig',
  /** Business case data: options, cost/benefit/funding lines, criteria, and plan rows (milestones, benefits, risks). */
  option: 'opt',
  caseLine: 'cln',
  criterion: 'csf',
  caseRow: 'bcr',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export function newId(kind: IdKind): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${ID_PREFIXES[kind]}_${out}`;
}

/** Ids are short tokens; anything else in an id field (spaces, markup, 50 MB strings) is refused. */
export const IdSchema = z
  .string()
  .min(1, 'Id is empty')
  .max(64, 'Id is longer than 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Id may contain only letters, digits, "_" and "-"');
