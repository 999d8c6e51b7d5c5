/**
 * The business case's decision data in the Documents step, for the business case template only: the options
 * appraisal, the financial case (funding by year against the preferred option's costs), the commercial case and
 * the management case. Every edit goes through the workbook store as one named, undoable step.
 */
import { financialProfile, yearLabels } from '../../../../../shared/analysis/appraisal';
import type { DatedList } from '../../../../../shared/model/business-case-edits';
import {
  type DELIVERY_MODELS,
  type FUNDING_KINDS,
  type RISK_HOLDERS,
  type BusinessCaseData,
  type Milestone,
} from '../../../../../shared/model/business-case-schema';
import type { Workbook } from '../../../../../shared/model/workbook-schema';
import { formatMoney } from '../../../../../shared/text/numbers';
import { SelectField } from '../../../components/fields';
import { TextField } from '../../../components/TextField';
import { AppraisalForm } from './AppraisalForm';
import { DateCell, MoneyCell, RatingCell, RowTable, SelectCell, TextCell } from './case-fields';
import { caseCommands, type CaseCommands, type CaseEdit } from './commands';
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

export function BusinessCaseForms(props: { data: BusinessCaseData | null; workbook: Workbook; edit: CaseEdit }) {
  const data = props.data ?? null;
  const cmd = caseCommands(props.edit);
  if (data === null)
    return (
      <section className="panel" aria-labelledby="case-heading">
        <h2 id="case-heading">Options, costs and delivery</h2>
        <p>
          The economic, financial, commercial and management cases are built from data: the options with their costs and benefits by year, the
          funding, the deal and the delivery plan.
        </p>
        <button type="button" className="button button-primary" onClick={cmd.start}>
          Start the options appraisal
        </button>
      </section>
    );
  return (
    <section className="panel case-forms" aria-labelledby="case-heading">
      <h2 id="case-heading">Options, costs and delivery</h2>
      <p className="hint">Enter amounts as £85,000, 85000 or 85k. Dates are day/month/year. The preview shows the tables as they will print.</p>
      <AppraisalForm appraisal={data.appraisal} commands={cmd} />
      <FinancialForm data={data} commands={cmd} />
      <CommercialForm data={data} commands={cmd} />
      <ManagementForm data={data} workbook={props.workbook} commands={cmd} />
    </section>
  );
}

function FinancialForm({ data, commands: cmd }: { data: BusinessCaseData; commands: CaseCommands }) {
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
          return {
            key: s.id,
            name: s.label,
            cells: [
              <TextCell key="l" label="Funding source" required value={s.label} onCommit={(v) => cmd.changeFunding(s.id, 'Rename a funding source', { label: v })} />,
              <SelectCell key="k" label={`Kind of funding, ${s.label}`} value={s.kind} options={options(FUNDING_LABELS)} onChange={(v) => cmd.changeFunding(s.id, 'Change a funding source', { kind: v })} />,
              <SelectCell
                key="c"
                label={`Capital or revenue, ${s.label}`}
                value={s.kindOf}
                options={[
                  { value: 'capital', label: 'Capital' },
                  { value: 'revenue', label: 'Revenue' },
                ]}
                onChange={(v) => cmd.changeFunding(s.id, 'Change a funding source', { kindOf: v })}
              />,
              <input key="y" type="checkbox" aria-label={`${s.label} is confirmed`} checked={s.confirmed} onChange={(e) => cmd.changeFunding(s.id, e.target.checked ? 'Confirm a funding source' : 'Mark a funding source not confirmed', { confirmed: e.target.checked })} />,
              ...labels.map((y, t) => (
                <MoneyCell key={t} label={`${s.label}, ${y}`} value={s.amounts[t] ?? 0} onCommit={(v) => cmd.enterFunding(s.id, t, v)} />
              )),
            ],
          };
        })}
        addLabel="Add a funding source"
        onAdd={cmd.addFunding}
        onRemove={cmd.removeFunding}
      />
      {profile && (
        <p aria-live="polite">
          The preferred option costs {formatMoney(profile.totals.costs)} over the period; funding of {formatMoney(profile.totals.funding)} is entered, leaving{' '}
          {profile.totals.gap > 0 ? `a gap of ${formatMoney(profile.totals.gap)}` : profile.totals.gap < 0 ? `${formatMoney(-profile.totals.gap)} more than it needs` : 'no gap'}.
        </p>
      )}
      <TextField label="Effect on the medium-term financial strategy" multiline value={f.mtfsEffect} maxLength={20_000} hint="How the costs and any gap fit the MTFS, and how a gap will be closed." onCommit={(v) => cmd.describeFinance('Describe the MTFS effect', { mtfsEffect: v })} />
      <TextField label="Accounting treatment" multiline value={f.accountingTreatment} maxLength={20_000} onCommit={(v) => cmd.describeFinance('Describe the accounting treatment', { accountingTreatment: v })} />
    </>
  );
}

