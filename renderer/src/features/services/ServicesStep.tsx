import { useState } from 'react';
import { UNIVERSAL_OFFERS } from '../../../../shared/model/vocabulary';
import { useUiStore } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { CatalogueDialog } from './CatalogueDialog';
import { addOwnService } from './commands';
import { ServiceDetails } from './ServiceDetails';

export function ServicesStep() {
  const services = useWorkbookStore((s) => s.workbook?.services ?? NONE);
  const focusRequest = useUiStore((s) => s.focusRequest);
  const [selectedId, setSelectedId] = useState<string | null>(focusRequest?.kind === 'service' ? focusRequest.id : (services[0]?.id ?? null));
  const [catalogue, setCatalogue] = useState(false);
  const selected = services.find((s) => s.id === selectedId) ?? null;

  const addOwn = () => {
    const s = addOwnService();
    setSelectedId(s.id);
    requestAnimationFrame(() => document.getElementById('service-details')?.querySelector<HTMLInputElement>('input')?.select());
  };

  return (
    <div className="step">
      <h1>Library services</h1>
      <p className="lead">
        Describe what the library service does: pick from a catalogue of services English libraries commonly run, or add your own, then
        record who each reaches, where, what it costs and the figures that show its use.
      </p>
      <div className="toolbar" role="toolbar" aria-label="Add services">
        <button type="button" className="button button-primary" onClick={() => setCatalogue(true)}>
          Add from the catalogue…
        </button>
        <button type="button" className="button button-secondary" onClick={addOwn}>
          Add your own service
        </button>
      </div>
      <div className="split">
        <nav className="split-list" aria-label="Services">
          {services.length === 0 && <p className="muted">No services yet.</p>}
          {UNIVERSAL_OFFERS.map((offer) => {
            const group = services.filter((s) => s.offer === offer);
            if (group.length === 0) return null;
            return (
              <section key={offer} aria-label={offer}>
                <h2 className="group-heading">
                  {offer} <span className="muted">({group.length})</span>
                </h2>
                <ul className="plain-list item-list">
                  {group.map((s) => (
                    <li key={s.id}>
                      <button type="button" className={`item-button${s.id === selectedId ? ' selected' : ''}`} aria-current={s.id === selectedId ? 'true' : undefined} onClick={() => setSelectedId(s.id)}>
                        {s.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </nav>
        <div className="split-details">
          {selected ? (
            <ServiceDetails key={selected.id} service={selected} onDeleted={() => setSelectedId(services.find((s) => s.id !== selected.id)?.id ?? null)} />
          ) : (
            <p className="muted">Select a service to edit it.</p>
          )}
        </div>
      </div>
      {catalogue && (
        <CatalogueDialog
          onClose={(firstId) => {
            setCatalogue(false);
            if (firstId) setSelectedId(firstId);
          }}
        />
      )}
    </div>
  );
}
