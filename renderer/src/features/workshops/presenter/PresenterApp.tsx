/**
 * The presenter view on the projector. It renders only the state the console pushes (presenterState events, or
 * the latest on opening) and has no controls: no notes, no individual votes, nothing private. Large type, near
 * black on white (well above 7:1), shapes and words beside every colour. Escape closes it, back to the console.
 *
 * Long screens are split into pages by what fits at this window's size and the chosen type size: each list item
 * is a unit, and the screen is laid out with every unit, then units are counted onto pages until the next would
 * not fit (measured, before anything is painted; again whenever the window or the state changes). Headings, the
 * tie note, the number who voted and the page line are on every page; the console pages through them.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type {
  PresenterScreen,
  PresenterState,
  PresenterTimer,
} from '../../../../../shared/workshop/presenter-state';
import { listInWords } from '../../../../../shared/text/words';
import { formatClock, ONE_MINUTE_MS, phaseOf, remainingMs } from '../../../../../shared/workshop/timer';
import { call, onEvent } from '../../../platform/api';
import { splitIntoPages } from './split-pages';
import './presenter.css';

/** The units one rendering shows, and what its page line says. Measuring shows every unit. */
interface Slice {
  readonly from: number;
  readonly to: number;
  readonly page: number;
  readonly pages: number;
  readonly measuring: boolean;
}

const shows = (slice: Slice, i: number) => i >= slice.from && i < slice.to;

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
    left <= 0
      ? 'Time is up'
      : left <= ONE_MINUTE_MS
        ? 'One minute left'
        : phaseOf(timer, now) === 'paused'
          ? 'Paused'
          : '';
  return (
    // role="timer" is not announced second by second; the console announces milestones instead.
    <div className={`p-timer p-timer-${phase}`} role="timer" aria-label={`Time left: ${formatClock(left)}`}>
      <span className="p-timer-label">{timer.label}</span>
      <span className="p-timer-clock">{formatClock(left)}</span>
      <span className="p-timer-words">{words}</span>
    </div>
  );
}

/** While measuring, the widest page line holds its place so that every real page has room for its own. */
function Paging({ slice }: { slice: Slice }) {
  if (slice.measuring) return <p className="p-paging">Page 888 of 888</p>;
  return slice.pages > 1 ? (
    <p className="p-paging">
      Page {slice.page} of {slice.pages}
    </p>
  ) : null;
}

/** Beyond this many characters of labels, ties are named by their numbers in the list, so the note stays short. */
const TIE_LABELS_UP_TO = 160;

const rankIn =
  (rows: ReadonlyArray<{ number: number; rank: string }>) =>
  (n: number): string =>
    rows.find((r) => r.number === n)?.rank ?? '';

/** Above this many options tied together, the note gives their number and place rather than each option. */
const TIE_LISTED_UP_TO = 4;

/**
 * "A and B; C, D and E" in words while that is short; otherwise by option number ("options 1 and 2; 20 options,
 * joint 3rd"), so the note stays on screen with the rows.
 */
