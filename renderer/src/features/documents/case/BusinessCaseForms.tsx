/**
 * The business case's decision data in the Documents step, for the business case template only: the options
 * appraisal, the financial case (funding by year against the preferred option's costs), the commercial case and
 * the management case. Every edit goes through the workbook store as one named, undoable step.
 */
import type { Draft as Mutable } from 'immer';
import { financialProfile, yearLabels } from '../../../../../shared/analysis/appraisal';
import {
  type DELIVERY_MODELS,
  type FUNDING_KINDS,
  emptyBusinessCase,
  type OPTION_ROLES,
  type RISK_HOLDERS,
  type BusinessCaseData,
  type Milestone,
} from '../../../../../shared/model/business-case-schema';
import { newId } from '../../../../../shared/model/ids';
import type { Workbook } from '../../../../../shared/model/workbook-schema';
import { formatMoney } from '../../../../../shared/text/numbers';
import { SelectField } from '../../../components/fields';
import { TextField } from '../../../components/TextField';
import { AppraisalForm, setAmount, type CaseEdit } from './AppraisalForm';
import { MoneyCell, RatingCell, RowTable, SelectCell, TextCell, UkDateCell } from './case-fields';
import './case.css';

const FUNDING_LABELS: Record<(typeof FUNDING_KINDS)[number], string> = {
  grant: 'Grant',
  'partner-contribution': 'Partner contribution',
  'council-budget': 'Council budget',
  reserves: 'Reserves',
  'capital-receipts': 'Capital receipts',
  borrowing: 'Borrowing',
  other: 'Other',
};
const DELIVERY_LABELS: Record<(typeof DELIVERY_MODELS)[number], string> = {
  'in-house': 'In-house',
  partner: 'With a partner',
  commissioned: 'Commissioned',
  framework: 'Framework call-off',
  'grant-funded': 'Grant-funded organisation',
  other: 'Other',
};
const HOLDER_LABELS: Record<(typeof RISK_HOLDERS)[number], string> = { council: 'The council', shared: 'Shared', 'partner-or-supplier': 'Partner or supplier' };
const options = <T extends string>(labels: Record<T, string>) => (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

const STANDARD_CSFS = [
  'Strategic fit and meets business needs',
  'Potential value for money',
  'Supplier capacity and capability',
  'Potential affordability',
  'Potential achievability',
];

/** A new case: the five standard critical success factors, and the four short-list places to fill, from next April. */
export function startingCase(today: Date): BusinessCaseData {
  const first = today.getMonth() >= 3 ? today.getFullYear() + 1 : today.getFullYear();
  const option = (name: string, role: (typeof OPTION_ROLES)[number]) => ({
    id: newId('option'),
    name,
    role,
    description: '',
    choices: [],
    verdict: 'possible' as const,
    reason: '',
    costs: [],
    benefits: [],
    optimismBias: { percent: 0, basis: '' },
    scores: [],
    risks: '',
  });
  const bc = emptyBusinessCase();
  bc.appraisal.firstYear = first;
  bc.appraisal.priceBase = `${first}/${String((first + 1) % 100).padStart(2, '0')} prices`;
  bc.appraisal.criteria = STANDARD_CSFS.map((label) => ({ id: newId('criterion'), kind: 'csf' as const, label }));
  bc.appraisal.options = [
    option('Business as usual', 'business-as-usual'),
    option('Do minimum', 'do-minimum'),
    option('Preferred way forward', 'preferred'),
    option('Alternative', 'alternative'),
  ];
  return bc;
}

export function BusinessCaseForms(props: { data: BusinessCaseData | null; workbook: Workbook; edit: CaseEdit }) {
  const data = props.data ?? null;
  const { edit } = props;
  if (data === null)
    return (
      <section className="panel" aria-labelledby="case-heading">
        <h2 id="case-heading">Options, costs and delivery</h2>
        <p>
          The economic, financial, commercial and management cases are built from data: the options with their costs and benefits by year, the
          funding, the deal and the delivery plan.
        </p>
        <button type="button" className="button button-primary" onClick={() => edit('Start the options appraisal', (bc) => void Object.assign(bc, startingCase(new Date())))}>
          Start the options appraisal
        </button>
      </section>
    );
  return (
    <section className="panel case-forms" aria-labelledby="case-heading">
      <h2 id="case-heading">Options, costs and delivery</h2>
      <p className="hint">Enter amounts as £85,000, 85000 or 85k. Dates are day/month/year. The preview shows the tables as they will print.</p>
      <AppraisalForm appraisal={data.appraisal} edit={edit} />
      <FinancialForm data={data} edit={edit} />
      <CommercialForm data={data} edit={edit} />
      <ManagementForm data={data} workbook={props.workbook} edit={edit} />
    </section>
  );
}

function FinancialForm({ data, edit }: { data: BusinessCaseData; edit: CaseEdit }) {
  const f = data.financial;
  const labels = yearLabels(data.appraisal.firstYear, data.appraisal.years);
  const profile = financialProfile(data);
  return (
    <>
      <h3>Financial case</h3>
      <RowTable
        caption="Funding sources by financial year"
        headers={['Source', 'Kind', 'Capital or revenue', 'Confirmed', ...labels]}
        rows={f.funding.map((s) => {
          const at = (bc: Mutable<BusinessCaseData>) => bc.financial.funding.find((x) => x.id === s.id)!;
          return {
            key: s.id,
            name: s.label,
            cells: [
              <TextCell key="l" label="Funding source" required value={s.label} onCommit={(v) => edit('Rename a funding source', (bc) => void (at(bc).label = v), `case:line:${s.id}`)} />,
              <SelectCell key="k" label={`Kind of funding, ${s.label}`} value={s.kind} options={options(FUNDING_LABELS)} onChange={(v) => edit('Change a funding source', (bc) => void (at(bc).kind = v))} />,
              <SelectCell
                key="c"
                label={`Capital or revenue, ${s.label}`}
                value={s.kindOf}
                options={[
                  { value: 'capital', label: 'Capital' },
                  { value: 'revenue', label: 'Revenue' },
                ]}
                onChange={(v) => edit('Change a funding source', (bc) => void (at(bc).kindOf = v))}
              />,
              <input key="y" type="checkbox" aria-label={`${s.label} is confirmed`} checked={s.confirmed} onChange={(e) => edit(e.target.checked ? 'Confirm a funding source' : 'Mark a funding source not confirmed', (bc) => void (at(bc).confirmed = e.target.checked))} />,
              ...labels.map((y, t) => (
                <MoneyCell key={t} label={`${s.label}, ${y}`} value={s.amounts[t] ?? 0} onCommit={(v) => edit('Enter funding', (bc) => setAmount(at(bc).amounts, t, v), `case:amount:${s.id}:${t}`)} />
              )),
            ],
          };
        })}
        addLabel="Add a funding source"
        onAdd={() => edit('Add a funding source', (bc) => void bc.financial.funding.push({ id: newId('caseLine'), label: 'New funding source', kind: 'council-budget', kindOf: 'revenue', amounts: [], confirmed: false }))}
        onRemove={(id) => edit('Remove a funding source', (bc) => void (bc.financial.funding = bc.financial.funding.filter((x) => x.id !== id)))}
      />
      {profile && (
        <p aria-live="polite">
          The preferred option costs {formatMoney(profile.totals.costs)} over the period; funding of {formatMoney(profile.totals.funding)} is entered, leaving{' '}
          {profile.totals.gap > 0 ? `a gap of ${formatMoney(profile.totals.gap)}` : profile.totals.gap < 0 ? `${formatMoney(-profile.totals.gap)} more than it needs` : 'no gap'}.
        </p>
      )}
      <TextField label="Effect on the medium-term financial strategy" multiline value={f.mtfsEffect} maxLength={20_000} hint="How the costs and any gap fit the MTFS, and how a gap will be closed." onCommit={(v) => edit('Describe the MTFS effect', (bc) => void (bc.financial.mtfsEffect = v), 'case:mtfs')} />
      <TextField label="Accounting treatment" multiline value={f.accountingTreatment} maxLength={20_000} onCommit={(v) => edit('Describe the accounting treatment', (bc) => void (bc.financial.accountingTreatment = v), 'case:accounting')} />
    </>
  );
}

function CommercialForm({ data, edit }: { data: BusinessCaseData; edit: CaseEdit }) {
  const c = data.commercial;
  type Text = 'procurementRoute' | 'agreementType' | 'term' | 'paymentMechanism' | 'staffing' | 'socialValue';
  const text = (field: Text, label: string, hint: string, multiline = true) => (
    <TextField label={label} hint={hint} multiline={multiline} maxLength={multiline ? 20_000 : 500} value={c[field]} onCommit={(v) => edit(`Describe the ${label.toLowerCase()}`, (bc) => void (bc.commercial[field] = v), `case:commercial:${field}`)} />
  );
  return (
    <>
      <h3>Commercial case</h3>
      <SelectField
        label="Delivery model"
        value={c.deliveryModel ?? ''}
        options={[{ value: '', label: 'Choose…' }, ...options(DELIVERY_LABELS)]}
        onChange={(v) => edit('Choose the delivery model', (bc) => void (bc.commercial.deliveryModel = v === '' ? null : v))}
      />
      {text('procurementRoute', 'Procurement route', 'In-house, a grant, a partnership agreement, a framework call-off or a procurement under the Procurement Act 2023.')}
      <div className="case-grid">
        {text('agreementType', 'Contract or agreement', 'For example “memorandum of understanding” or “NEC4 service contract”.', false)}
        {text('term', 'Term', 'For example “three years with an option to extend by one”.', false)}
      </div>
      <RowTable
        caption="Risk allocation"
        headers={['Risk', 'Held by', 'How']}
        rows={c.riskAllocation.map((r) => {
          const at = (bc: Mutable<BusinessCaseData>) => bc.commercial.riskAllocation.find((x) => x.id === r.id)!;
          return {
            key: r.id,
            name: r.risk,
            cells: [
              <TextCell key="r" label="Risk" required value={r.risk} onCommit={(v) => edit('Describe an allocated risk', (bc) => void (at(bc).risk = v), `case:alloc:${r.id}`)} />,
              <SelectCell key="h" label={`Who holds “${r.risk}”`} value={r.holder} options={options(HOLDER_LABELS)} onChange={(v) => edit('Allocate a risk', (bc) => void (at(bc).holder = v))} />,
              <TextCell key="n" label={`How “${r.risk}” is held`} value={r.note} onCommit={(v) => edit('Describe a risk allocation', (bc) => void (at(bc).note = v), `case:alloc-note:${r.id}`)} />,
            ],
          };
        })}
        addLabel="Add a risk to allocate"
        onAdd={() => edit('Add a risk to allocate', (bc) => void bc.commercial.riskAllocation.push({ id: newId('caseRow'), risk: 'New risk', holder: 'council', note: '' }))}
        onRemove={(id) => edit('Remove an allocated risk', (bc) => void (bc.commercial.riskAllocation = bc.commercial.riskAllocation.filter((x) => x.id !== id)))}
      />
      {text('paymentMechanism', 'Payment mechanism', 'How and when money is paid, and against what (milestones, outputs, results).')}
      {text('staffing', 'Staffing and TUPE', 'Whether any staff transfer under TUPE, and other staffing effects. Check with HR.')}
      {text('socialValue', 'Social value', 'What the arrangement adds for the area (Public Services (Social Value) Act 2012).')}
    </>
  );
}

type DatedRows = 'milestones' | 'assurance';

function ManagementForm({ data, workbook, edit }: { data: BusinessCaseData; workbook: Workbook; edit: CaseEdit }) {
  const m = data.management;
  type Text = 'board' | 'sponsor' | 'leadOfficer';
  const person = (field: Text, label: string) => (
    <TextField label={label} maxLength={500} value={m[field]} onCommit={(v) => edit(`Name the ${label.toLowerCase()}`, (bc) => void (bc.management[field] = v), `case:management:${field}`)} />
  );
  const kpis = workbook.objectives.flatMap((o) => o.kpis.map((k) => ({ value: k.id, label: k.name })));
  const dated = (list: DatedRows, caption: string, what: string, rows: readonly Milestone[]) => (
    <RowTable
      caption={caption}
      headers={[what, 'Date', list === 'milestones' ? 'Owner' : 'By']}
      rows={rows.map((r) => {
        const at = (bc: Mutable<BusinessCaseData>) => bc.management[list].find((x) => x.id === r.id)!;
        return {
          key: r.id,
          name: r.label,
          cells: [
            <TextCell key="l" label={what} required value={r.label} onCommit={(v) => edit(`Rename a ${what.toLowerCase()}`, (bc) => void (at(bc).label = v), `case:row:${r.id}`)} />,
            <UkDateCell key="d" label={`Date of ${r.label}`} value={r.date} onCommit={(v) => edit(`Date a ${what.toLowerCase()}`, (bc) => void (at(bc).date = v), `case:date:${r.id}`)} />,
            <TextCell key="o" label={`Owner of ${r.label}`} value={r.owner} onCommit={(v) => edit(`Name who owns a ${what.toLowerCase()}`, (bc) => void (at(bc).owner = v), `case:owner:${r.id}`)} />,
          ],
        };
      })}
      addLabel={`Add a ${what.toLowerCase()}`}
      onAdd={() => edit(`Add a ${what.toLowerCase()}`, (bc) => void bc.management[list].push({ id: newId('caseRow'), label: `New ${what.toLowerCase()}`, date: null, owner: '' }))}
      onRemove={(id) => edit(`Remove a ${what.toLowerCase()}`, (bc) => void (bc.management[list] = bc.management[list].filter((x) => x.id !== id)))}
    />
  );
  return (
    <>
      <h3>Management case</h3>
      <div className="case-grid">
        {person('board', 'Programme or project board')}
        {person('sponsor', 'Senior responsible owner (sponsor)')}
        {person('leadOfficer', 'Lead officer')}
      </div>
      <TextField label="Governance arrangements" multiline maxLength={20_000} value={m.arrangements} hint="Who reports to whom, how often, and how issues are escalated." onCommit={(v) => edit('Describe the governance', (bc) => void (bc.management.arrangements = v), 'case:arrangements')} />
      {dated('milestones', 'Milestone plan', 'Milestone', m.milestones)}
      <RowTable
        caption="Benefits realisation plan"
        headers={['Benefit', 'Council KPI', 'Measure', 'Baseline', 'Target', 'Owner', 'By']}
        rows={m.benefits.map((b) => {
          const at = (bc: Mutable<BusinessCaseData>) => bc.management.benefits.find((x) => x.id === b.id)!;
          const linked = b.kpiId !== null;
          return {
            key: b.id,
            name: b.benefit,
            cells: [
              <TextCell key="b" label="Benefit" required value={b.benefit} onCommit={(v) => edit('Describe a benefit', (bc) => void (at(bc).benefit = v), `case:benefit:${b.id}`)} />,
              <SelectCell key="k" label={`Council KPI that measures ${b.benefit}`} value={b.kpiId ?? ''} options={[{ value: '', label: 'None' }, ...kpis]} onChange={(v) => edit('Link a benefit to a KPI', (bc) => void (at(bc).kpiId = v === '' ? null : v))} />,
              <TextCell key="m" label={`Measure of ${b.benefit}`} value={b.measure} onCommit={(v) => edit('Give a benefit’s measure', (bc) => void (at(bc).measure = v), `case:measure:${b.id}`)} />,
              linked ? <span key="bl" className="muted">From the KPI</span> : <TextCell key="bl" label={`Baseline of ${b.benefit}`} value={b.baseline} onCommit={(v) => edit('Give a benefit’s baseline', (bc) => void (at(bc).baseline = v), `case:baseline:${b.id}`)} />,
              linked ? <span key="tg" className="muted">From the KPI</span> : <TextCell key="tg" label={`Target of ${b.benefit}`} value={b.target} onCommit={(v) => edit('Give a benefit’s target', (bc) => void (at(bc).target = v), `case:target:${b.id}`)} />,
              <TextCell key="o" label={`Owner of ${b.benefit}`} value={b.owner} onCommit={(v) => edit('Name a benefit’s owner', (bc) => void (at(bc).owner = v), `case:benefit-owner:${b.id}`)} />,
              <UkDateCell key="d" label={`Date for ${b.benefit}`} value={b.date} onCommit={(v) => edit('Date a benefit', (bc) => void (at(bc).date = v), `case:benefit-date:${b.id}`)} />,
            ],
          };
        })}
        addLabel="Add a benefit"
        onAdd={() => edit('Add a benefit', (bc) => void bc.management.benefits.push({ id: newId('caseRow'), benefit: 'New benefit', measure: '', kpiId: null, baseline: '', target: '', owner: '', date: null }))}
        onRemove={(id) => edit('Remove a benefit', (bc) => void (bc.management.benefits = bc.management.benefits.filter((x) => x.id !== id)))}
      />
      <RowTable
        caption="Risk register (likelihood and impact from 1 to 5)"
        headers={['Risk', 'Cause', 'Effect', 'Likelihood', 'Impact', 'Owner', 'Mitigation', 'Residual likelihood', 'Residual impact']}
        rows={m.risks.map((r) => {
          const at = (bc: Mutable<BusinessCaseData>) => bc.management.risks.find((x) => x.id === r.id)!;
          const text = (field: 'cause' | 'effect' | 'owner' | 'mitigation', label: string) => (
            <TextCell key={field} label={`${label} of ${r.risk}`} multiline={field === 'mitigation'} value={r[field]} onCommit={(v) => edit(`Give a risk’s ${label.toLowerCase()}`, (bc) => void (at(bc)[field] = v), `case:risk-${field}:${r.id}`)} />
          );
          return {
            key: r.id,
            name: r.risk,
            cells: [
              <TextCell key="r" label="Risk" required value={r.risk} onCommit={(v) => edit('Describe a risk', (bc) => void (at(bc).risk = v), `case:risk:${r.id}`)} />,
              text('cause', 'Cause'),
              text('effect', 'Effect'),
              <RatingCell key="l" label={`Likelihood of ${r.risk}`} value={r.likelihood} onChange={(v) => v !== null && edit('Rate a risk’s likelihood', (bc) => void (at(bc).likelihood = v))} />,
              <RatingCell key="i" label={`Impact of ${r.risk}`} value={r.impact} onChange={(v) => v !== null && edit('Rate a risk’s impact', (bc) => void (at(bc).impact = v))} />,
              text('owner', 'Owner'),
              text('mitigation', 'Mitigation'),
              <RatingCell key="rl" optional label={`Residual likelihood of ${r.risk}`} value={r.residualLikelihood} onChange={(v) => edit('Rate a risk’s residual likelihood', (bc) => void (at(bc).residualLikelihood = v))} />,
              <RatingCell key="ri" optional label={`Residual impact of ${r.risk}`} value={r.residualImpact} onChange={(v) => edit('Rate a risk’s residual impact', (bc) => void (at(bc).residualImpact = v))} />,
            ],
          };
        })}
        addLabel="Add a risk"
        onAdd={() =>
          edit('Add a risk', (bc) =>
            void bc.management.risks.push({ id: newId('caseRow'), risk: 'New risk', cause: '', effect: '', likelihood: 3, impact: 3, owner: '', mitigation: '', residualLikelihood: null, residualImpact: null }),
          )
        }
        onRemove={(id) => edit('Remove a risk', (bc) => void (bc.management.risks = bc.management.risks.filter((x) => x.id !== id)))}
      />
      {dated('assurance', 'Assurance and gateway reviews', 'Review', m.assurance)}
      <TextField label="Post-implementation review" multiline maxLength={20_000} value={m.postImplementationReview} hint="When it will be done, by whom, and against which measures." onCommit={(v) => edit('Describe the post-implementation review', (bc) => void (bc.management.postImplementationReview = v), 'case:pir')} />
    </>
  );
}
