/**
 * The workshop report as a document model, so the document engine writes it to Word and PDF exactly as it
 * writes business cases. Its structure follows WORKSHOPS.md §2.4: summary; purpose, scope and authority; who was
 * there; methods and voting modes; what the room said and chose; the map as agreed; decisions; disagreements
 * and minority views; actions; parking lot; what happens next. Individual contributions are anonymised: no idea
 * authors, no one's ballot, and attendance by organisation unless names are asked for.
 */
import type {
  Block,
  DocModel,
  Inline,
  ListBlock,
  TableBlock,
  TableCell,
  TableColumn,
} from '../documents/model';
import { officialName } from '../documents/template/data-view';
import { uniqueId } from '../documents/model';
import type { ProtectiveMarking } from '../model/vocabulary';
import type { Activity, Workbook, Workshop } from '../model/workbook-schema';
import { describeDotVote, isAbstention, rankDotVote, voterCount } from './dot-vote';
import { listInWords, plural } from '../text/words';
import { longDate } from '../text/dates';
import { ACTIVITY_KINDS, describeOption, headCount, INFLUENCE_TEXT, PHASE_TEXT } from './kinds';
import { describePoints, pointShares, rankPoints } from './points';
import { rankLabel, type Ranking } from './ranking';
import { DISPOSITIONS } from './session';
import { quadrantOf, quadrants } from './two-by-two';
import { agreedProposals, strengthText, walkObjectives } from './walk-the-map';

export interface ReportOptions {
  readonly generatedAt: Date;
  readonly marking?: ProtectiveMarking;
  /** Name the participants (only when the workshop recorded names); counts by organisation otherwise. */
  readonly includeNames?: boolean;
}

const t = (text: string, emphasis?: 'strong'): Inline =>
  emphasis ? { kind: 'text', text, emphasis } : { kind: 'text', text };
const p = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
const cell = (text: string, extra: Partial<TableCell> = {}): TableCell => ({
  content: text ? [t(text)] : [],
  ...extra,
});
const bullets = (items: readonly string[]): ListBlock => ({
  kind: 'list',
  ordered: false,
  items: items.map((i) => ({ content: [t(i)] })),
});

type Vote = Extract<Activity, { kind: 'dot-vote' | 'points' }>;

class Builder {
  readonly blocks: Block[] = [];
  private ids = new Set<string>();
  private tables = 0;

  heading(level: 1 | 2 | 3, text: string): void {
    this.blocks.push({ kind: 'heading', level, id: uniqueId(this.ids, text), content: [t(text)] });
  }

  add(...blocks: Block[]): void {
    this.blocks.push(...blocks);
  }

  table(caption: string, columns: TableColumn[], rows: TableCell[][], extra: Partial<TableBlock> = {}): void {
    this.blocks.push({
      kind: 'table',
      id: `table-${++this.tables}`,
      caption,
      columns,
      rows,
      rowHeaders: true,
      ...extra,
    });
  }
}

function optionName(wb: Workbook, w: Workshop, id: string): string {
  return describeOption(wb, w, id).label;
}

function resultsTable(b: Builder, wb: Workbook, w: Workshop, a: Vote, ranking: Ranking, unit: string): void {
  const shares = a.kind === 'points' ? pointShares(a) : null;
  const numbers = new Map(a.optionIds.map((id, i) => [id, i + 1]));
  const columns: TableColumn[] = [
    { header: 'Option', width: 6 },
    { header: 'Number on the sheet', width: 2, align: 'centre' },
    { header: unit, width: 2, align: 'right' },
    ...(shares ? [{ header: 'Share of all points', width: 2, align: 'right' as const }] : []),
    { header: 'Place', width: 2 },
  ];
  const rows = ranking.rows.map((r) => [
    cell(optionName(wb, w, r.optionId)),
    cell(String(numbers.get(r.optionId) ?? ''), { align: 'centre' }),
    cell(r.amount.toLocaleString('en-GB'), { align: 'right' }),
    ...(shares ? [cell(`${shares.get(r.optionId) ?? 0}%`, { align: 'right' })] : []),
    cell(rankLabel(r)),
  ]);
  b.table(`Results of “${a.title}”`, columns, rows);
}

