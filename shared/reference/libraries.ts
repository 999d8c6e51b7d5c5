/**
 * Libraries open in 2023 for each authority (Arts Council England basic dataset via Libraries Hacked). Loaded on
 * demand: it is the largest reference file and only the Services step needs it.
 */
export interface LibraryRecord {
  readonly ref: string;
  readonly name: string;
  readonly postcode: string;
  readonly operation: string;
  readonly statutory: boolean;
}

let cache: Promise<Record<string, LibraryRecord[]>> | null = null;

export function librariesFor(gss: string): Promise<readonly LibraryRecord[]> {
  cache ??= import('./data/libraries-2023.json', { with: { type: 'json' } }).then((m) => m.default as Record<string, LibraryRecord[]>);
  return cache.then((all) => all[gss] ?? []);
}
