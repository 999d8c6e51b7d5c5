/**
 * The options appraisal as the officer enters it: the period, rate and price base; the critical success factors
 * and spending objectives; and each option with its place in the appraisal, its choices, costs and monetised
 * benefits by financial year, optimism bias and scores. The figures worked out from them (present values, NPSV,
 * ranking) are shown beside the form so a mistyped amount shows at once.
 */
import type { Draft as Mutable } from 'immer';
import { appraise, yearLabels } from '../../../../../shared/analysis/appraisal';
import {
  BENEFIT_KINDS,
  MAX_APPRAISAL_YEARS,
  type OPTION_ROLES,
  OPTION_VERDICTS,
  type Appraisal,
  type AppraisalOption,
  type BusinessCaseData,
} from '../../../../../shared/model/business-case-schema';
import { newId } from '../../../../../shared/model/ids';
import { formatMoney, formatNumber } from '../../../../../shared/text/numbers';
import { NumberField, SelectField } from '../../../components/fields';
import { TextField } from '../../../components/TextField';
import { MoneyCell, RowTable, SelectCell, TextCell } from './case-fields';

export type CaseEdit = (label: string, recipe: (bc: Mutable<BusinessCaseData>) => void, coalesceKey?: string) => void;

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
const THIS_YEAR = new Date().getFullYear();

/** Sets one year's amount, padding earlier years with nothing. */
export function setAmount(amounts: number[], year: number, value: number): void {
  while (amounts.length <= year) amounts.push(0);
  amounts[year] = value;
  while (amounts.length > 0 && amounts[amounts.length - 1] === 0) amounts.pop();
}

