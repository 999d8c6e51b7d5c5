/**
 * The 153 English library authorities (derived from ../shared/data by scripts/derive-reference-data.ts).
 */
import type { Authority } from '../model/workbook-schema';
import type { AuthorityType } from '../model/vocabulary';
import data from './data/authorities.json' with { type: 'json' };

export interface AuthorityRecord {
  readonly gss: string;
  readonly name: string;
  readonly officialName: string;
  readonly type: AuthorityType;
  readonly region: string;
  readonly population2020: number | null;
  readonly serviceUrl: string;
  readonly openStaticLibraries2023: number;
}

export const AUTHORITIES: ReadonlyArray<AuthorityRecord> = data as AuthorityRecord[];

export function findAuthority(gss: string): AuthorityRecord | undefined {
  return AUTHORITIES.find((a) => a.gss === gss);
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Type-ahead search: a GSS code, the start of the service name or of any word in it, or anywhere in the
 * official name. Best matches first, then alphabetical.
 */
export function searchAuthorities(query: string, limit = 20): AuthorityRecord[] {
  const q = fold(query);
  if (q === '') return AUTHORITIES.slice(0, limit);
  const scored: Array<{ a: AuthorityRecord; score: number }> = [];
  for (const a of AUTHORITIES) {
    const name = fold(a.name);
    const official = fold(a.officialName);
    let score = 0;
    if (a.gss.toLowerCase() === q.replace(/ /g, '')) score = 100;
    else if (name === q) score = 90;
    else if (name.startsWith(q)) score = 80;
    else if (name.split(' ').some((w) => w.startsWith(q)) || name.includes(` ${q}`)) score = 60;
    else if (official.includes(q)) score = 40;
    else if (a.gss.toLowerCase().startsWith(q.replace(/ /g, ''))) score = 30;
    else if (name.includes(q)) score = 20;
    if (score > 0) scored.push({ a, score });
  }
  scored.sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name, 'en-GB'));
  return scored.slice(0, limit).map((s) => s.a);
}

export function toWorkbookAuthority(a: AuthorityRecord): Authority {
  return { gss: a.gss, name: a.name, type: a.type, region: a.region, population: null };
}
