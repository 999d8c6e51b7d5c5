/**
 * Paper ballots at room speed: print numbered sheets for this vote once its options are fixed, then type each sheet
 * in by its number and marks ("16: 3 5 5 9"), one a line. A batch with a mistake is refused whole, with the line
 * and the reason, and stays in the box to be corrected; sheets already in are listed by number.
 */
import { useId, useState } from 'react';
import type { Activity, Workshop } from '../../../../shared/model/workbook-schema';
import { sheetCopies } from '../../../../shared/workshop/kinds';
import { showError, showStatus } from '../../state/ui-store';
import { useWorkbookStore } from '../../state/workbook-store';
import { call } from '../../platform/api';
import { enterPaperSheets } from './commands';

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;

export function PrintSheetsButton({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const [busy, setBusy] = useState(false);
  const print = async () => {
    const wb = useWorkbookStore.getState().workbook;
    if (!wb) return;
    setBusy(true);
    const r = await call('printWorkshopKit', {
      workbook: wb,
      workshopId: w.id,
      largePrint: false,
      votingSheetsFor: a.id,
    });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    if (r.value.status === 'cancelled') return;
    showStatus(
      `Voting sheets ready to print: ${r.value.files.map((f) => f.fileName).join(', ')} in ${r.value.folder}.`,
    );
  };
  return (
    <button type="button" className="button button-secondary" disabled={busy} onClick={() => void print()}>
      {busy ? 'Making the voting sheets…' : `Print ${sheetCopies(w)} numbered voting sheets…`}
    </button>
  );
}

export function PaperSheetsEntry({ workshop: w, activity: a }: { workshop: Workshop; activity: Vote }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const ids = { box: useId(), hint: useId() };
  const sheets = a.ballots
    .map((b) => b.sheet)
    .filter((n): n is number => n !== null)
    .sort((x, y) => x - y);
  const example = a.kind === 'dot-vote' ? '16: 3 5 5 9' : '16: 3=40 5=60';

  const add = () => {
    const found = enterPaperSheets(w.id, a, text);
    if (found.problems.length > 0) return setProblems(found.problems);
    setProblems([]);
    setText('');
    showStatus(`${found.recorded} ${found.recorded === 1 ? 'sheet' : 'sheets'} entered.`);
  };

  return (
    <form
      className="ws-sheets"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <div className="field">
        <label htmlFor={ids.box}>Type in paper sheets</label>
        <p className="hint" id={ids.hint}>
          One sheet a line: its number, a colon, then{' '}
          {a.kind === 'dot-vote'
            ? 'the option number for each dot (“16: 3 5 5 9” is one dot on 3, two on 5, one on 9; “5x2” is two on 5)'
            : 'each option number with its points (“16: 3=40 5=60”)'}
          . A sheet with nothing after the colon is an abstention. Ctrl+Enter adds them.
        </p>
        <textarea
          id={ids.box}
          rows={4}
          value={text}
          placeholder={example}
          aria-describedby={ids.hint}
          aria-invalid={problems.length > 0 || undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              add();
            }
          }}
        />
      </div>
      {problems.length > 0 && (
        <ul className="error-message" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="button button-primary" disabled={!text.trim()}>
        Add these sheets
      </button>
      <p className="muted" data-testid="sheets-in">
        {sheets.length === 0
          ? 'No paper sheets entered yet.'
          : `Sheets entered (${sheets.length}): ${sheets.join(', ')}.`}
      </p>
    </form>
  );
}
