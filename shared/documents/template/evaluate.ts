/**
 * Evaluates a parsed section against the data view, producing Markdown in which every workbook value is escaped
 * and every block-level or special part (named blocks, guidance, officers' Markdown answers) is a placeholder.
 * Paths are looked up only as own fields of the view's records: there is nothing else to reach.
 */
import type { Block, Inline } from '../model';
import { formatDate } from '../../text/dates';
import { formatMoney, formatNumber, formatPercent, formatPerThousand } from '../../text/numbers';
import { plural } from '../../text/words';
import { BLOCK_MARK, INLINE_MARK, escapeMarkdown } from './markdown';
import { TemplateError, type Arg, type Condition, type HelperCall, type Location, type Node, type PathExpr } from './syntax';
import { MarkdownText, Unanswered, isRecord, type ViewValue } from './data-view';
import type { Question } from './manifest';

/** Output larger than this is a runaway template (a loop in a loop over the whole matrix), not a document. */
const MAX_OUTPUT = 8_000_000;

export interface EvalHost {
  /** Renders a named block; throws TemplateError for unknown names or bad options. */
  renderBlock(name: string, options: Readonly<Record<string, string>>, at: Location): Block[];
  /** Officer's Markdown (an answer) as blocks, headings demoted. */
  answerBlocks(source: string): Block[];
  /** Template Markdown as blocks (the body of a guidance box). */
  templateBlocks(source: string): Block[];
  /** A citation of an evidence item, or null when there is no such item. */
  cite(evidenceId: string): Inline | null;
  unanswered(question: Question): void;
  /**
   * A final document: template guidance is left out, and an unanswered (optional) question standing as its own
   * paragraph leaves nothing in its place. Required questions, and any marker left in a sentence, are refused by
   * the caller.
   */
  readonly final?: boolean;
}

export interface EvalState {
  readonly blocks: Block[][];
  readonly inlines: Inline[];
  length: number;
}

type Scope = ReadonlyMap<string, ViewValue>;

export const HELPERS = ['date', 'money', 'number', 'percent', 'perThousand', 'lower', 'upper', 'default', 'count', 'join', 'plural', 'cite', 'yesno'] as const;

function blockPlaceholder(state: EvalState, blocks: Block[]): string {
  state.blocks.push(blocks);
  return `\n\n${BLOCK_MARK}${state.blocks.length - 1}${BLOCK_MARK}\n\n`;
}

function inlinePlaceholder(state: EvalState, inline: Inline): string {
  state.inlines.push(inline);
  return `${INLINE_MARK}${state.inlines.length - 1}${INLINE_MARK}`;
}

function describe(v: ViewValue | undefined): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'empty';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (v instanceof Unanswered) return 'an unanswered question';
  if (v instanceof MarkdownText) return 'text';
  if (isRecord(v)) return 'a group of fields';
  return typeof v;
}

export function resolvePath(path: PathExpr, root: ViewValue, scopes: readonly Scope[]): ViewValue {
  const [first, ...rest] = path.segments;
  let current: ViewValue | undefined;
  let found = false;
  for (let s = scopes.length - 1; s >= 0 && !found; s--) {
    if (scopes[s]!.has(first!)) {
      current = scopes[s]!.get(first!);
      found = true;
    }
  }
  if (!found) {
    if (first!.startsWith('@')) throw new TemplateError(path.at, `${first} can only be used inside {{#each}}.`);
    if (isRecord(root) && Object.hasOwn(root, first!)) current = root[first!];
    else {
      const names = isRecord(root) ? Object.keys(root).join(', ') : '';
      throw new TemplateError(path.at, `there is no value called "${first}". Top-level names are: ${names}.`);
    }
  }
  let walked = first!;
  for (const seg of rest) {
    if (current === null || current === undefined || current instanceof Unanswered) return current ?? null;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(seg)) throw new TemplateError(path.at, `"${walked}" is a list; use {{#each ${walked} as item}} to go through it, or | count.`);
      current = (current as readonly ViewValue[])[Number(seg)] ?? null;
    } else if (isRecord(current)) {
      if (!Object.hasOwn(current, seg))
        throw new TemplateError(path.at, `"${walked}" has no field "${seg}". Its fields are: ${Object.keys(current).join(', ')}.`);
      current = current[seg];
    } else throw new TemplateError(path.at, `"${walked}" is ${describe(current)}, so it has no field "${seg}".`);
    walked += `.${seg}`;
  }
  return current ?? null;
}