function voteSection(b: Builder, wb: Workbook, w: Workshop, a: Vote): void {
  if (!a.revealed) {
    b.add(p(t('The results of this vote were not revealed in the session, so they are not reported.')));
    return;
  }
  const ranking = a.kind === 'dot-vote' ? rankDotVote(a) : rankPoints(a);
  const voters = a.kind === 'dot-vote' ? voterCount(a) : a.ballots.length;
  b.add(p(t(`Method: ${a.kind === 'dot-vote' ? describeDotVote(a) : describePoints(a)}.`)));
  if (voters !== null) {
    const abstained = a.ballots.filter(isAbstention).length;
    b.add(
      p(
        t(
          `${plural(voters, 'person', 'people')} voted${abstained > 0 ? `, of whom ${abstained} abstained` : ''}.`,
        ),
      ),
    );
  }
  resultsTable(b, wb, w, a, ranking, a.kind === 'dot-vote' ? 'Dots' : 'Points');
  if (ranking.ties.length > 0) {
    const tieText = ranking.ties.map((g) => listInWords(g.map((id) => `“${optionName(wb, w, id)}”`)));
    const revote = w.activities.find((x) => x.kind === 'dot-vote' && x.revoteOf === a.id);
    b.add(
      p(
        t('Ties: ', 'strong'),
        t(`${tieText.join('; ')} received the same number of ${a.kind === 'dot-vote' ? 'dots' : 'points'}.`),
        t(
          revote
            ? ` The room re-voted on the tied items (“${revote.title}”, below).`
            : ranking.revoteCandidates.length > 0
              ? ' The tie at the top was not re-voted in the session.'
              : '',
        ),
      ),
    );
  }
}

function ideasSection(b: Builder, wb: Workbook, w: Workshop, a: Extract<Activity, { kind: 'ideas' }>): void {
  if (a.ideas.length === 0) {
    b.add(p(t('No ideas were recorded.')));
    return;
  }
  b.add(
    p(
      t(
        `${plural(a.ideas.length, 'idea')} recorded. Ideas are listed without the names of those who suggested them.`,
      ),
    ),
  );
  const groups = new Map<string, string[]>();
  for (const idea of a.ideas) {
    const name = idea.group.trim() || (idea.targetId ? optionName(wb, w, idea.targetId) : 'Other ideas');
    const became = idea.becameId ? becameText(wb, w, idea.becameId) : '';
    groups.set(name, [...(groups.get(name) ?? []), `${idea.text}${became ? ` (${became})` : ''}`]);
  }
  for (const [name, ideas] of groups) {
    b.heading(3, name);
    b.add(bullets(ideas));
  }
}

function becameText(wb: Workbook, w: Workshop, id: string): string {
  if (wb.services.some((s) => s.id === id)) return 'now a service in the workbook';
  if (wb.evidence.some((e) => e.id === id)) return 'recorded as evidence';
  if (w.actions.some((x) => x.id === id)) return 'now an action';
  return '';
}

