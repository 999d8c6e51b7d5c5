import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseWorkbook } from '../analysis/report';
import { readWorkbookText, serialiseWorkbook } from '../model/workbook-format';
import { CURRENT_VERSION } from '../model/migrations';
import { AUTHORITIES } from '../reference/authorities';
import { findCatalogueService, findLibraryEvidence } from '../reference/catalogue';
import { loadSampleWorkbook, SAMPLE_WORKBOOK_RELATIVE_PATH, sampleAsNewWorkbook } from './sample-workbook';

const root = join(import.meta.dirname, '..', '..');
const fileText = () => readFileSync(join(root, SAMPLE_WORKBOOK_RELATIVE_PATH), 'utf8');

function sample() {
  const loaded = loadSampleWorkbook();
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

describe('the shipped sample workbook', () => {
  it('opens through the ordinary file path, as the command line reads it, and is stored in canonical form', () => {
    const read = readWorkbookText(fileText());
    expect(read.ok ? null : read.error).toBeNull();
    if (!read.ok) return;
    expect(read.value.fileVersion).toBe(CURRENT_VERSION);
    // Saved exactly as the app saves, so opening and saving the sample unchanged produces no diff.
    expect(serialiseWorkbook(read.value.workbook)).toBe(fileText());
    expect(read.value.workbook).toEqual(sample());
  });

  it('is for a clearly fictional county council whose GSS code no real authority uses', () => {
    const wb = sample();
    expect(wb.authority).toMatchObject({ gss: 'E10000099', name: 'Northshire', type: 'County council', region: 'East Midlands' });
    // A fictional authority has no reference population: the sample records one so per-1,000 figures show.
    expect(wb.authority?.population?.value).toBeGreaterThan(0);
    expect(AUTHORITIES.some((a) => a.gss === wb.authority?.gss)).toBe(false);
    expect(AUTHORITIES.some((a) => a.name.toLowerCase() === 'northshire')).toBe(false);
    expect(wb.notes).toMatch(/fictional/);
  });

  it('has a full council plan: themes, objectives and outcomes, with KPIs that carry baselines, targets and periods', () => {
    const wb = sample();
    const levels = (l: string) => wb.objectives.filter((o) => o.level === l).length;
    expect(levels('theme')).toBeGreaterThanOrEqual(4);
    expect(levels('objective')).toBeGreaterThanOrEqual(10);
    expect(levels('outcome')).toBeGreaterThanOrEqual(1);
    const kpis = wb.objectives.flatMap((o) => o.kpis);
    expect(kpis.length).toBeGreaterThanOrEqual(15);
    for (const k of kpis) {
      expect(k.baseline, k.name).not.toBeNull();
      expect(k.baseline?.period.label, k.name).not.toBe('');
      expect(k.source, k.name).not.toBe('');
    }
    // Periods the officer wrote are read into dates (financial years run April to March).
    const gld = kpis.find((k) => k.id === 'kpi_nsc_gld');
    expect(gld?.baseline?.period).toEqual({ label: '2023/24', start: '2023-04-01', end: '2024-03-31' });
    // One target is deliberately missing, so the documents show a KPI without a target.
    expect(kpis.filter((k) => k.target === null).length).toBe(1);
  });

  it('describes 15 to 25 services from the starter catalogue, each with measures that have periods and sources', () => {
    const wb = sample();
    expect(wb.services.length).toBeGreaterThanOrEqual(15);
    expect(wb.services.length).toBeLessThanOrEqual(25);
    for (const s of wb.services) {
      const entry = findCatalogueService(s.catalogueRef);
      expect(entry, s.name).toBeDefined();
      expect(s.offer).toBe(entry?.offer);
      expect(s.measures.length, s.name).toBeGreaterThan(0);
      for (const m of s.measures) {
        expect(m.period.label, `${s.name}: ${m.label}`).not.toBe('');
        expect(m.source, `${s.name}: ${m.label}`).not.toBe('');
      }
    }
    expect(wb.services.filter((s) => s.cost !== null).length).toBeGreaterThanOrEqual(15);
    expect(wb.services.filter((s) => s.staffFte !== null).length).toBeGreaterThanOrEqual(15);
    expect(wb.services.some((s) => (s.volunteers ?? 0) > 0)).toBe(true);
    expect(new Set(wb.services.flatMap((s) => s.branches.map((b) => b.name))).size).toBeGreaterThanOrEqual(8);
  });

  it('cites evidence from the evidence library unchanged, plus local evidence of the council’s own', () => {
    const wb = sample();
    const library = wb.evidence.filter((e) => e.origin === 'library');
    const local = wb.evidence.filter((e) => e.origin === 'officer');
    expect(library.length).toBeGreaterThanOrEqual(15);
    expect(local.length).toBeGreaterThanOrEqual(4);
    for (const e of library) {
      const source = findLibraryEvidence(e.libraryRef);
      expect(source, e.title).toBeDefined();
      expect({ title: e.title, publisher: e.publisher, year: e.year, url: e.url, figure: e.figure }).toEqual({
        title: source?.title,
        publisher: source?.publisher,
        year: source?.year,
        url: source?.url,
        figure: source?.figure,
      });
    }
    expect(local.some((e) => e.quality === 'anecdotal')).toBe(true);
  });

  it('names partners whose objectives map onto council objectives', () => {
    const wb = sample();
    const types = wb.partners.map((p) => p.type);
    expect(types).toEqual(expect.arrayContaining(['nhs-icb', 'dwp-jobcentre', 'adult-social-care', 'voluntary-sector', 'arts-council']));
    const objectiveIds = new Set(wb.objectives.map((o) => o.id));
    for (const p of wb.partners) {
      expect(p.objectives.length, p.name).toBeGreaterThan(0);
      for (const po of p.objectives) expect(po.objectiveIds.every((id) => objectiveIds.has(id)), po.title).toBe(true);
    }
  });

  it('analyses into a story with strengths and deliberate weaknesses for the Review step and the documents', () => {
    const wb = sample();
    const report = analyseWorkbook(wb);
    const t = report.totals;
    expect(t.covered / t.assessable).toBeGreaterThan(0.8);
    expect(t.strong).toBeGreaterThanOrEqual(8);
    expect(t.evidencedLinks).toBeLessThan(t.links);
    // One objective with no library contribution at all, one with only a weak one.
    expect(report.gaps.map((g) => [g.objectiveId, g.status])).toEqual([
      ['obj_nsc_o51_net_zero', 'weak'],
      ['obj_nsc_o53_homelessness', 'gap'],
    ]);
    expect(report.unlinkedServiceIds).toEqual(['svc_nsc_library_of_things']);
    const reasons = new Set(report.weakClaims.flatMap((c) => c.reasons));
    expect(reasons).toEqual(new Set(['no-evidence', 'weak-evidence', 'low-confidence']));
    expect(report.weakClaims.length).toBeGreaterThanOrEqual(5);
    expect(report.summary).toMatch(/Of Northshire library service’s 24 services, 23 contribute to 12 of the council’s 13 objectives/);
    expect(report.summary).toContain('Prevent homelessness through early advice and support');
    // Every link explains itself.
    expect(wb.alignments.every((a) => a.rationale.trim().length > 20)).toBe(true);
  });

  it('opens as a new workbook of the officer’s own, with a fresh id and the same content', () => {
    const a = sampleAsNewWorkbook();
    const b = sampleAsNewWorkbook();
    if (!a.ok || !b.ok) throw new Error('sample did not load');
    expect(a.value.id).not.toBe(sample().id);
    expect(a.value.id).not.toBe(b.value.id);
    expect({ ...a.value, id: '' }).toEqual({ ...sample(), id: '' });
  });
});
