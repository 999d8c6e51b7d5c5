import { useId, useMemo, useState } from 'react';
import { ambitionOutcomeName, UNIVERSAL_OFFERS } from '../../../../shared/model/vocabulary';
import { SERVICE_CATALOGUE } from '../../../../shared/reference/catalogue';
import { Modal } from '../../components/Modal';
import { SkipLink } from '../../components/SkipLink';
import { showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { wordMatcher } from '../../../../shared/text/word-search';
import { addFromCatalogue } from './commands';

/** The starter catalogue grouped by Universal Library Offer; tick services to add them. */
export function CatalogueDialog(props: { onClose: (firstId: string | null) => void }) {
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [withEvidence, setWithEvidence] = useState(true);
  const services = useWorkbookStore((s) => s.workbook?.services);
  const existing = useMemo(() => new Set(services?.map((x) => x.catalogueRef) ?? []), [services]);
  const shown = useMemo(() => {
    const has = wordMatcher(query);
    return SERVICE_CATALOGUE.filter((c) => has(c.name, c.description, c.programme, ...c.targetGroups));
  }, [query]);

  const add = () => {
    const services = addFromCatalogue(SERVICE_CATALOGUE.filter((c) => chosen.has(c.id)), withEvidence);
    showStatus(`Added ${services.length} service${services.length === 1 ? '' : 's'}. Add your own figures for reach, cost and staffing to each.`);
    props.onClose(services[0]?.id ?? null);
  };

  return (
    <Modal
      title="Add services from the catalogue"
      wide
      onClose={() => props.onClose(null)}
      actions={
        <>
          <button id="catalogue-add" type="button" className="button button-primary" disabled={chosen.size === 0} onClick={add}>
            Add {chosen.size || ''} service{chosen.size === 1 ? '' : 's'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => props.onClose(null)}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        {SERVICE_CATALOGUE.length} services English public libraries commonly run, grouped by Universal Library Offer, with the Ambition
        outcomes each typically serves (our judgement; you can change both).
      </p>
      <div className="two-columns">
        <div className="field">
          <label htmlFor={searchId}>Search the catalogue</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={withEvidence} onChange={(e) => setWithEvidence(e.target.checked)} />
          <span>Also attach the catalogue’s sourced evidence for each service</span>
        </label>
      </div>
      {/* About 60 checkboxes lie between the search and Add: this link, one Shift+Tab before the first, jumps past them. */}
      <SkipLink to={chosen.size === 0 ? 'catalogue-count' : 'catalogue-add'}>Skip to Add services</SkipLink>
      <div className="catalogue" role="group" aria-label="Catalogue services">
        {UNIVERSAL_OFFERS.map((offer) => {
          const items = shown.filter((c) => c.offer === offer);
          if (items.length === 0) return null;
          return (
            <fieldset key={offer} className="catalogue-group">
              <legend>{offer}</legend>
              {items.map((c) => (
                <label key={c.id} className="checkbox catalogue-item">
                  <input
                    type="checkbox"
                    checked={chosen.has(c.id)}
                    onChange={() =>
                      setChosen((s) => {
                        const next = new Set(s);
                        if (next.has(c.id)) next.delete(c.id);
                        else next.add(c.id);
                        return next;
                      })
                    }
                  />
                  <span>
                    <strong>{c.name}</strong>
                    {existing.has(c.id) && <span className="tag">already in this workbook</span>}
                    <span className="muted catalogue-detail">
                      {c.description} Outcomes: {c.outcomes.map((o) => ambitionOutcomeName(o)).join('; ')}.
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
      </div>
      <p id="catalogue-count" className="catalogue-count" aria-live="polite">
        {chosen.size === 0 ? 'No services selected yet.' : `${chosen.size} service${chosen.size === 1 ? '' : 's'} selected.`}
      </p>
    </Modal>
  );
}