export function AppraisalForm(props: { appraisal: Appraisal; edit: CaseEdit }) {
  const { appraisal: a, edit } = props;
  const labels = yearLabels(a.firstYear, a.years);
  const result = appraise(a);
  const optionAt = (bc: Mutable<BusinessCaseData>, id: string) => bc.appraisal.options.find((o) => o.id === id);
  return (
    <>
      <h3>Options appraisal</h3>
      <div className="case-grid">
        <SelectField
          label="First financial year (year 0)"
          value={a.firstYear === null ? '' : String(a.firstYear)}
          hint="Year 0 is not discounted. Amounts are entered by financial year, April to March."
          options={[{ value: '', label: 'Choose a year…' }, ...Array.from({ length: 12 }, (_, i) => THIS_YEAR - 2 + i).map((y) => ({ value: String(y), label: `${y}/${String((y + 1) % 100).padStart(2, '0')}` }))]}
          onChange={(v) => edit('Set the first year of the appraisal', (bc) => void (bc.appraisal.firstYear = v === '' ? null : Number(v)))}
        />
        <SelectField
          label="Appraisal period"
          value={String(a.years)}
          hint="Up to 31 years (year 0 to year 30), the span of the Green Book’s 3.5% rate."
          options={Array.from({ length: MAX_APPRAISAL_YEARS }, (_, i) => ({ value: String(i + 1), label: `${i + 1} ${i === 0 ? 'year' : 'years'}` }))}
          onChange={(v) => edit('Set the appraisal period', (bc) => void (bc.appraisal.years = Number(v)))}
        />
        <NumberField
          label="Discount rate"
          unit="% a year"
          value={Math.round(a.discountRate * 10_000) / 100}
          min={0}
          max={20}
          hint="The Green Book’s rate is 3.5% for years 0 to 30. The document states the rate used."
          onCommit={(v) => {
            if (v !== null) edit('Set the discount rate', (bc) => void (bc.appraisal.discountRate = v / 100), 'case:rate');
          }}
        />
        <TextField
          label="Price base"
          value={a.priceBase}
          hint="For example “2026/27 prices”: the prices every amount is stated in."
          maxLength={500}
          onCommit={(v) => edit('Set the price base', (bc) => void (bc.appraisal.priceBase = v), 'case:price-base')}
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
              onChange={(v) => edit('Change a criterion', (bc) => void (bc.appraisal.criteria.find((x) => x.id === c.id)!.kind = v))}
            />,
            <TextCell key="l" label="Factor or objective" required value={c.label} onCommit={(v) => edit('Rename a criterion', (bc) => void (bc.appraisal.criteria.find((x) => x.id === c.id)!.label = v), `case:criterion:${c.id}`)} />,
          ],
        }))}
        addLabel="Add a factor or objective"
        onAdd={() => edit('Add a criterion', (bc) => void bc.appraisal.criteria.push({ id: newId('criterion'), kind: 'csf', label: 'New critical success factor' }))}
        onRemove={(id) =>
          edit('Remove a criterion', (bc) => {
            bc.appraisal.criteria = bc.appraisal.criteria.filter((x) => x.id !== id);
            for (const o of bc.appraisal.options) o.scores = o.scores.filter((s) => s.criterionId !== id);
          })
        }
      />

      {a.options.map((o, i) => (
        <OptionForm key={o.id} option={o} index={i} appraisal={a} labels={labels} edit={edit} optionAt={optionAt} />
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            edit('Add an option', (bc) =>
              void bc.appraisal.options.push({
                id: newId('option'),
                name: `Option ${bc.appraisal.options.length + 1}`,
                role: null,
                description: '',
                choices: [],
                verdict: 'possible',
                reason: '',
                costs: [],
                benefits: [],
                optimismBias: { percent: 0, basis: '' },
                scores: [],
                risks: '',
              }),
            )
          }
        >
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
  edit: CaseEdit;
  optionAt: (bc: Mutable<BusinessCaseData>, id: string) => Mutable<AppraisalOption> | undefined;
}) {
  const { option: o, edit, labels, optionAt } = props;
  const on = (label: string, recipe: (x: Mutable<AppraisalOption>) => void, key?: string) =>
    edit(label, (bc) => {
      const x = optionAt(bc, o.id);
      if (x) recipe(x);
    }, key);
  const yearCells = (kind: string, lineLabel: string, amounts: readonly number[], commit: (year: number, v: number) => void) =>
    labels.map((y, t) => <MoneyCell key={`${kind}-${t}`} label={`${lineLabel}, ${y}`} value={amounts[t] ?? 0} onCommit={(v) => commit(t, v)} />);
  return (
    <details className="case-option" open={props.index < 4}>
      <summary>
        {o.name}
        {o.role === null ? ' (long list)' : ` (${ROLE_OPTIONS.find((r) => r.value === o.role)?.label.toLowerCase()})`}
      </summary>
      <div className="case-grid">
        <TextField label="Option name" required value={o.name} maxLength={500} validate={(v) => (v.trim() === '' ? 'Enter a name for this option' : null)} onCommit={(v) => on('Rename an option', (x) => void (x.name = v), `case:option-name:${o.id}`)} />
        <SelectField
          label="Place in the appraisal"
          value={o.role ?? ''}
          options={ROLE_OPTIONS}
          hint="The short list needs business as usual, a do-minimum, the preferred way forward and one other alternative."
          onChange={(v) =>
            edit('Change an option’s place in the appraisal', (bc) => {
              // One preferred option: choosing another moves the old one to the alternatives.
              if (v === 'preferred') for (const x of bc.appraisal.options) if (x.role === 'preferred') x.role = 'alternative';
              const x = optionAt(bc, o.id);
              if (x) x.role = v === '' ? null : v;
            })
          }
        />
        <SelectField label="Result of the long-list filter" value={o.verdict} options={VERDICT_OPTIONS} onChange={(v) => on('Change an option’s result', (x) => void (x.verdict = v))} />
      </div>
      <TextField label="What it involves" multiline value={o.description} maxLength={20_000} onCommit={(v) => on('Describe an option', (x) => void (x.description = v), `case:option-desc:${o.id}`)} />
      <TextField label="Reason for the result" multiline value={o.reason} maxLength={20_000} hint="Why it was preferred, carried forward or discounted: decision records must give reasons." onCommit={(v) => on('Give an option’s reason', (x) => void (x.reason = v), `case:option-reason:${o.id}`)} />

      {o.role !== null && (
        <>
          <RowTable
            caption={`Costs of “${o.name}” by financial year (cash, in the price base)`}
            headers={['Cost line', 'Capital or revenue', ...labels]}
            rows={o.costs.map((c) => ({
              key: c.id,
              name: c.label,
              cells: [
                <TextCell key="l" label="Cost line" required value={c.label} onCommit={(v) => on('Rename a cost line', (x) => void (x.costs.find((y) => y.id === c.id)!.label = v), `case:line:${c.id}`)} />,
                <SelectCell key="k" label={`Capital or revenue, ${c.label}`} value={c.kind} options={KIND_OPTIONS} onChange={(v) => on('Change a cost line', (x) => void (x.costs.find((y) => y.id === c.id)!.kind = v))} />,
                ...yearCells('c', c.label, c.amounts, (t, v) => on('Enter a cost', (x) => setAmount(x.costs.find((y) => y.id === c.id)!.amounts, t, v), `case:amount:${c.id}:${t}`)),
              ],
            }))}
            addLabel={`Add a cost line to “${o.name}”`}
            onAdd={() => on('Add a cost line', (x) => void x.costs.push({ id: newId('caseLine'), label: 'New cost', kind: 'revenue', amounts: [] }))}
            onRemove={(id) => on('Remove a cost line', (x) => void (x.costs = x.costs.filter((y) => y.id !== id)))}
            empty="No costs yet. Add each cost line, such as staff, equipment or a contract."
          />
          <RowTable
            caption={`Monetised benefits of “${o.name}” by financial year`}
            headers={['Benefit', 'Kind', 'How it was valued (basis and source)', ...labels]}
            rows={o.benefits.map((b) => ({
              key: b.id,
              name: b.label,
              cells: [
                <TextCell key="l" label="Benefit" required value={b.label} onCommit={(v) => on('Rename a benefit', (x) => void (x.benefits.find((y) => y.id === b.id)!.label = v), `case:line:${b.id}`)} />,
                <SelectCell key="k" label={`Kind of benefit, ${b.label}`} value={b.kind} options={BENEFIT_OPTIONS} onChange={(v) => on('Change a benefit', (x) => void (x.benefits.find((y) => y.id === b.id)!.kind = v))} />,
                <TextCell key="b" label={`Basis of ${b.label}`} multiline value={b.basis} maxLength={500} onCommit={(v) => on('Give a benefit’s basis', (x) => void (x.benefits.find((y) => y.id === b.id)!.basis = v), `case:basis:${b.id}`)} />,
                ...yearCells('b', b.label, b.amounts, (t, v) => on('Enter a benefit', (x) => setAmount(x.benefits.find((y) => y.id === b.id)!.amounts, t, v), `case:amount:${b.id}:${t}`)),
              ],
            }))}
            addLabel={`Add a monetised benefit to “${o.name}”`}
            onAdd={() => on('Add a benefit', (x) => void x.benefits.push({ id: newId('caseLine'), label: 'New benefit', kind: 'non-cash-releasing', amounts: [], basis: '' }))}
            onRemove={(id) => on('Remove a benefit', (x) => void (x.benefits = x.benefits.filter((y) => y.id !== id)))}
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
                if (v !== null) on('Set optimism bias', (x) => void (x.optimismBias.percent = v), `case:ob:${o.id}`);
              }}
            />
            <TextField label="Basis for the optimism bias" value={o.optimismBias.basis} maxLength={500} onCommit={(v) => on('Give the optimism bias basis', (x) => void (x.optimismBias.basis = v), `case:ob-basis:${o.id}`)} />
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
                      onChange={(v) =>
                        on('Score an option', (x) => {
                          x.scores = x.scores.filter((y) => y.criterionId !== c.id);
                          if (v !== '') x.scores.push({ criterionId: c.id, score: Number(v), note: s?.note ?? '' });
                        })
                      }
                    />
                  );
                })}
              </div>
            </fieldset>
          )}
        </>
      )}
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={() => edit(`Remove the option “${o.name}”`, (bc) => void (bc.appraisal.options = bc.appraisal.options.filter((x) => x.id !== o.id)))}>
          Remove this option<span className="visually-hidden"> “{o.name}”</span>
        </button>
      </div>
    </details>
  );
}