function CommercialForm({ data, commands: cmd }: { data: BusinessCaseData; commands: CaseCommands }) {
  const c = data.commercial;
  type Text = 'procurementRoute' | 'agreementType' | 'term' | 'paymentMechanism' | 'staffing' | 'socialValue';
  const text = (field: Text, label: string, hint: string, multiline = true) => (
    <TextField label={label} hint={hint} multiline={multiline} maxLength={multiline ? 20_000 : 500} value={c[field]} onCommit={(v) => cmd.describeDeal(`Describe the ${label.toLowerCase()}`, { [field]: v })} />
  );
  return (
    <>
      <h3>Commercial case</h3>
      <SelectField
        label="Delivery model"
        value={c.deliveryModel ?? ''}
        options={[{ value: '', label: 'Choose…' }, ...options(DELIVERY_LABELS)]}
        onChange={(v) => cmd.describeDeal('Choose the delivery model', { deliveryModel: v === '' ? null : v })}
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
          return {
            key: r.id,
            name: r.risk,
            cells: [
              <TextCell key="r" label="Risk" required value={r.risk} onCommit={(v) => cmd.changeAllocation(r.id, 'Describe an allocated risk', { risk: v })} />,
              <SelectCell key="h" label={`Who holds “${r.risk}”`} value={r.holder} options={options(HOLDER_LABELS)} onChange={(v) => cmd.changeAllocation(r.id, 'Allocate a risk', { holder: v })} />,
              <TextCell key="n" label={`How “${r.risk}” is held`} value={r.note} onCommit={(v) => cmd.changeAllocation(r.id, 'Describe a risk allocation', { note: v })} />,
            ],
          };
        })}
        addLabel="Add a risk to allocate"
        onAdd={cmd.addAllocation}
        onRemove={cmd.removeAllocation}
      />
      {text('paymentMechanism', 'Payment mechanism', 'How and when money is paid, and against what (milestones, outputs, results).')}
      {text('staffing', 'Staffing and TUPE', 'Whether any staff transfer under TUPE, and other staffing effects. Check with HR.')}
      {text('socialValue', 'Social value', 'What the arrangement adds for the area (Public Services (Social Value) Act 2012).')}
    </>
  );
}

