/**
 * The presenter view on the projector. It renders only the state the console pushes (presenterState events, or
 * the latest on opening) and has no controls: no notes, no individual votes, nothing private. Large type, near
 * black on white (well above 7:1), shapes and words beside every colour. Escape closes it, back to the console.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type {
  PresenterScreen,
  PresenterState,
  PresenterTimer,
} from '../../../../../shared/workshop/presenter-state';
import { listInWords } from '../../../../../shared/text/words';
import { formatClock, ONE_MINUTE_MS, phaseOf, remainingMs } from '../../../../../shared/workshop/timer';
import { call, onEvent } from '../../../platform/api';
import './presenter.css';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

function Timer({ timer }: { timer: PresenterTimer }) {
  const running = timer.startedAt !== null;
  const now = useNow(running);
  const left = remainingMs(timer, now);
  const phase = left <= 0 ? 'over' : left <= ONE_MINUTE_MS ? 'warning' : 'normal';
  // A timer set for a new activity but not yet started says nothing: "Paused" is only for one stopped part-way.
  const words =
    left <= 0 ? 'Time is up' : left <= ONE_MINUTE_MS ? 'One minute left' : phaseOf(timer, now) === 'paused' ? 'Paused' : '';
  return (
    // role="timer" is not announced second by second; the console announces milestones instead.
    <div className={`p-timer p-timer-${phase}`} role="timer" aria-label={`Time left: ${formatClock(left)}`}>
      <span className="p-timer-label">{timer.label}</span>
      <span className="p-timer-clock">{formatClock(left)}</span>
      {words && <span className="p-timer-words">{words}</span>}
    </div>
  );
}

function Paging({ paging }: { paging: { page: number; pages: number } }) {
  return paging.pages > 1 ? (
    <p className="p-paging">
      Page {paging.page} of {paging.pages}
    </p>
  ) : null;
}

const SHAPE_PATHS: Record<string, ReactNode> = {
  circle: <circle cx="50" cy="50" r="44" />,
  square: <rect x="8" y="8" width="84" height="84" />,
  triangle: <polygon points="50,5 95,93 5,93" />,
  diamond: <polygon points="50,3 97,50 50,97 3,50" />,
};

function QuadrantMark({
  shape,
  colour,
  letter,
  label,
}: {
  shape: string;
  colour: string;
  letter: string;
  label: string;
}) {
  return (
    <svg className="p-mark" viewBox="0 0 100 100" role="img" aria-label={label}>
      <g fill={`#${colour}`} stroke="#0b0c0c" strokeWidth="5">
        {SHAPE_PATHS[shape] ?? SHAPE_PATHS.circle}
      </g>
      <text
        x="50"
        y={shape === 'triangle' ? 78 : 66}
        textAnchor="middle"
        fontSize={shape === 'triangle' ? 38 : 46}
        fontWeight="700"
        fill="#0b0c0c"
      >
        {letter}
      </text>
    </svg>
  );
}

function Screen({ screen, title }: { screen: PresenterScreen; title: string }) {
  switch (screen.kind) {
    case 'welcome':
      return (
        <>
          <h1>{title}</h1>
          {(screen.date || screen.venue) && (
            <p className="p-sub">{[screen.date, screen.venue].filter(Boolean).join(' · ')}</p>
          )}
          {screen.purpose && <p className="p-lead">{screen.purpose}</p>}
          <div className="p-box">
            <p>
              <strong>What this room can change ({screen.influence.toLowerCase()}):</strong>{' '}
              {screen.influenceDescription}
            </p>
            {screen.whoDecides && (
              <p>
                <strong>Who decides:</strong> {screen.whoDecides}
              </p>
            )}
            {screen.outOfScope && (
              <p>
                <strong>Not up for discussion today:</strong> {screen.outOfScope}
              </p>
            )}
          </div>
          {screen.facilitator && <p className="p-small">Facilitator: {screen.facilitator}</p>}
        </>
      );
    case 'agenda':
      return (
        <>
          <h1>Agenda</h1>
          <ol className="p-agenda">
            {screen.items.map((it, i) => (
              <li key={i} className={it.current ? 'p-current' : it.done ? 'p-done' : undefined}>
                <span className="p-agenda-title">
                  {it.current && <span className="p-badge">Now</span>}
                  {it.done && <span className="p-badge p-badge-done">Done</span>} {it.title}
                </span>
                <span className="p-agenda-meta">
                  {it.minutes} min · {it.kind}
                </span>
              </li>
            ))}
          </ol>
        </>
      );
    case 'ideas':
      return (
        <>
          <h1>{screen.heading}</h1>
          <p className="p-sub">{screen.prompt}</p>
          {screen.count === 0 ? (
            <p className="p-lead">No ideas yet. Write yours down first, then share them one at a time.</p>
          ) : (
            <div className="p-groups">
              {screen.groups.map((g, i) => (
                <section key={i}>
                  <h2>{g.name}</h2>
                  <ul>
                    {g.ideas.map((idea, j) => (
                      <li key={j}>{idea}</li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
          <Paging paging={screen.paging} />
        </>
      );
    case 'dot-vote':
    case 'points': {
      const unit = screen.kind === 'dot-vote' ? 'dots' : 'points';
      return (
        <>
          <h1>{screen.heading}</h1>
          <p className="p-sub">{screen.rule}</p>
          {screen.status.revealed ? (
            <>
              <table className="p-results">
                <caption className="visually-hidden">Results</caption>
                <thead>
                  <tr>
                    <th scope="col">Place</th>
                    <th scope="col">Option</th>
                    <th scope="col" className="p-num">
                      {unit === 'dots' ? 'Dots' : 'Points'}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {screen.status.rows.map((r) => (
                    <tr key={r.number} className={r.tied ? 'p-tied' : undefined}>
                      <td>{r.rank}</td>
                      <th scope="row">
                        <span className="p-option-number">{r.number}</span> {r.label}
                      </th>
                      <td className="p-num">{r.amount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {screen.status.ties.length > 0 && (
                <p className="p-tie-note">
                  <strong>Tied:</strong> {screen.status.ties.map((g) => listInWords(g)).join('; ')}
                </p>
              )}
              {screen.status.voters !== null && (
                <p className="p-small">{screen.status.voters} people voted.</p>
              )}
            </>
          ) : (
            <>
              <ol className="p-options">
                {screen.options.map((o) => (
                  <li key={o.number}>
                    <span className="p-option-number" aria-hidden="true">
                      {o.number}
                    </span>
                    <span>{o.label}</span>
                  </li>
                ))}
              </ol>
              {screen.status.ballotsIn !== null && (
                <p className="p-count" aria-live="polite">
                  {screen.status.expected > 0
                    ? `${screen.status.ballotsIn} of ${screen.status.expected} voted`
                    : `${screen.status.ballotsIn} voted`}
                </p>
              )}
            </>
          )}
          <Paging paging={screen.paging} />
        </>
      );
    }
    case 'two-by-two':
      return (
        <>
          <h1>{screen.heading}</h1>
          <div className="p-grid-layout">
            <div className="p-grid-wrap">
              <span className="p-axis p-axis-y">
                {/* The label runs bottom to top, so this arrow points up. */}
                {screen.yAxis} <span aria-hidden="true">→</span>
              </span>
              <div
                className="p-grid"
                role="img"
                aria-label={`${screen.yAxis} against ${screen.xAxis}: ${screen.placed.map((p) => `${p.number} ${p.label}, ${p.quadrant}`).join('; ') || 'nothing placed yet'}`}
              >
                {screen.quadrants.map((q) => (
                  <div key={q.id} className={`p-quadrant p-${q.id}`}>
                    <QuadrantMark
                      shape={q.shape}
                      colour={q.colour}
                      letter={q.letter}
                      label={`${q.colourName} ${q.shape} ${q.letter}`}
                    />
                    <span className="p-quadrant-name">{q.name}</span>
                  </div>
                ))}
                {screen.placed.map((p) => (
                  <span
                    key={p.number}
                    className="p-dot"
                    style={{ left: `${p.x * 100}%`, bottom: `${p.y * 100}%` }}
                    aria-hidden="true"
                  >
                    {p.number}
                  </span>
                ))}
              </div>
              <span className="p-axis p-axis-x">
                {screen.xAxis} <span aria-hidden="true">→</span>
              </span>
            </div>
            <ol className="p-grid-key">
              {screen.placed.map((p) => (
                <li key={p.number}>
                  <span className="p-option-number">{p.number}</span> {p.label}{' '}
                  <span className="p-small">({p.letter})</span>
                </li>
              ))}
              {screen.waiting.map((o) => (
                <li key={o.number} className="p-waiting">
                  <span className="p-option-number">{o.number}</span> {o.label}{' '}
                  <span className="p-small">(not placed yet)</span>
                </li>
              ))}
            </ol>
          </div>
        </>
      );
    case 'walk-the-map':
      return (
        <>
          <p className="p-sub">
            {screen.heading} · {screen.position}
          </p>
          <h1>{screen.objective}</h1>
          {screen.links.length === 0 ? (
            <p className="p-lead">Which library services contribute to this objective, and how strongly?</p>
          ) : (
            <ul className="p-links">
              {screen.links.map((l, i) => (
                <li key={i}>
                  <span className={`p-strength p-strength-${l.strength}`}>{l.strengthText}</span>
                  <span className="p-link-body">
                    <strong>{l.service}</strong>
                    {l.rationale && <span className="p-link-why">{l.rationale}</span>}
                  </span>
                  <span className={`p-status p-status-${l.status}`}>
                    {l.status === 'agreed'
                      ? '✓ Agreed'
                      : l.status === 'proposed'
                        ? 'Proposed'
                        : 'On the map now'}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="p-small">● strong · ○ medium · △ weak</p>
          <Paging paging={screen.paging} />
        </>
      );
    case 'parking-lot':
      return (
        <>
          <h1>Parking lot</h1>
          {screen.items.length === 0 ? (
            <p className="p-lead">Nothing parked yet.</p>
          ) : (
            <ul className="p-list">
              {screen.items.map((it, i) => (
                <li key={i}>
                  {it.text} <span className="p-small">({it.disposition})</span>
                </li>
              ))}
            </ul>
          )}
          <Paging paging={screen.paging} />
        </>
      );
    case 'decisions':
      return (
        <>
          <h1>Decisions</h1>
          {screen.items.length === 0 ? (
            <p className="p-lead">No decisions recorded yet.</p>
          ) : (
            <ul className="p-list">
              {screen.items.map((d, i) => (
                <li key={i}>
                  {d.text}
                  {d.result && <span className="p-small"> ({d.result})</span>}
                </li>
              ))}
            </ul>
          )}
          <Paging paging={screen.paging} />
        </>
      );
    case 'actions':
      return (
        <>
          <h1>Actions</h1>
          {screen.items.length === 0 ? (
            <p className="p-lead">No actions recorded yet.</p>
          ) : (
            <ul className="p-list">
              {screen.items.map((a, i) => (
                <li key={i}>
                  {a.text}
                  <span className="p-small">
                    {' '}
                    ({a.owner}, {a.due})
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Paging paging={screen.paging} />
        </>
      );
    case 'message':
      return (
        <>
          <h1>{screen.heading}</h1>
          {screen.body && <p className="p-lead">{screen.body}</p>}
        </>
      );
  }
}

export function PresenterApp() {
  const [state, setState] = useState<PresenterState | null>(null);

  useEffect(() => {
    document.title = 'Presenter view – Alignment Workbench';
    document.documentElement.classList.add('presenter-root');
    const off = onEvent('presenterState', (s) => setState(s));
    void call('getPresenterState', {}).then((r) => {
      if (r.ok && r.value.state) setState((current) => current ?? r.value.state);
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void call('closePresenter', {});
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const style =
    state && state.fontPx > 0
      ? { fontSize: `max(${state.fontPx / 10.8}vh, ${state.fontPx * 0.6}px)` }
      : undefined;
  if (!state) {
    return (
      <main className="presenter" style={style}>
        <h1>Alignment Workbench</h1>
        <p className="p-lead">Waiting for the facilitator.</p>
      </main>
    );
  }
  if (state.held) {
    return (
      <main className="presenter presenter-held" aria-label="Screen on hold">
        <h1 className="visually-hidden">Screen on hold</h1>
      </main>
    );
  }
  return (
    <main className={`presenter${state.timer ? ' presenter-with-timer' : ''}`} style={style}>
      {state.timer && <Timer timer={state.timer} />}
      <Screen screen={state.screen} title={state.title} />
    </main>
  );
}