function tieNote(
  ties: ReadonlyArray<ReadonlyArray<{ number: number; label: string }>>,
  rankOf: (n: number) => string,
): string {
  const labels = ties.map((g) => listInWords(g.map((o) => o.label))).join('; ');
  if (labels.length <= TIE_LABELS_UP_TO) return labels;
  return `options ${ties
    .map((g) =>
      g.length <= TIE_LISTED_UP_TO
        ? listInWords(g.map((o) => String(o.number)))
        : `${g.length} options, ${rankOf(g[0]!.number)}`,
    )
    .join('; ')}`;
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

function Screen({ screen, title, slice }: { screen: PresenterScreen; title: string; slice: Slice }) {
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
            {screen.items.map((it, i) =>
              !shows(slice, i) ? null : (
                <li
                  key={i}
                  data-unit=""
                  className={it.current ? 'p-current' : it.done ? 'p-done' : undefined}
                >
                  <span className="p-agenda-title">
                    {it.current && <span className="p-badge">Now</span>}
                    {it.done && <span className="p-badge p-badge-done">Done</span>} {it.title}
                  </span>
                  <span className="p-agenda-meta">
                    {it.minutes} min · {it.kind}
                  </span>
                </li>
              ),
            )}
          </ol>
          <Paging slice={slice} />
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
              {screen.groups.map((g, i) => {
                const first = screen.groups.slice(0, i).reduce((n, x) => n + x.ideas.length, 0);
                const here = g.ideas.map((_, j) => shows(slice, first + j));
                return !here.includes(true) ? null : (
                  // A group split across pages keeps its heading on each.
                  <section key={i} data-unit-group="">
                    <h2>{g.name}</h2>
                    <ul>
                      {g.ideas.map((idea, j) =>
                        here[j] ? (
                          <li key={j} data-unit="">
                            {idea}
                          </li>
                        ) : null,
                      )}
                    </ul>
                  </section>
                );
              })}
            </div>
          )}
          <Paging slice={slice} />
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
                  {screen.status.rows.map((r, i) =>
                    !shows(slice, i) ? null : (
                      <tr key={r.number} data-unit="" className={r.tied ? 'p-tied' : undefined}>
                        <td>{r.rank}</td>
                        <th scope="row">
                          <span className="p-option-number">{r.number}</span> {r.label}
                        </th>
                        <td className="p-num">{r.amount}</td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
              {screen.status.ties.length > 0 && (
                <p className="p-tie-note">
                  <strong>Tied:</strong> {tieNote(screen.status.ties, rankIn(screen.status.rows))}
                </p>
              )}
            </>
          ) : (
            <>
              <ol className="p-options">
                {screen.options.map((o, i) =>
                  !shows(slice, i) ? null : (
                    <li key={o.number} data-unit="">
                      <span className="p-option-number" aria-hidden="true">
                        {o.number}
                      </span>
                      <span>{o.label}</span>
                    </li>
                  ),
                )}
              </ol>
            </>
          )}
          {/* The count and the page line share the last line. */}
          <div className="p-foot">
            {screen.status.revealed
              ? screen.status.voters !== null && (
                  <p className="p-small">{screen.status.voters} people voted.</p>
                )
              : screen.status.ballotsIn !== null && (
                  <p className="p-count" aria-live="polite">
                    {screen.status.expected > 0
                      ? `${screen.status.ballotsIn} of ${screen.status.expected} voted`
                      : `${screen.status.ballotsIn} voted`}
                  </p>
                )}
            <Paging slice={slice} />
          </div>
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
                    // Inset by half a marker, so a marker at an edge stays inside the grid.
                    style={{
                      left: `calc(0.7em + ${p.x} * (100% - 1.4em))`,
                      bottom: `calc(0.7em + ${p.y} * (100% - 1.4em))`,
                    }}
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
              {screen.placed.map((p, i) =>
                !shows(slice, i) ? null : (
                  <li key={p.number} data-unit="">
                    <span className="p-option-number">{p.number}</span> {p.label}{' '}
                    <span className="p-small">({p.letter})</span>
                  </li>
                ),
              )}
              {screen.waiting.map((o, i) =>
                !shows(slice, screen.placed.length + i) ? null : (
                  <li key={o.number} data-unit="" className="p-waiting">
                    <span className="p-option-number">{o.number}</span> {o.label}{' '}
                    <span className="p-small">(not placed yet)</span>
                  </li>
                ),
              )}
            </ol>
          </div>
          <Paging slice={slice} />
        </>
      );
    case 'walk-the-map':
      return (
        <>
          <p className="p-sub">
            {screen.heading} · {screen.position}
          </p>
          <h1 className={screen.objective.length > 120 ? 'p-long-title' : undefined}>{screen.objective}</h1>
          {screen.links.length === 0 ? (
            <p className="p-lead">Which library services contribute to this objective, and how strongly?</p>
          ) : (
            <ul className="p-links">
              {screen.links.map((l, i) =>
                !shows(slice, i) ? null : (
                  <li key={i} data-unit="">
                    <span className={`p-strength p-strength-${l.strength}`}>{l.strengthText}</span>
                    <span className="p-link-body">
                      <strong>{l.service}</strong>
                      {l.rationale && <span className="p-link-why"> – {l.rationale}</span>}
                    </span>
                    <span className={`p-status p-status-${l.status}`}>
                      {l.status === 'agreed'
                        ? '✓ Agreed'
                        : l.status === 'proposed'
                          ? 'Proposed'
                          : 'On the map now'}
                    </span>
                  </li>
                ),
              )}
            </ul>
          )}
          <div className="p-foot">
            <p className="p-small">● strong · ○ medium · △ weak</p>
            <Paging slice={slice} />
          </div>
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
              {screen.items.map((it, i) =>
                !shows(slice, i) ? null : (
                  <li key={i} data-unit="">
                    {it.text} <span className="p-small">({it.disposition})</span>
                  </li>
                ),
              )}
            </ul>
          )}
          <Paging slice={slice} />
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
              {screen.items.map((d, i) =>
                !shows(slice, i) ? null : (
                  <li key={i} data-unit="">
                    {d.text}
                    {d.result && <span className="p-small"> ({d.result})</span>}
                  </li>
                ),
              )}
            </ul>
          )}
          <Paging slice={slice} />
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
              {screen.items.map((a, i) =>
                !shows(slice, i) ? null : (
                  <li key={i} data-unit="">
                    {a.text}
                    <span className="p-small">
                      {' '}
                      ({a.owner}, {a.due})
                    </span>
                  </li>
                ),
              )}
            </ul>
          )}
          <Paging slice={slice} />
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