function truthy(v: ViewValue): boolean {
  if (v === null || v instanceof Unanswered) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.trim() !== '';
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return Boolean(v);
}

function testCondition(c: Condition, root: ViewValue, scopes: readonly Scope[]): boolean {
  const v = resolvePath(c.path, root, scopes);
  switch (c.op) {
    case 'truthy':
      return truthy(v);
    case '==':
    case '!=': {
      const equal = typeof c.value === 'number' ? typeof v === 'number' && v === c.value : (typeof v === 'string' || typeof v === 'number') && String(v) === c.value;
      return c.op === '==' ? equal : !equal;
    }
    case 'in':
      return (typeof v === 'string' || typeof v === 'number') && c.values.includes(String(v));
  }
}

function argValue(a: Arg, root: ViewValue, scopes: readonly Scope[]): ViewValue {
  return a.kind === 'literal' ? a.value : resolvePath(a, root, scopes);
}

function applyHelper(value: ViewValue, h: HelperCall, root: ViewValue, scopes: readonly Scope[], state: EvalState, host: EvalHost): ViewValue {
  const args = h.args.map((a) => argValue(a, root, scopes));
  const str = (i: number, fallback = '') => (typeof args[i] === 'string' || typeof args[i] === 'number' ? String(args[i]) : fallback);
  if (h.name === 'default') return truthy(value) || value === 0 ? value : str(0);
  if (value === null || value instanceof Unanswered) return value;
  const num = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : null;
  const needNumber = () => {
    if (num === null) throw new TemplateError(h.at, `the helper "${h.name}" needs a number, but the value is ${describe(value)}.`);
    return num;
  };
  switch (h.name) {
    case 'date':
      if (typeof value !== 'string') throw new TemplateError(h.at, `the helper "date" needs a date such as 2026-11-28, but the value is ${describe(value)}.`);
      return formatDate(value, str(0) === 'short' ? 'short' : str(0) === 'month' ? 'month' : 'long');
    case 'money':
      return formatMoney(needNumber(), str(0) === 'short' ? 'short' : 'full');
    case 'number':
      return formatNumber(needNumber(), args[0] === undefined ? undefined : Number(args[0]));
    case 'percent':
      return formatPercent(needNumber(), str(0) === 'whole');
    case 'perThousand': {
      const pop = args[0];
      return formatPerThousand(needNumber(), typeof pop === 'number' ? pop : isRecord(pop) && typeof pop.value === 'number' ? pop.value : null);
    }
    case 'lower':
      return typeof value === 'string' ? value.toLowerCase() : value;
    case 'upper':
      return typeof value === 'string' ? value.toUpperCase() : value;
    case 'count':
      if (!Array.isArray(value)) throw new TemplateError(h.at, `the helper "count" needs a list, but the value is ${describe(value)}.`);
      return value.length;
    case 'join': {
      if (!Array.isArray(value)) throw new TemplateError(h.at, `the helper "join" needs a list, but the value is ${describe(value)}.`);
      const field = str(1);
      const parts = (value as readonly ViewValue[]).map((item) => {
        const v = field && isRecord(item) && Object.hasOwn(item, field) ? item[field] : item;
        return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
      });
      return parts.filter(Boolean).join(str(0, ', '));
    }
    case 'plural':
      return plural(needNumber(), str(0, 'item'), str(1) || undefined);
    case 'yesno':
      return truthy(value) ? 'Yes' : 'No';
    case 'cite': {
      if (typeof value !== 'string') throw new TemplateError(h.at, `the helper "cite" needs an evidence id, but the value is ${describe(value)}.`);
      const c = host.cite(value);
      return c ? new MarkdownText(inlinePlaceholder(state, c)) : '';
    }
    default:
      throw new TemplateError(h.at, `"${h.name}" is not a helper. Helpers are: ${HELPERS.join(', ')}.`);
  }
}

