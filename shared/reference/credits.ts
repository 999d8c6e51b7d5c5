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
  {
    what: 'Library activity 2023/24 (users, visits, loans, events, attendance, computer hours, Wi-Fi sessions, populations by age band and listed nearest neighbours) for the Data step and the “How we compare” block',
    source: 'Arts Council England Libraries Activity Data 2023/24, as published by Libraries Hacked, public-libraries-activity-dataset',
    url: 'https://github.com/LibrariesHacked/public-libraries-activity-dataset',
    licence: 'MIT licence, © 2025 Libraries Hacked; underlying data from Arts Council England',
  },
  {
    what: 'Core dataset templates for a service’s own figures (physical visits, loans, membership, events)',
    source: 'Libraries Hacked, schema-librarydata',
    url: 'https://github.com/LibrariesHacked/schema-librarydata',
    licence: 'MIT licence, © 2019 Libraries Hacked',
  },
  {
    what: 'Starter catalogue of library services, council themes, national indicators and evidence library',
    source:
      'Compiled for Alignment Workbench from public sources: Libraries Connected Universal Library Offers, Libraries Deliver: Ambition (DCMS), PHOF and ASCOF (OHID, NHS England), ONS, DfE, DWP, DCMS and Arts Council England; each evidence item names its own source',
    url: 'https://www.gov.uk/government/publications/libraries-deliver-ambition-for-public-libraries-in-england-2016-to-2021',
    licence: 'Descriptions are our own wording; figures are quoted with their source and year',
  },
];