/** The window's size, so a resize (or moving to another display) measures the pages again. */
function useWindowSize(): string {
  const read = () => `${window.innerWidth}×${window.innerHeight}`;
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

interface Layout {
  readonly state: PresenterState;
  readonly size: string;
  readonly fontsReady: boolean;
  readonly starts: readonly number[];
  /** Lists in one column rather than two: taken when an item does not fit a page in two. */
  readonly oneColumn: boolean;
}

/** Splits the laid-out screen into pages: in two columns where the screen has them, else in one. */
function measure(main: HTMLElement): Pick<Layout, 'starts' | 'oneColumn'> {
  const two = splitIntoPages(main);
  if (!two.tooBig) return { starts: two.starts, oneColumn: false };
  main.classList.add('p-one-column');
  const one = splitIntoPages(main);
  main.classList.remove('p-one-column');
  return { starts: one.starts, oneColumn: true };
}

export function PresenterApp() {
  const [state, setState] = useState<PresenterState | null>(null);
  const [layout, setLayout] = useState<Layout | null>(null);
  const [fontsReady, setFontsReady] = useState(false);
  const size = useWindowSize();
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    document.title = 'Presenter view – Alignment Workbench';
    document.documentElement.classList.add('presenter-root');
    const off = onEvent('presenterState', (s) => setState(s));
    void call('getPresenterState', {}).then((r) => {
      if (r.ok && r.value.state) setState((current) => current ?? r.value.state);
    });
    void document.fonts.ready.then(() => setFontsReady(true));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void call('closePresenter', {});
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const measured =
    layout && state && layout.state === state && layout.size === size && layout.fontsReady === fontsReady
      ? layout
      : null;
  // Laid out with every unit, measured and split before the browser paints, then drawn one page at a time.
  useLayoutEffect(() => {
    if (measured || !state || state.held || !mainRef.current) return;
    setLayout({ state, size, fontsReady, ...measure(mainRef.current) });
  }, [measured, state, size, fontsReady]);

  const pages = measured ? Math.max(1, measured.starts.length - 1) : 1;
  const key = state?.key;
  useEffect(() => {
    if (key !== undefined && measured) void call('reportPresenterPages', { key, pages });
  }, [key, pages, measured]);

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
  const asked = 'page' in state.screen ? state.screen.page : 1;
  const page = Math.min(asked, pages);
  const slice: Slice = measured
    ? {
        from: measured.starts[page - 1] ?? 0,
        to: measured.starts[page] ?? 0,
        page,
        pages,
        measuring: false,
      }
    : { from: 0, to: Number.POSITIVE_INFINITY, page: 1, pages: 1, measuring: true };
  return (
    <main ref={mainRef} className={`presenter${measured?.oneColumn ? ' p-one-column' : ''}`} style={style}>
      {state.timer && <Timer timer={state.timer} />}
      <Screen screen={state.screen} title={state.title} slice={slice} />
    </main>
  );
}
