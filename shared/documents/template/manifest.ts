/**
 * A template's manifest (template.json): what it is, the questions the officer answers, and its section files.
 * Parsed with comments allowed (officers edit these by hand) and validated with zod; every problem is reported
 * with the line and column in template.json.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { TemplateError, type Location } from './syntax';

export const MANIFEST_FILE = 'template.json';
export const TEMPLATE_KINDS = ['business-case', 'partnership-proposal', 'commissioning-bid', 'alignment-statement', 'committee-report', 'other'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const QUESTION_KINDS = ['text', 'paragraphs', 'choice', 'date', 'money', 'number', 'table'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const Id = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, { error: 'Use lower-case letters, digits, "-" and "_", starting with a letter' });
const Short = z.string().max(500, { error: 'Too long (the limit is 500 characters)' });
const Long = z.string().max(5_000, { error: 'Too long (the limit is 5,000 characters)' });
const FileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.md$/, { error: 'A section file is a name ending in .md in the template folder (no folders, no "..")' });

export const QuestionSchema = z.strictObject({
  id: Id,
  label: Short.min(1, { error: 'A question needs a label' }),
  hint: Long.default(''),
  required: z.boolean().default(false),
  kind: z.enum(QUESTION_KINDS, { error: `Must be one of: ${QUESTION_KINDS.join(', ')}` }),
  /** Shown as a heading in the questions form. */
  group: Short.default(''),
  options: z.array(z.strictObject({ value: Short.min(1), label: Short.min(1) })).max(50).default([]),
  columns: z.array(z.strictObject({ id: Id, label: Short.min(1) })).max(12).default([]),
  default: Long.optional(),
  /** Answer length guidance, as bid questions set it; exceeding it is a pre-export warning. */
  wordLimit: z.number().int().positive().max(100_000).optional(),
  /** Ask only when another answer has one of these values. */
  when: z.strictObject({ question: Id, in: z.array(Short).min(1).max(50) }).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const ManifestSchema = z.strictObject({
  id: Id,
  name: Short.min(1),
  kind: z.enum(TEMPLATE_KINDS, { error: `Must be one of: ${TEMPLATE_KINDS.join(', ')}` }),
  description: Long.default(''),
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, { error: 'Use a version such as 1.0.0' }),
  partner: z.enum(['none', 'optional', 'required']).default('none'),
  /**
   * What a document from this template describes: a proposal (the services, objectives and sum the officer puts
   * in its scope) or the whole library service (a strategic alignment statement).
   */
  scope: z.enum(['proposal', 'whole-service']).default('proposal'),
  /**
   * A committee report asks for a decision on a business case: its draft names that business-case draft
   * (basedOnDraftId) and prints the options, money and risks from it.
   */
  basedOn: z.enum(['none', 'business-case']).default('none'),
  document: z.strictObject({
    title: Short.min(1),
    subtitle: Short.default(''),
    subject: Short.default(''),
    keywords: z.array(Short).max(30).default([]),
  }),
  questions: z.array(QuestionSchema).max(200).default([]),
  sections: z
    .array(z.strictObject({ file: FileName, orientation: z.enum(['portrait', 'landscape']).default('portrait') }))
    .min(1, { error: 'A template needs at least one section file' })
    .max(100),
});
export type Manifest = z.infer<typeof ManifestSchema>;

function locate(text: string, offset: number): Location {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { file: MANIFEST_FILE, line, column: col };
}

/** Parses and validates template.json; throws TemplateError (located) for the first problems. */
export function parseManifest(text: string): Manifest {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const e = errors[0];
    throw new TemplateError(locate(text, e?.offset ?? 0), `template.json is not valid JSON (${e ? printParseErrorCode(e.error) : 'empty file'}).`);
  }
  const value: unknown = nodeValue(tree, text);
  const parsed = ManifestSchema.safeParse(value);
  if (parsed.success) {
    const m = parsed.data;
    const ids = new Set<string>();
    m.questions.forEach((q, i) => {
      const at = () => locate(text, findNodeAtLocation(tree, ['questions', i, 'id'])?.offset ?? 0);
      if (ids.has(q.id)) throw new TemplateError(at(), `two questions have the id "${q.id}".`);
      ids.add(q.id);
      if (q.kind === 'choice' && q.options.length === 0) throw new TemplateError(at(), `question "${q.id}" is a choice but lists no options.`);
      if (q.kind === 'table' && q.columns.length === 0) throw new TemplateError(at(), `question "${q.id}" is a table but lists no columns.`);
    });
    m.questions.forEach((q, i) => {
      if (q.when && !ids.has(q.when.question))
        throw new TemplateError(
          locate(text, findNodeAtLocation(tree, ['questions', i, 'when', 'question'])?.offset ?? 0),
          `question "${q.id}" depends on "${q.when.question}", which is not a question in this template.`,
        );
    });
    return m;
  }
  const issue = parsed.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  let node = findNodeAtLocation(tree, path);
  for (let cut = path.length; !node && cut > 0; cut--) node = findNodeAtLocation(tree, path.slice(0, cut - 1));
  const where = path.length > 0 ? ` (at ${path.join('.')})` : '';
  const message = issue.code === 'unrecognized_keys' ? `unexpected field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  throw new TemplateError(locate(text, node?.offset ?? 0), `${message}${where}.`);
}

type JsonNode = NonNullable<ReturnType<typeof parseTree>>;

/** Rebuilds the value from the tree with plain objects, dropping keys that could reach a prototype. */
function nodeValue(node: JsonNode, text: string): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v) continue;
        const key = String(k.value);
        if (key === '__proto__' || key === 'constructor' || key === 'prototype')
          throw new TemplateError(locate(text, k.offset), `template.json contains a field named "${key}", which is not allowed.`);
        Object.defineProperty(out, key, { value: nodeValue(v, text), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((c) => nodeValue(c, text));
    default:
      return node.value;
  }
}