function gridSection(
  b: Builder,
  wb: Workbook,
  w: Workshop,
  a: Extract<Activity, { kind: 'two-by-two' }>,
): void {
  const q = quadrants(a);
  b.add(
    p(t('Axes: ', 'strong'), t(`${a.yAxis} (up) against ${a.xAxis} (across).`)),
    ...(a.yDefinition || a.xDefinition
      ? [
          bullets([
            ...(a.yDefinition ? [`${a.yAxis}: ${a.yDefinition}`] : []),
            ...(a.xDefinition ? [`${a.xAxis}: ${a.xDefinition}`] : []),
          ]),
        ]
      : []),
  );
  const placed = a.placements.filter((x) => a.optionIds.includes(x.optionId));
  if (placed.length === 0) {
    b.add(p(t('Nothing was placed on the grid.')));
    return;
  }
  const order = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
  const rows = [...placed]
    .sort((x, y) => order.indexOf(quadrantOf(x)) - order.indexOf(quadrantOf(y)) || y.y - x.y)
    .map((x) => {
      const quad = q[quadrantOf(x)];
      return [
        cell(optionName(wb, w, x.optionId)),
        cell(`${quad.letter}: ${quad.name}`),
        cell(`${Math.round(x.y * 100)}%`, { align: 'right' }),
        cell(`${Math.round(x.x * 100)}%`, { align: 'right' }),
      ];
    });
  b.table(
    `Placements on “${a.title}”`,
    [
      { header: 'Item', width: 6 },
      { header: 'Quadrant', width: 4 },
      { header: `${a.yAxis} (0 to 100%)`, width: 2, align: 'right' },
      { header: `${a.xAxis} (0 to 100%)`, width: 2, align: 'right' },
    ],
    rows,
  );
  const waiting = a.optionIds.filter((id) => !placed.some((x) => x.optionId === id));
  if (waiting.length > 0)
    b.add(p(t(`Not placed: ${listInWords(waiting.map((id) => `“${optionName(wb, w, id)}”`))}.`)));
}

function mapSection(
  b: Builder,
  wb: Workbook,
  w: Workshop,
  a: Extract<Activity, { kind: 'walk-the-map' }>,
): void {
  const agreed = agreedProposals(a);
  const open = a.proposals.length - agreed.length;
  b.add(
    p(
      t(
        `The room walked through ${plural(walkObjectives(wb, a).length, 'objective')} and agreed ${plural(agreed.length, 'link')}${open > 0 ? `; ${plural(open, 'proposal')} ${open === 1 ? 'was' : 'were'} not agreed and ${open === 1 ? 'does' : 'do'} not change the map` : ''}. Strength is shown by symbol and word: ● strong, ○ medium, △ weak.`,
      ),
    ),
  );
}

function agreedMapTable(b: Builder, wb: Workbook, w: Workshop): number {
  const services = new Map(wb.services.map((s) => [s.id, s]));
  const rows: TableCell[][] = [];
  for (const a of w.activities) {
    if (a.kind !== 'walk-the-map') continue;
    for (const o of walkObjectives(wb, a)) {
      for (const prop of agreedProposals(a).filter((x) => x.objectiveId === o.id)) {
        const s = services.get(prop.serviceId);
        if (!s) continue;
        const onMap = wb.alignments.some(
          (l) =>
            l.serviceId === prop.serviceId &&
            l.objectiveId === prop.objectiveId &&
            l.provenance.workshopId === w.id,
        );
        rows.push([
          cell(o.title),
          cell(s.name),
          cell(strengthText(prop.strength), { shade: `strength-${prop.strength}` }),
          cell(prop.rationale || 'No reason recorded'),
          cell(onMap ? 'Yes' : 'Not yet'),
        ]);
      }
    }
  }
  if (rows.length > 0)
    b.table(
      'Links agreed by the room',
      [
        { header: 'Objective', width: 5 },
        { header: 'Service', width: 4 },
        { header: 'Strength', width: 2 },
        { header: 'Why (as agreed)', width: 7 },
        { header: 'In the workbook map', width: 2 },
      ],
      rows,
    );
  return rows.length;
}

