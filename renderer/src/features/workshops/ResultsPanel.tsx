/**
 * After the session: what goes into the workbook (Transfer), closing the session (CloseSession), and the printed
 * kit and the report (KitAndReport).
 */
import type { Workshop } from '../../../../shared/model/workbook-schema';
import { isoToday } from '../../../../shared/text/dates';
import { transferAgreedLinks, transferPriorities } from '../../../../shared/workshop/transfer';
import { agreedProposals } from '../../../../shared/workshop/walk-the-map';
import { CloseSession } from './results/CloseSession';
import { KitAndReport } from './results/KitAndReport';
import { IdeaTransfer, Transfer } from './results/Transfer';

export function ResultsPanel({ workshop: w }: { workshop: Workshop }) {
  const votes = w.activities.filter((a) => (a.kind === 'dot-vote' || a.kind === 'points') && a.revealed);
  const agreed = w.activities.reduce(
    (n, a) => n + (a.kind === 'walk-the-map' ? agreedProposals(a).length : 0),
    0,
  );
  const today = isoToday();

  return (
    <div className="ws-results">
      <section aria-labelledby="ws-transfer-heading">
        <h3 id="ws-transfer-heading">Into the workbook</h3>
        <Transfer
          id={`links:${w.id}`}
          title="Agreed links to the map"
          description={`${agreed} ${agreed === 1 ? 'link was' : 'links were'} agreed. They go to the contribution map marked “agreed at ${w.title}”, keeping any evidence and KPIs already on them.`}
          label="Put the agreed links on the map"
          disabled={agreed === 0 ? 'No links have been agreed yet.' : null}
          run={(wb) => transferAgreedLinks(wb, w.id, today)}
        />
        {votes.length === 0 ? (
          <section className="panel" aria-label="Votes to priorities">
            <h4>Votes to priorities</h4>
            <p className="muted">No vote has been revealed yet.</p>
          </section>
        ) : (
          votes.map((v) => (
            <Transfer
              key={v.id}
              id={`priorities:${v.id}`}
              title={`Priorities from “${v.title}”`}
              description="The revealed totals become the priority of each objective or service voted on, with the method and the date."
              label={`Set priorities from “${v.title}”`}
              run={(wb) => transferPriorities(wb, w.id, v.id, today)}
            />
          ))
        )}
        <IdeaTransfer workshop={w} />
      </section>

      <CloseSession workshop={w} />

      <section aria-labelledby="ws-outputs-heading">
        <h3 id="ws-outputs-heading">Kit and report</h3>
        <KitAndReport workshop={w} />
      </section>
    </div>
  );
}
