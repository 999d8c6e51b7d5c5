/**
 * The options appraisal as the officer enters it: the period, rate and price base; the critical success factors
 * and spending objectives; and each option with its place in the appraisal, its choices, costs and monetised
 * benefits by financial year, optimism bias and scores. The figures worked out from them (present values, NPSV,
 * ranking) are shown beside the form so a mistyped amount shows at once.
 */
import { appraise, yearLabels } from '../../../../../shared/analysis/appraisal';
import {
  BENEFIT_KINDS,
  MAX_APPRAISAL_YEARS,
  OPTION_DIMENSIONS,
  type OPTION_ROLES,
  OPTION_VERDICTS,
  type Appraisal,
  type AppraisalOption,
} from '../../../../../shared/model/business-case-schema';
import { formatMoney, formatNumber } from '../../../../../shared/text/numbers';
import { NumberField, SelectField } from '../../../components/fields';
import { TextField } from '../../../components/TextField';
import { MoneyCell, RowTable, SelectCell, TextCell } from './case-fields';
import type { CaseCommands } from './commands';

const ROLE_OPTIONS = [
  { value: '', label: 'Long list only' },
  { value: 'business-as-usual', label: 'Business as usual (the baseline)' },
  { value: 'do-minimum', label: 'Do minimum' },
  { value: 'preferred', label: 'Preferred way forward' },
  { value: 'alternative', label: 'Alternative' },
] as const satisfies ReadonlyArray<{ value: '' | (typeof OPTION_ROLES)[number]; label: string }>;
const VERDICT_OPTIONS = OPTION_VERDICTS.map((v) => ({ value: v, label: { preferred: 'Preferred', possible: 'Carried forward', discounted: 'Discounted' }[v] }));
const BENEFIT_OPTIONS = BENEFIT_KINDS.map((k) => ({ value: k, label: { 'cash-releasing': 'Cash-releasing', 'non-cash-releasing': 'Non-cash-releasing', societal: 'Societal' }[k] }));
const KIND_OPTIONS = [
  { value: 'capital', label: 'Capital' },
  { value: 'revenue', label: 'Revenue' },
] as const;
const SCORE_OPTIONS = [
  { value: '', label: 'Not scored' },
  { value: '0', label: '0 Does not meet' },
  { value: '1', label: '1 Partly meets' },
  { value: '2', label: '2 Largely meets' },
  { value: '3', label: '3 Fully meets' },
] as const;
const DIMENSION_LABELS = { scope: 'Scope', solution: 'Solution', delivery: 'Delivery', implementation: 'Implementation', funding: 'Funding' } as const;
const DIMENSION_OPTIONS = OPTION_DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }));
const THIS_YEAR = new Date().getFullYear();