function attendance(b: Builder, w: Workshop, includeNames: boolean): void {
  const count = headCount(w);
  const byOrg = new Map<string, number>();
  for (const person of w.participants)
    byOrg.set(
      person.organisation.trim() || 'Organisation not recorded',
      (byOrg.get(person.organisation.trim() || 'Organisation not recorded') ?? 0) + 1,
    );
  if (w.participants.length === 0) for (const o of w.organisations) byOrg.set(o.name, o.count);
  b.add(
    p(
      t(
        `${plural(count, 'person', 'people')} took part${byOrg.size > 0 ? `, from ${plural(byOrg.size, 'organisation')}` : ''}.`,
      ),
    ),
  );
  if (byOrg.size > 0)
    b.table(
      'Attendance by organisation',
      [
        { header: 'Organisation', width: 8 },
        { header: 'People', width: 2, align: 'right' },
      ],
      [...byOrg].map(([name, n]) => [cell(name), cell(String(n), { align: 'right' })]),
    );
  if (includeNames && w.anonymity === 'named' && w.participants.length > 0)
    b.table(
      'Participants',
      [
        { header: 'Name', width: 4 },
        { header: 'Role', width: 4 },
        { header: 'Organisation', width: 4 },
      ],
      w.participants.map((x) => [cell(x.name || 'Name not recorded'), cell(x.role), cell(x.organisation)]),
    );
}

