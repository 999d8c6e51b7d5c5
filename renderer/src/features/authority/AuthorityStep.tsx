import { findAuthority, searchAuthorities, type AuthorityRecord } from '../../../../shared/reference/authorities';
import { Combobox } from '../../components/Combobox';
import { NumberField } from '../../components/fields';
import { TextField } from '../../components/TextField';
import { showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { call } from '../../platform/api';
import { changeAuthor, changePopulation, changePopulationSource, changePopulationYear, chooseAuthority, renameWorkbook } from './commands';

const requiredTitle = (v: string) => (v.trim() === '' ? 'Enter a title for the workbook' : null);

export function AuthorityStep() {
  const workbook = useWorkbookStore((s) => s.workbook);
  if (!workbook) return null;
  const chosen = workbook.authority ? findAuthority(workbook.authority.gss) : undefined;

  const choose = (a: AuthorityRecord) => {
    chooseAuthority(a);
    showStatus(`Library authority set to ${a.name} (${a.gss}).`);
  };

  return (
    <div className="step">
      <h1>Authority and workbook</h1>
      <p className="lead">Choose the library authority this workbook is for, and give the workbook a title.</p>

      <section className="panel" aria-labelledby="authority-heading">
        <h2 id="authority-heading">Library authority</h2>
        {workbook.authority ? (
          <div className="authority-card">
            <p className="authority-name">
              <strong>{workbook.authority.name}</strong> <span className="tag">{workbook.authority.gss}</span>
            </p>
            <dl className="facts">
              {chosen && (
                <>
                  <dt>Council</dt>
                  <dd>{chosen.officialName}</dd>
                </>
              )}
              <dt>Type</dt>
              <dd>{workbook.authority.type}</dd>
              <dt>Region</dt>
              <dd>{workbook.authority.region || 'Not recorded'}</dd>
              {chosen?.population2020 != null && (
                <>
                  <dt>Population (2020 estimate)</dt>
                  <dd>{chosen.population2020.toLocaleString('en-GB')}</dd>
                </>
              )}
              {chosen && (
                <>
                  <dt>Open static libraries (2023)</dt>
                  <dd>{chosen.openStaticLibraries2023.toLocaleString('en-GB')}</dd>
                </>
              )}
              {chosen?.serviceUrl && (
                <>
                  <dt>Library service website</dt>
                  <dd>
                    <button type="button" className="link-button" onClick={() => void call('openExternal', { url: chosen.serviceUrl })}>
                      {chosen.serviceUrl}
                      <span className="visually-hidden"> (opens in your browser)</span>
                    </button>
                  </dd>
                </>
              )}
            </dl>
            <NumberField
              label="Resident population, for per-1,000 figures"
              allowEmpty
              min={1}
              value={workbook.authority.population?.value ?? null}
              hint={
                chosen?.population2020
                  ? `Leave empty to use the mid-2020 estimate of ${chosen.population2020.toLocaleString('en-GB')} (Office for National Statistics), or enter a newer figure.`
                  : 'The reference data has no population for this authority: enter one so documents can show figures per 1,000 residents.'
              }
              onCommit={changePopulation}
            />
            {workbook.authority.population && (
              <div className="two-columns">
                <TextField
                  label="Population year"
                  value={workbook.authority.population.year}
                  maxLength={500}
                  hint="For example mid-2023"
                  onCommit={changePopulationYear}
                />
                <TextField
                  label="Population source"
                  value={workbook.authority.population.source}
                  maxLength={500}
                  hint="For example Office for National Statistics"
                  onCommit={changePopulationSource}
                />
              </div>
            )}
          </div>
        ) : (
          <p>No authority chosen yet.</p>
        )}
        <Combobox<AuthorityRecord>
          label={workbook.authority ? 'Change library authority' : 'Library authority'}
          hint="Type part of the name or the GSS code, for example “Essex” or “E10000012”. All 153 English library authorities are listed."
          search={(q) => searchAuthorities(q, 12)}
          optionKey={(a) => a.gss}
          optionText={(a) => `${a.name} (${a.gss})`}
          renderOption={(a) => (
            <span className="option-authority">
              <span>{a.name}</span>
              <span className="muted">
                {a.type} · {a.region} · {a.gss}
              </span>
            </span>
          )}
          onSelect={choose}
          emptyMessage="No English library authority matches. Check the spelling or try the GSS code."
        />
      </section>

      <section className="panel" aria-labelledby="details-heading">
        <h2 id="details-heading">Workbook details</h2>
        <TextField
          label="Workbook title"
          required
          maxLength={500}
          value={workbook.title}
          validate={requiredTitle}
          hint="Appears on documents and in the recent list, for example “Libraries and the Council Plan 2026–2030”."
          onCommit={renameWorkbook}
        />
        <TextField
          label="Author"
          maxLength={500}
          value={workbook.author}
          autoComplete="name"
          hint="Your name or role, shown on documents you generate."
          onCommit={changeAuthor}
        />
      </section>
    </div>
  );
}