function ManagementForm({ data, workbook, commands: cmd }: { data: BusinessCaseData; workbook: Workbook; commands: CaseCommands }) {
  const m = data.management;
  type Text = 'board' | 'sponsor' | 'leadOfficer';
  const person = (field: Text, label: string) => (
    <TextField label={label} maxLength={500} value={m[field]} onCommit={(v) => cmd.describeManagement(`Name the ${label.toLowerCase()}`, { [field]: v })} />
  );
  const kpis = workbook.objectives.flatMap((o) => o.kpis.map((k) => ({ value: k.id, label: k.name })));
  const dated = (list: DatedList, caption: string, what: string, rows: readonly Milestone[]) => (
    <RowTable
      caption={caption}
      headers={[what, 'Date', list === 'milestones' ? 'Owner' : 'By']}
      rows={rows.map((r) => {
        return {
          key: r.id,
          name: r.label,
          cells: [
            <TextCell key="l" label={what} required value={r.label} onCommit={(v) => cmd.changeDated(list, r.id, `Rename a ${what.toLowerCase()}`, { label: v })} />,
            <DateCell key="d" label={`Date of ${r.label}`} value={r.date} onCommit={(v) => cmd.changeDated(list, r.id, `Date a ${what.toLowerCase()}`, { date: v })} />,
            <TextCell key="o" label={`Owner of ${r.label}`} value={r.owner} onCommit={(v) => cmd.changeDated(list, r.id, `Name who owns a ${what.toLowerCase()}`, { owner: v })} />,
          ],
        };
      })}
      addLabel={`Add a ${what.toLowerCase()}`}
      onAdd={() => cmd.addDated(list, what)}
      onRemove={(id) => cmd.removeDated(list, id, what)}
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
      <TextField label="Governance arrangements" multiline maxLength={20_000} value={m.arrangements} hint="Who reports to whom, how often, and how issues are escalated." onCommit={(v) => cmd.describeManagement('Describe the governance', { arrangements: v })} />
      {dated('milestones', 'Milestone plan', 'Milestone', m.milestones)}
      <RowTable
        caption="Benefits realisation plan"
        headers={['Benefit', 'Council KPI', 'Measure', 'Baseline', 'Target', 'Owner', 'By']}
        rows={m.benefits.map((b) => {
          const linked = b.kpiId !== null;
          return {
            key: b.id,
            name: b.benefit,
            cells: [
              <TextCell key="b" label="Benefit" required value={b.benefit} onCommit={(v) => cmd.changePlannedBenefit(b.id, 'Describe a benefit', { benefit: v })} />,
              <SelectCell key="k" label={`Council KPI that measures ${b.benefit}`} value={b.kpiId ?? ''} options={[{ value: '', label: 'None' }, ...kpis]} onChange={(v) => cmd.changePlannedBenefit(b.id, 'Link a benefit to a KPI', { kpiId: v === '' ? null : v })} />,
              <TextCell key="m" label={`Measure of ${b.benefit}`} value={b.measure} onCommit={(v) => cmd.changePlannedBenefit(b.id, 'Give a benefit’s measure', { measure: v })} />,
              linked ? <span key="bl" className="muted">From the KPI</span> : <TextCell key="bl" label={`Baseline of ${b.benefit}`} value={b.baseline} onCommit={(v) => cmd.changePlannedBenefit(b.id, 'Give a benefit’s baseline', { baseline: v })} />,
              linked ? <span key="tg" className="muted">From the KPI</span> : <TextCell key="tg" label={`Target of ${b.benefit}`} value={b.target} onCommit={(v) => cmd.changePlannedBenefit(b.id, 'Give a benefit’s target', { target: v })} />,
              <TextCell key="o" label={`Owner of ${b.benefit}`} value={b.owner} onCommit={(v) => cmd.changePlannedBenefit(b.id, 'Name a benefit’s owner', { owner: v })} />,
              <DateCell key="d" label={`Date for ${b.benefit}`} value={b.date} onCommit={(v) => cmd.changePlannedBenefit(b.id, 'Date a benefit', { date: v })} />,
            ],
          };
        })}
        addLabel="Add a benefit"
        onAdd={cmd.addPlannedBenefit}
        onRemove={cmd.removePlannedBenefit}
      />
      <RowTable
        caption="Risk register (likelihood and impact from 1 to 5)"
        headers={['Risk', 'Cause', 'Effect', 'Likelihood', 'Impact', 'Owner', 'Mitigation', 'Residual likelihood', 'Residual impact']}
        rows={m.risks.map((r) => {
          const text = (field: 'cause' | 'effect' | 'owner' | 'mitigation', label: string) => (
            <TextCell key={field} label={`${label} of ${r.risk}`} multiline={field === 'mitigation'} value={r[field]} onCommit={(v) => cmd.changeRisk(r.id, `Give a risk’s ${label.toLowerCase()}`, { [field]: v })} />
          );
          return {
            key: r.id,
            name: r.risk,
            cells: [
              <TextCell key="r" label="Risk" required value={r.risk} onCommit={(v) => cmd.changeRisk(r.id, 'Describe a risk', { risk: v })} />,
              text('cause', 'Cause'),
              text('effect', 'Effect'),
              <RatingCell key="l" label={`Likelihood of ${r.risk}`} value={r.likelihood} onChange={(v) => v !== null && cmd.changeRisk(r.id, 'Rate a risk’s likelihood', { likelihood: v })} />,
              <RatingCell key="i" label={`Impact of ${r.risk}`} value={r.impact} onChange={(v) => v !== null && cmd.changeRisk(r.id, 'Rate a risk’s impact', { impact: v })} />,
              text('owner', 'Owner'),
              text('mitigation', 'Mitigation'),
              <RatingCell key="rl" optional label={`Residual likelihood of ${r.risk}`} value={r.residualLikelihood} onChange={(v) => cmd.changeRisk(r.id, 'Rate a risk’s residual likelihood', { residualLikelihood: v })} />,
              <RatingCell key="ri" optional label={`Residual impact of ${r.risk}`} value={r.residualImpact} onChange={(v) => cmd.changeRisk(r.id, 'Rate a risk’s residual impact', { residualImpact: v })} />,
            ],
          };
        })}
        addLabel="Add a risk"
        onAdd={cmd.addRisk}
        onRemove={cmd.removeRisk}
      />
      {dated('assurance', 'Assurance and gateway reviews', 'Review', m.assurance)}
      <TextField label="Post-implementation review" multiline maxLength={20_000} value={m.postImplementationReview} hint="When it will be done, by whom, and against which measures." onCommit={(v) => cmd.describeManagement('Describe the post-implementation review', { postImplementationReview: v })} />
    </>
  );
}