/** The report for one workshop, or null when it is not in the workbook. */
export function buildWorkshopReport(
  wb: Workbook,
  workshopId: string,
  options: ReportOptions,
): DocModel | null {
  const w = wb.workshops.find((x) => x.id === workshopId);
  if (!w) return null;
  const organisation = officialName(wb);
  const title = `Workshop report: ${w.title}`;
  const date = longDate(w.date) || 'Date not recorded';
  const b = new Builder();
  const votes = w.activities.filter((a): a is Vote => a.kind === 'dot-vote' || a.kind === 'points');
  const agreedCount = w.activities.reduce(
    (n, a) => n + (a.kind === 'walk-the-map' ? agreedProposals(a).length : 0),
    0,
  );
  const influence = INFLUENCE_TEXT[w.influence];

  // 1. Summary
  b.heading(1, 'Summary');
  b.add(p(t(w.purpose.trim() || 'The purpose of the workshop was not recorded.')));
  const findings: string[] = [];
  for (const v of votes.filter((x) => x.revealed)) {
    const r = v.kind === 'dot-vote' ? rankDotVote(v) : rankPoints(v);
    const top = r.rows.filter((row) => row.rank === 1 && row.amount > 0);
    if (top.length > 0)
      findings.push(
        `“${v.title}”: ${listInWords(top.map((row) => `“${optionName(wb, w, row.optionId)}”`))} came ${top.length > 1 ? 'joint first' : 'first'} (${plural(top[0]!.amount, v.kind === 'dot-vote' ? 'dot' : 'point')}).`,
      );
  }
  if (agreedCount > 0)
    findings.push(
      `The room agreed ${plural(agreedCount, 'link')} between library services and council objectives.`,
    );
  findings.push(
    `${plural(w.decisions.length, 'decision')} and ${plural(w.actions.length, 'action')} were recorded.`,
  );
  const undisposed = w.parkingLot.filter((x) => x.disposition === 'open').length;
  if (w.parkingLot.length > 0)
    findings.push(
      `${plural(w.parkingLot.length, 'item')} went to the parking lot${undisposed > 0 ? `, ${undisposed} still without a disposition` : ', each with a disposition'}.`,
    );
  b.add(bullets(findings));
  if (w.nextSteps.trim()) b.add(p(t('Next: ', 'strong'), t(w.nextSteps.trim())));

  // 2. Purpose, scope and authority
  b.heading(1, 'Purpose, scope and authority');
  b.add(p(t('Level of influence: ', 'strong'), t(`${influence.label}. ${influence.description}`)));
  if (w.influence !== 'co-design')
    b.add({
      kind: 'callout',
      tone: 'note',
      title: 'This workshop was advisory',
      blocks: [p(t('Its conclusions inform the decision; they do not make it.'))],
    });
  b.add(p(t('Who decides: ', 'strong'), t(w.whoDecides.trim() || 'Not recorded.')));
  b.add(
    p(
      t('Out of scope, or cannot change: ', 'strong'),
      t(w.outOfScope.trim() || 'Nothing was declared out of scope.'),
    ),
  );

  // 3. Date, venue, facilitator and attendees
  b.heading(1, 'Date, venue, facilitator and attendees');
  b.table(
    'About the session',
    [
      { header: 'Detail', width: 3 },
      { header: 'Value', width: 9 },
    ],
    [
      [cell('Date'), cell(date)],
      [cell('Venue'), cell(w.venue || 'Not recorded')],
      [
        cell('Facilitator'),
        cell([w.facilitator, w.facilitatorRole].filter(Boolean).join(', ') || 'Not recorded'),
      ],
      [cell('Facilitator’s stake'), cell(w.facilitatorStake || 'None declared')],
      [
        cell('Anonymity'),
        cell(
          w.anonymity === 'anonymous'
            ? 'Anonymous: no author or voter was recorded'
            : 'Named: contributions could be attributed, but this report does not attribute them',
        ),
      ],
    ],
  );
  attendance(b, w, options.includeNames ?? false);
  if (w.accessNeeds.trim()) b.add(p(t('Access arrangements: ', 'strong'), t(w.accessNeeds.trim())));

  // 4. Agenda and methods
  b.heading(1, 'Agenda and methods');
  if (w.activities.length === 0) b.add(p(t('No activities were planned.')));
  else
    b.table(
      'Agenda and methods used',
      [
        { header: 'Activity', width: 5 },
        { header: 'Method', width: 6 },
        { header: 'Minutes', width: 2, align: 'right' },
        { header: 'Stage', width: 3 },
      ],
      w.activities.map((a) => [
        cell(a.title),
        cell(
          a.kind === 'dot-vote'
            ? describeDotVote(a)
            : a.kind === 'points'
              ? describePoints(a)
              : ACTIVITY_KINDS[a.kind].label,
        ),
        cell(String(a.minutes), { align: 'right' }),
        cell(PHASE_TEXT[ACTIVITY_KINDS[a.kind].phase]),
      ]),
    );

  // 5. Outputs
  b.heading(1, 'What the room said and chose');
  for (const a of w.activities) {
    b.heading(2, a.title);
    switch (a.kind) {
      case 'ideas':
        ideasSection(b, wb, w, a);
        break;
      case 'dot-vote':
      case 'points':
        voteSection(b, wb, w, a);
        break;
      case 'two-by-two':
        gridSection(b, wb, w, a);
        break;
      case 'walk-the-map':
        mapSection(b, wb, w, a);
        break;
    }
    if (a.summary.trim()) b.add(p(t('Conclusion: ', 'strong'), t(a.summary.trim())));
  }

  // 6. The map as agreed
  b.heading(1, 'The map as agreed');
  if (agreedMapTable(b, wb, w) === 0) b.add(p(t('No links were agreed in this workshop.')));
  else
    b.add(
      p(
        t(
          '“In the workbook map” says whether the agreed link has been copied into the contribution map, where it is recorded as agreed at this workshop.',
        ),
      ),
    );

  // 7. Decisions
  b.heading(1, 'Decisions');
  if (w.decisions.length === 0) b.add(p(t('No decisions were recorded.')));
  else
    b.table(
      'Decisions',
      [
        { header: 'Decision', width: 5 },
        { header: 'Why', width: 5 },
        { header: 'How agreement was tested, and the result', width: 4 },
        { header: 'Decided by', width: 3 },
      ],
      w.decisions.map((d) => [
        cell(d.text),
        cell(d.rationale),
        cell([d.method, d.result].filter(Boolean).join(': ')),
        cell(d.decidedBy || 'The room'),
      ]),
    );

  // 8. Disagreements and minority views
  b.heading(1, 'Disagreements and minority views');
  const views: string[] = [];
  for (const d of w.decisions) if (d.dissent.trim()) views.push(`On “${d.text}”: ${d.dissent.trim()}`);
  for (const a of w.activities)
    if (a.kind === 'walk-the-map')
      for (const prop of a.proposals.filter((x) => x.objections.trim())) {
        const s = wb.services.find((x) => x.id === prop.serviceId)?.name ?? 'a service';
        const o = wb.objectives.find((x) => x.id === prop.objectiveId)?.title ?? 'an objective';
        views.push(
          `On ${s} and “${o}” (${prop.agreed ? `agreed as ${strengthText(prop.strength)}` : 'not agreed'}): ${prop.objections.trim()}`,
        );
      }
  b.add(views.length > 0 ? bullets(views) : p(t('No disagreement or minority view was recorded.')));

  // 9. Actions
  b.heading(1, 'Actions');
  if (w.actions.length === 0) b.add(p(t('No actions were recorded.')));
  else
    b.table(
      'Actions',
      [
        { header: 'Action', width: 6 },
        { header: 'Owner', width: 3 },
        { header: 'Due', width: 3 },
        { header: 'Status', width: 2 },
        { header: 'Done when', width: 4 },
      ],
      w.actions.map((x) => [
        cell(x.text),
        cell(x.owner || 'No owner yet', x.owner ? {} : { shade: 'rag-amber' }),
        cell(x.due ? longDate(x.due) : 'No date yet', x.due ? {} : { shade: 'rag-amber' }),
        cell({ open: 'Open', done: 'Done', dropped: 'Dropped' }[x.status]),
        cell(x.doneWhen),
      ]),
    );

  // 10. Parking lot
  b.heading(1, 'Parking lot');
  if (w.parkingLot.length === 0) b.add(p(t('Nothing was parked.')));
  else
    b.table(
      'Parking lot and what happens to each item',
      [
        { header: 'Item', width: 5 },
        { header: 'Disposition', width: 3 },
        { header: 'Owner', width: 3 },
        { header: 'Detail', width: 5 },
      ],
      w.parkingLot.map((x) => [
        cell(x.text),
        cell(DISPOSITIONS[x.disposition].label, x.disposition === 'open' ? { shade: 'rag-amber' } : {}),
        cell(x.owner),
        cell(x.detail),
      ]),
    );

  // 11. What happens next
  b.heading(1, 'What happens next');
  b.add(p(t(w.nextSteps.trim() || 'Next steps were not recorded.')));
  if (w.feedbackBy) b.add(p(t('When you will hear back: ', 'strong'), t(`by ${longDate(w.feedbackBy)}.`)));
  const dropped = w.parkingLot.filter((x) => x.disposition === 'dropped');
  if (dropped.length > 0) {
    b.heading(2, 'What we cannot take forward, and why');
    b.add(bullets(dropped.map((x) => `${x.text}: ${x.detail}`)));
  }

  const marking = options.marking ?? 'OFFICIAL';
  return {
    properties: {
      title,
      subject: `Record of the workshop held on ${date}${w.venue ? ` at ${w.venue}` : ''}.`,
      author: w.facilitator || wb.author || organisation,
      organisation,
      language: 'en-GB',
      keywords: ['libraries', 'workshop', 'report', ...(wb.authority ? [wb.authority.name] : [])],
      description:
        'Workshop report: purpose, attendance, methods, results, decisions, actions, parking lot and next steps.',
      generatedAt: options.generatedAt.toISOString(),
      templateId: 'workshop-report',
      templateVersion: '1.0.0',
    },
    marking,
    runningTitle: title,
    titlePage: {
      title,
      subtitle: [date, w.venue].filter(Boolean).join(', '),
      organisation,
      details: [
        {
          label: 'Facilitator',
          value: [w.facilitator, w.facilitatorRole].filter(Boolean).join(', ') || 'Not recorded',
        },
        { label: 'Participants', value: plural(headCount(w), 'person', 'people') },
        { label: 'Report prepared', value: longDate(options.generatedAt.toISOString()) },
        {
          label: 'Status',
          value: w.status === 'closed' ? 'Session closed' : 'Draft: the session has not been closed',
        },
      ],
    },
    sections: [{ orientation: 'portrait', blocks: b.blocks }],
    references: [],
  };
}
