/** Data credits shown in the About box. Keep in step with shared/reference/data/SOURCES.md. */
export interface Credit {
  readonly what: string;
  readonly source: string;
  readonly url: string;
  readonly licence: string;
}

export const DATA_CREDITS: ReadonlyArray<Credit> = [
  {
    what: 'English library authorities (names, GSS codes, types, regions)',
    source: 'Libraries Hacked, librarydata-db (services and UK local authorities data)',
    url: 'https://github.com/LibrariesHacked/librarydata-db',
    licence: 'MIT licence, © 2020 Libraries Hacked; underlying data from Arts Council England',
  },
  {
    what: 'Libraries in England, 2023 (branches offered for each service)',
    source: 'Arts Council England basic dataset 2023, as published by Libraries Hacked, librarydata-db',
    url: 'https://github.com/LibrariesHacked/librarydata-db',
    licence: 'MIT licence, © 2020 Libraries Hacked; underlying data from Arts Council England',
  },
];
