/**
 * References and ids inside a draft's business case: every row id is unique within the case (the forms and the
 * blocks find rows by id), scores refer to the case's own criteria, planned benefits to KPIs on the map, and the
 * short list has at most one preferred option, since the financial case is that option's.
 */
import type { BusinessCaseData } from './business-case-schema';

type Path = ReadonlyArray<string | number>;

export function checkBusinessCase(bc: BusinessCaseData, at: Path, kpis: ReadonlySet<string>, report: (path: Path, message: string) => void): void {
  const seen = new Set<string>();
  const claim = (id: string, path: Path) => {
    if (seen.has(id)) report([...path, 'id'], `Id "${id}" is used twice in this business case`);
    seen.add(id);
  };
  const { appraisal, financial, commercial, management } = bc;
  const criteria = new Set<string>();
  appraisal.criteria.forEach((c, i) => {
    claim(c.id, [...at, 'appraisal', 'criteria', i]);
    criteria.add(c.id);
  });
  appraisal.options.forEach((o, i) => {
    const p = [...at, 'appraisal', 'options', i];
    claim(o.id, p);
    o.costs.forEach((c, j) => claim(c.id, [...p, 'costs', j]));
    o.benefits.forEach((b, j) => claim(b.id, [...p, 'benefits', j]));
    const scored = new Set<string>();
    o.scores.forEach((s, j) => {
      if (!criteria.has(s.criterionId)) report([...p, 'scores', j, 'criterionId'], `Refers to criterion "${s.criterionId}", which is not in this business case`);
      else if (scored.has(s.criterionId)) report([...p, 'scores', j, 'criterionId'], `Scores criterion "${s.criterionId}" twice`);
      scored.add(s.criterionId);
    });
  });
  const preferred = appraisal.options.flatMap((o, i) => (o.role === 'preferred' ? [i] : []));
  for (const i of preferred.slice(1)) report([...at, 'appraisal', 'options', i, 'role'], 'Only one option can be the preferred way forward');
  financial.funding.forEach((f, i) => claim(f.id, [...at, 'financial', 'funding', i]));
  commercial.riskAllocation.forEach((r, i) => claim(r.id, [...at, 'commercial', 'riskAllocation', i]));
  management.milestones.forEach((m, i) => claim(m.id, [...at, 'management', 'milestones', i]));
  management.assurance.forEach((m, i) => claim(m.id, [...at, 'management', 'assurance', i]));
  management.risks.forEach((r, i) => claim(r.id, [...at, 'management', 'risks', i]));
  management.benefits.forEach((b, i) => {
    claim(b.id, [...at, 'management', 'benefits', i]);
    if (b.kpiId !== null && !kpis.has(b.kpiId)) report([...at, 'management', 'benefits', i, 'kpiId'], `Refers to KPI "${b.kpiId}", which is not in the workbook`);
  });
}

/** Removing a KPI from the map unlinks the planned benefits it measured; their own baseline and target stay. */
export function unlinkKpiFromBusinessCase(bc: BusinessCaseData | null, kpiId: string): void {
  if (bc === null) return;
  for (const b of bc.management.benefits) if (b.kpiId === kpiId) b.kpiId = null;
}
