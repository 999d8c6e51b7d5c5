/**
 * The Workshops step: plan a workshop, run it from the facilitator console with the presenter view on the
 * projector, and afterwards put what the room agreed into the workbook and print the kit and the report.
 */
import { useEffect } from 'react';
import { longDate } from '../../../../shared/text/dates';
import { ask, showStatus } from '../../state/ui-store';
import { NONE, useWorkbookStore } from '../../state/workbook-store';
import { addWorkshop, deleteWorkshop } from './commands';
import { ConsolePanel } from './ConsolePanel';
import { PlanPanel } from './PlanPanel';
import { startPresenterSync } from './presenter-sync';
import { ResultsPanel } from './ResultsPanel';
import { useSessionStore, type WorkshopTab } from './session-store';
import { Tabs } from './Tabs';
import { useCurrentWorkshop } from './use-workshop';
import './workshops.css';

const STATUS: Record<string, string> = { planned: 'Planned', running: 'Under way', closed: 'Closed' };

export function WorkshopsStep() {
  const workshops = useWorkbookStore((s) => s.workbook?.workshops ?? NONE);
  const tab = useSessionStore((s) => s.tab);
  const selectedId = useSessionStore((s) => s.workshopId);
  const s = useSessionStore.getState;
  const w = useCurrentWorkshop();

  useEffect(() => startPresenterSync(), []);
  useEffect(() => {
    if (!w && workshops.length > 0) s().select(workshops[0]!.id);
  }, [w, workshops, s, selectedId]);

  const add = () => {
    const created = addWorkshop();
    s().select(created.id);
    s().setTab('plan');
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.ws-plan input')?.select());
  };

  const remove = async () => {
    if (!w) return;
    const answer = await ask({
      title: `Delete “${w.title}”?`,
      body: [
        'Its agenda, ideas, votes, decisions, actions and parking lot go with it. Links and priorities already put into the workbook stay, but no longer point to it. You can undo this.',
      ],
      buttons: [
        { id: 'delete', label: 'Delete the workshop', kind: 'danger' },
        { id: 'cancel', label: 'Keep it' },
      ],
      cancelId: 'cancel',
    });
    if (answer !== 'delete') return;
    deleteWorkshop(w);
    s().select(null);
    showStatus('Workshop deleted.');
  };

  // Running the session, the console needs the width and height: the introduction goes and the list folds away.
  const consoleMode = tab === 'run' && !!w;
  const list = (
    <nav className="split-list ws-list" aria-label="Workshops">
      <h2 className="group-heading">Workshops</h2>
      {workshops.length === 0 && <p className="muted">No workshops yet.</p>}
      <ul className="plain-list item-list">
        {workshops.map((x) => (
          <li key={x.id}>
            <button
              type="button"
              className={`item-button${x.id === w?.id ? ' selected' : ''}`}
              aria-current={x.id === w?.id ? 'true' : undefined}
              onClick={() => s().select(x.id)}
            >
              {x.title}
              <span className="item-sub">
                {x.date ? longDate(x.date) : 'No date yet'} · {STATUS[x.status]}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-primary" onClick={add}>
        New workshop
      </button>
    </nav>
  );

  return (
    <div className="step step-wide ws-step">
      <h1>Workshops</h1>
      {!consoleMode && (
        <p className="lead">
          Run the mapping session with the room, on this laptop and a projector, with no network. Plan the
          agenda, run it from the console while the room sees the presenter view, then put what the room
          agreed into the workbook and send everyone the report.
        </p>
      )}
      <div className={`ws-layout${consoleMode ? ' ws-layout-console' : ''}`}>
        {consoleMode ? (
          <details className="ws-list-strip">
            <summary>All workshops ({workshops.length})</summary>
            {list}
          </details>
        ) : (
          list
        )}
        <div className="ws-main">
          {w ? (
            <>
              <div className="ws-title-row">
                <h2 className="ws-title">{w.title}</h2>
                <span className="tag">{STATUS[w.status]}</span>
                <button
                  type="button"
                  className="button button-secondary ws-delete"
                  onClick={() => void remove()}
                >
                  Delete workshop
                </button>
              </div>
              <Tabs<WorkshopTab>
                label="Workshop"
                idPrefix="workshop"
                selected={tab}
                onSelect={(t) => s().setTab(t)}
                tabs={[
                  { id: 'plan', label: 'Plan' },
                  { id: 'run', label: 'Run the session' },
                  { id: 'results', label: 'Results and write-up' },
                ]}
              />
              <div
                role="tabpanel"
                id="workshop-panel"
                aria-labelledby={`workshop-tab-${tab}`}
                className="ws-tabpanel"
              >
                {tab === 'plan' && <PlanPanel key={w.id} workshop={w} />}
                {tab === 'run' && <ConsolePanel key={w.id} workshop={w} />}
                {tab === 'results' && <ResultsPanel key={w.id} workshop={w} />}
              </div>
            </>
          ) : (
            <div className="panel">
              <p>
                A workshop has a purpose, an agenda of timed activities (idea capture, dot voting, 100 points,
                a 2×2, walking the map) and, afterwards, a report.
              </p>
              <p>The sample workbook (on the Start screen) has a finished one to look at.</p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