export function AppraisalForm(props: { appraisal: Appraisal; commands: CaseCommands }) {
  const { appraisal: a, commands: cmd } = props;
  const labels = yearLabels(a.firstYear, a.years);
  const result = appraise(a);
  return (
    <>
      <h3>Options appraisal</h3>
      <div className="case-grid">
        <SelectField
          label="First financial year (year 0)"
          value={a.firstYear === null ? '' : String(a.firstYear)}
          hint="Year 0 is not discounted. Amounts are entered by financial year, April to March."
          options={[{ value: '', label: 'Choose a year…' }, ...Array.from({ length: 12 }, (_, i) => THIS_YEAR - 2 + i).map((y) => ({ value: String(y), label: `${y}/${String((y + 1) % 100).padStart(2, '0')}` }))]}
          onChange={(v) => cmd.setAppraisal('Set the first year of the appraisal', { firstYear: v === '' ? null : Number(v) })}
        />
        <SelectField
          label="Appraisal period"
          value={String(a.years)}
          hint="Up to 31 years (year 0 to year 30), the span of the Green Book’s 3.5% rate."
          options={Array.from({ length: MAX_APPRAISAL_YEARS }, (_, i) => ({ value: String(i + 1), label: `${i + 1} ${i === 0 ? 'year' : 'years'}` }))}
          onChange={(v) => cmd.setAppraisal('Set the appraisal period', { years: Number(v) })}
        />
        <NumberField
          label="Discount rate"
          unit="% a year"
          value={Math.round(a.discountRate * 10_000) / 100}
          min={0}
          max={20}
          hint="The Green Book’s rate is 3.5% for years 0 to 30. The document states the rate used."
          onCommit={(v) => {
            if (v !== null) cmd.setAppraisal('Set the discount rate', { discountRate: v / 100 });
          }}
        />
        <TextField
          label="Price base"
          value={a.priceBase}
          hint="For example “2026/27 prices”: the prices every amount is stated in."
          maxLength={500}
          onCommit={(v) => cmd.setAppraisal('Set the price base', { priceBase: v })}
        />
      </div>

      <RowTable
        caption="Critical success factors and spending objectives"
        headers={['Kind', 'Factor or objective']}
        rows={a.criteria.map((c) => ({
          key: c.id,
          name: c.label,
          cells: [
            <SelectCell
              key="k"
              label={`Kind of “${c.label}”`}
              value={c.kind}
              options={[
                { value: 'spending-objective', label: 'Spending objective' },
                { value: 'csf', label: 'Critical success factor' },
              ]}
              onChange={(v) => cmd.changeCriterion(c.id, 'Change a criterion', { kind: v })}
            />,
            <TextCell key="l" label="Factor or objective" required value={c.label} onCommit={(v) => cmd.changeCriterion(c.id, 'Rename a criterion', { label: v })} />,
          ],
        }))}
        addLabel="Add a factor or objective"
        onAdd={cmd.addCriterion}
        onRemove={cmd.removeCriterion}
      />

      {a.options.map((o, i) => (
        <OptionForm key={o.id} option={o} index={i} appraisal={a} labels={labels} commands={cmd} />
      ))}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => cmd.addOption(`Option ${a.options.length + 1}`)}>
          Add an option
        </button>
      </div>

      {result.shortList.length > 0 && (
        <table className="data-table case-summary">
          <caption>Worked out from the figures above (present values at {formatNumber(a.discountRate * 100, 2)}%)</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col">PV costs with optimism bias</th>
              <th scope="col">PV benefits</th>
              <th scope="col">NPSV</th>
              <th scope="col">Rank</th>
            </tr>
          </thead>
          <tbody>
            {result.shortList.map((o) => (
              <tr key={o.optionId}>
                <th scope="row">{o.name}</th>
                <td>{formatMoney(Math.round(o.pvCostsAdjusted))}</td>
                <td>{o.monetised ? formatMoney(Math.round(o.pvBenefits)) : 'None'}</td>
                <td>{formatMoney(Math.round(o.npsv))}</td>
                <td>{o.rank}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function OptionForm(props: {
  option: AppraisalOption;
  index: number;
  appraisal: Appraisal;
  labels: readonly string[];
  commands: CaseCommands;
}) {
  const { option: o, commands: cmd, labels } = props;
  const yearCells = (kind: string, lineLabel: string, amounts: readonly number[], commit: (year: number, v: number) => void) =>
    labels.map((y, t) => <MoneyCell key={`${kind}-${t}`} label={`${lineLabel}, ${y}`} value={amounts[t] ?? 0} onCommit={(v) => commit(t, v)} />);
  return (
    <details className="case-option" open={props.index < 4}>
      <summary>
        {o.name}
        {o.role === null ? ' (long list)' : ` (${ROLE_OPTIONS.find((r) => r.value === o.role)?.label.toLowerCase()})`}
      </summary>
      <div className="case-grid">
        <TextField label="Option name" required value={o.name} maxLength={500} validate={(v) => (v.trim() === '' ? 'Enter a name for this option' : null)} onCommit={(v) => cmd.changeOption(o.id, 'Rename an option', { name: v })} />
        <SelectField
          label="Place in the appraisal"
          value={o.role ?? ''}
          options={ROLE_OPTIONS}
          hint="The short list needs business as usual, a do-minimum, the preferred way forward and one other alternative."
          onChange={(v) => cmd.placeOption(o.id, v === '' ? null : v)}
        />
        <SelectField label="Result of the long-list filter" value={o.verdict} options={VERDICT_OPTIONS} onChange={(v) => cmd.changeOption(o.id, 'Change an option’s result', { verdict: v })} />
      </div>
      <TextField label="What it involves" multiline value={o.description} maxLength={20_000} onCommit={(v) => cmd.changeOption(o.id, 'Describe an option', { description: v })} />
      <TextField label="Reason for the result" multiline value={o.reason} maxLength={20_000} hint="Why it was preferred, carried forward or discounted: decision records must give reasons." onCommit={(v) => cmd.changeOption(o.id, 'Give an option’s reason', { reason: v })} />

      <RowTable
        caption={`Choices “${o.name}” makes in the options framework`}
        headers={['Dimension', 'Choice']}
        rows={o.choices.map((c, j) => ({
          key: String(j),
          name: `${DIMENSION_LABELS[c.dimension]}: ${c.choice}`,
          cells: [
            <SelectCell key="d" label={`Dimension of choice ${j + 1}`} value={c.dimension} options={DIMENSION_OPTIONS} onChange={(v) => cmd.changeChoice(o.id, j, 'Change a choice', { dimension: v })} />,
            <TextCell key="c" label={`Choice ${j + 1}`} required value={c.choice} onCommit={(v) => cmd.changeChoice(o.id, j, 'Describe a choice', { choice: v })} />,
          ],
        }))}
        addLabel={`Add a choice to “${o.name}”`}
        onAdd={() => cmd.addChoice(o.id)}
        onRemove={(key) => cmd.removeChoice(o.id, Number(key))}
        empty="No choices recorded. The framework's dimensions are scope, solution, delivery, implementation and funding."
      />
      <TextField label="Main risks of this option" multiline value={o.risks} maxLength={20_000} onCommit={(v) => cmd.changeOption(o.id, 'Describe an option’s risks', { risks: v })} />

      {o.role !== null && (
        <>
          <RowTable
            caption={`Costs of “${o.name}” by financial year (cash, in the price base)`}
            headers={['Cost line', 'Capital or revenue', ...labels]}
            rows={o.costs.map((c) => ({
              key: c.id,
              name: c.label,
              cells: [
                <TextCell key="l" label="Cost line" required value={c.label} onCommit={(v) => cmd.changeCostLine(o.id, c.id, 'Rename a cost line', { label: v })} />,
                <SelectCell key="k" label={`Capital or revenue, ${c.label}`} value={c.kind} options={KIND_OPTIONS} onChange={(v) => cmd.changeCostLine(o.id, c.id, 'Change a cost line', { kind: v })} />,
                ...yearCells('c', c.label, c.amounts, (t, v) => cmd.enterCost(o.id, c.id, t, v)),
              ],
            }))}
            addLabel={`Add a cost line to “${o.name}”`}
            onAdd={() => cmd.addCostLine(o.id)}
            onRemove={(id) => cmd.removeCostLine(o.id, id)}
            empty="No costs yet. Add each cost line, such as staff, equipment or a contract."
          />
          <RowTable
            caption={`Monetised benefits of “${o.name}” by financial year`}
            headers={['Benefit', 'Kind', 'How it was valued (basis and source)', ...labels]}
            rows={o.benefits.map((b) => ({
              key: b.id,
              name: b.label,
              cells: [
                <TextCell key="l" label="Benefit" required value={b.label} onCommit={(v) => cmd.changeBenefitLine(o.id, b.id, 'Rename a benefit', { label: v })} />,
                <SelectCell key="k" label={`Kind of benefit, ${b.label}`} value={b.kind} options={BENEFIT_OPTIONS} onChange={(v) => cmd.changeBenefitLine(o.id, b.id, 'Change a benefit', { kind: v })} />,
                <TextCell key="b" label={`Basis of ${b.label}`} multiline value={b.basis} maxLength={500} onCommit={(v) => cmd.changeBenefitLine(o.id, b.id, 'Give a benefit’s basis', { basis: v })} />,
                ...yearCells('b', b.label, b.amounts, (t, v) => cmd.enterBenefit(o.id, b.id, t, v)),
              ],
            }))}
            addLabel={`Add a monetised benefit to “${o.name}”`}
            onAdd={() => cmd.addBenefitLine(o.id)}
            onRemove={(id) => cmd.removeBenefitLine(o.id, id)}
            empty="No monetised benefits. Non-monetised benefits are weighed in the scores below."
          />
          <div className="case-grid">
            <NumberField
              label="Optimism bias"
              unit="% added to costs"
              value={o.optimismBias.percent}
              min={0}
              max={1000}
              hint="Green Book supplementary guidance, upper bounds for costs: standard buildings 24%, non-standard buildings 51%, equipment and development 200%, outsourcing (running costs) 41%. Lower the figure as risks are managed, and say why."
              onCommit={(v) => {
                if (v !== null) cmd.setOptimismBias(o.id, 'Set optimism bias', { percent: v });
              }}
            />
            <TextField label="Basis for the optimism bias" value={o.optimismBias.basis} maxLength={500} onCommit={(v) => cmd.setOptimismBias(o.id, 'Give the optimism bias basis', { basis: v })} />
          </div>
          {props.appraisal.criteria.length > 0 && (
            <fieldset className="field-group">
              <legend>Scores for “{o.name}” (0 does not meet, 3 fully meets)</legend>
              <div className="case-grid">
                {props.appraisal.criteria.map((c) => {
                  const s = o.scores.find((x) => x.criterionId === c.id);
                  return (
                    <SelectField
                      key={c.id}
                      label={c.label}
                      value={s ? String(s.score) : ''}
                      options={SCORE_OPTIONS}
                      onChange={(v) => cmd.score(o.id, c.id, v === '' ? null : Number(v))}
                    />
                  );
                })}
              </div>
            </fieldset>
          )}
        </>
      )}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => cmd.removeOption(o.id, o.name)}>
          Remove this option<span className="visually-hidden"> “{o.name}”</span>
        </button>
      </div>
    </details>
  );
}