function guidanceFor(q: Question): Block {
  const blocks: Block[] = [{ kind: 'paragraph', content: [{ kind: 'guidance', text: q.hint || `Add: ${q.label}.` }] }];
  return { kind: 'callout', tone: 'guidance', title: `To complete: ${q.label}`, blocks };
}

export function evaluate(nodes: readonly Node[], root: ViewValue, host: EvalHost, state: EvalState, scopes: Scope[] = []): string {
  let out = '';
  const emit = (s: string, at: Location) => {
    out += s;
    state.length += s.length;
    if (state.length > MAX_OUTPUT) throw new TemplateError(at, 'the template produces far too much text; check for a loop inside a loop.');
  };
  for (const n of nodes) {
    switch (n.kind) {
      case 'text':
        out += n.text;
        state.length += n.text.length;
        break;
      case 'value': {
        let v = resolvePath(n.path, root, scopes);
        for (const h of n.helpers) v = applyHelper(v, h, root, scopes, state, host);
        if (v instanceof Unanswered) {
          host.unanswered(v.question);
          // A final leaves out a paragraph that was to hold the answer, but not a word in a sentence: that marker
          // stays, and the caller refuses the final until the question is answered.
          if (!host.final || !n.standalone)
            emit(n.standalone ? blockPlaceholder(state, [guidanceFor(v.question)]) : inlinePlaceholder(state, { kind: 'guidance', text: `[To complete: ${v.question.label}]` }), n.at);
        } else if (v instanceof MarkdownText) {
          const source = v.source;
          emit(n.standalone ? blockPlaceholder(state, host.answerBlocks(source)) : source.replace(/\s*\n\s*/g, ' '), n.at);
        } else if (Array.isArray(v) || isRecord(v)) {
          throw new TemplateError(n.at, `"${n.path.segments.join('.')}" is ${describe(v)}; use {{#each}} to go through a list, or name one of its fields.`);
        } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
          emit(escapeMarkdown(typeof v === 'number' ? formatNumber(v) : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : v), n.at);
        }
        break;
      }
      case 'if': {
        const pass = testCondition(n.condition, root, scopes) !== n.negate;
        emit(evaluate(pass ? n.body : n.otherwise, root, host, state, scopes), n.at);
        break;
      }
      case 'each': {
        const v = resolvePath(n.list, root, scopes);
        if (v !== null && !(v instanceof Unanswered) && !Array.isArray(v))
          throw new TemplateError(n.list.at, `"${n.list.segments.join('.')}" is ${describe(v)}, not a list, so {{#each}} cannot go through it.`);
        const items = Array.isArray(v) ? (v as readonly ViewValue[]) : [];
        if (items.length === 0) emit(evaluate(n.otherwise, root, host, state, scopes), n.at);
        items.forEach((item, index) => {
          const scope = new Map<string, ViewValue>([
            [n.as, item],
            ['@index', index],
            ['@number', index + 1],
            ['@first', index === 0],
            ['@last', index === items.length - 1],
          ]);
          emit(evaluate(n.body, root, host, state, [...scopes, scope]), n.at);
        });
        break;
      }
      case 'guidance': {
        if (host.final) break;
        const inner = evaluate(n.body, root, host, state, scopes);
        emit(blockPlaceholder(state, [{ kind: 'callout', tone: 'guidance', title: 'Guidance for the author (delete before publishing)', blocks: host.templateBlocks(inner) }]), n.at);
        break;
      }
      case 'block':
        emit(blockPlaceholder(state, host.renderBlock(n.name, n.options, n.at)), n.at);
        break;
      case 'pagebreak':
        emit(blockPlaceholder(state, [{ kind: 'page-break' }]), n.at);
        break;
    }
  }
  return out;
}
