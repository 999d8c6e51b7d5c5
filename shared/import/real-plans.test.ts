/**
 * Six real council plans (tests/fixtures/real-plans.ts cites each), in four forms each: pasted as they come from
 * the plan, numbered, bulleted, and as a Word document built here with the docx package. Every form must give the
 * plan's own hierarchy with every line kept: the default reading is checked, not a reading the officer fixed.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { bulleted, KENT, numbered, REAL_PLANS, type RealPlan } from '../../tests/fixtures/real-plans';
import type { Objective } from '../model/workbook-schema';
import { readPlanFile } from './plan-files';
import { countLines, defaultRoles, effectiveRoles, planLinesFromText, planLinesToObjectives, type PlanLine } from './plan-lines';

async function linesOf(fileName: string, bytes: Uint8Array): Promise<PlanLine[]> {
  const read = await readPlanFile(fileName, bytes);
  if (!read.ok) throw new Error(read.error.message);
  if (!('lines' in read.value)) throw new Error('expected a text or Word plan');
  return planLinesFromText(read.value.nodes, read.value.lines);
}

const text = (fileName: string, body: string) => linesOf(fileName, new TextEncoder().encode(body));

async function docx(plan: RealPlan): Promise<PlanLine[]> {
  const flat = plan.groups.length === 1 && plan.groups[0]!.title === '';
  const item = (i: { title: string; description?: string }) => (i.description ? `${i.title}: ${i.description}` : i.title);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: `${plan.name} council plan`, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'This plan sets out what the council will focus on over the next four years.' }),
          ...plan.groups.flatMap((g) => [
            ...(flat ? [] : [new Paragraph({ text: g.title, heading: HeadingLevel.HEADING_1 })]),
            ...g.items.map((i) => new Paragraph({ text: item(i), bullet: { level: 0 } })),
          ]),
        ],
      },
    ],
  });
  return linesOf('plan.docx', new Uint8Array(await Packer.toBuffer(doc)));
}

/** The hierarchy the lines make by default, as "theme > objective" paths with descriptions. */
function read(lines: PlanLine[], plan: RealPlan) {
  const roles = defaultRoles(lines, plan.top);
  const objectives = planLinesToObjectives(lines, roles, null);
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const path = (o: Objective): string => (o.parentId ? `${path(byId.get(o.parentId)!)} > ${o.title}` : o.title);
  return {
    paths: objectives.map(path),
    descriptions: objectives.filter((o) => o.description).map((o) => [o.title, o.description]),
    counts: countLines(effectiveRoles(lines, roles)),
    leftOut: effectiveRoles(lines, roles).filter((e) => e.role === 'omitted').map((e) => e.line.text),
  };
}

function expected(plan: RealPlan) {
  const paths = plan.groups.flatMap((g) => (g.title ? [g.title, ...g.items.map((i) => `${g.title} > ${i.title}`)] : g.items.map((i) => i.title)));
  const descriptions = plan.groups.flatMap((g) => g.items.filter((i) => i.description).map((i) => [i.title, i.description]));
  return { paths, descriptions };
}

describe.each(REAL_PLANS.map((p) => [p.name, p] as const))('%s’s plan', (_name, plan) => {
  const want = expected(plan);
  const itemLines = want.paths.length;

  it('pasted as it comes from the plan: every objective kept, explanations as descriptions, nothing lost', async () => {
    const got = read(await text('pasted.txt', plan.pasted), plan);
    expect(got.paths).toEqual(want.paths);
    expect(got.descriptions).toEqual(want.descriptions);
    expect(got.leftOut).toEqual(plan.pastedLeftOut);
    expect(got.counts.read).toBe(plan.pasted.split('\n').filter((l) => l.trim() !== '').length);
  });

  it('numbered', async () => {
    const got = read(await text('numbered.txt', numbered(plan)), plan);
    expect(got.paths).toEqual(want.paths);
    expect(got.descriptions).toEqual(want.descriptions);
    expect(got.counts).toEqual({ read: itemLines, kept: itemLines, omitted: 0 });
  });

  it('bulleted', async () => {
    const got = read(await text('bulleted.txt', bulleted(plan)), plan);
    expect(got.paths).toEqual(want.paths);
    expect(got.descriptions).toEqual(want.descriptions);
    expect(got.counts).toEqual({ read: itemLines, kept: itemLines, omitted: 0 });
  });

  it('as a Word document: the introduction is listed, left out, and everything else kept', async () => {
    const got = read(await docx(plan), plan);
    expect(got.paths).toEqual(want.paths);
    expect(got.descriptions).toEqual(want.descriptions);
    expect(got.leftOut).toEqual(['This plan sets out what the council will focus on over the next four years.']);
  });
});

describe('the Kent case from issue 13', () => {
  it('keeps the 133-character objective under “Priority 1:” as an objective, not the priority’s description', async () => {
    const first = KENT.groups[0]!.items[0]!.title;
    expect(first).toHaveLength(133);
    const lines = await text('kent.txt', KENT.pasted);
    const roles = defaultRoles(lines, 'theme');
    expect(lines.filter((l) => roles.get(l.key) === 'objective')).toHaveLength(6);
    const objectives = planLinesToObjectives(lines, roles, null);
    expect(objectives.find((o) => o.level === 'theme' && o.title === 'Levelling Up Kent')!.description).toBe('');
    expect(objectives.find((o) => o.title === first)!.level).toBe('objective');
  });
});
