/**
 * The binding syntax of template section files: a small, logic-less language parsed into a tree with the file,
 * line and column of every tag, so every mistake can be reported where it is. Nothing here evaluates anything.
 *
 *   {{path | helper "arg"}}   {{#each list as item}}…{{else}}…{{/each}}   {{#if x == "y"}}…{{else}}…{{/if}}
 *   {{#unless x}}…{{/unless}} {{#guidance}}…{{/guidance}}   {{block name key="value"}}   {{pagebreak}}   {{! note }}
 */

export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export class TemplateError extends Error {
  constructor(
    readonly where: Location,
    readonly detail: string,
  ) {
    super(`${where.file}, line ${where.line}, column ${where.column}: ${detail}`);
  }
}

/** A dotted path into the data view; `@index`-style names are loop facts. */
export interface PathExpr {
  readonly kind: 'path';
  readonly segments: readonly string[];
  readonly at: Location;
}
export interface LiteralExpr {
  readonly kind: 'literal';
  readonly value: string | number;
}
export type Arg = PathExpr | LiteralExpr;

export interface HelperCall {
  readonly name: string;
  readonly args: readonly Arg[];
  readonly at: Location;
}

export type Condition =
  | { readonly op: 'truthy'; readonly path: PathExpr }
  | { readonly op: '==' | '!='; readonly path: PathExpr; readonly value: string | number }
  | { readonly op: 'in'; readonly path: PathExpr; readonly values: readonly string[] };

export type Node =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'value';
      readonly path: PathExpr;
      readonly helpers: readonly HelperCall[];
      /** The tag stands alone on its line, so a block (a guidance box, several paragraphs) may replace it. */
      readonly standalone: boolean;
      readonly at: Location;
    }
  | {
      readonly kind: 'each';
      readonly list: PathExpr;
      readonly as: string;
      readonly body: readonly Node[];
      readonly otherwise: readonly Node[];
      readonly at: Location;
    }
  | {
      readonly kind: 'if';
      readonly negate: boolean;
      readonly condition: Condition;
      readonly body: readonly Node[];
      readonly otherwise: readonly Node[];
      readonly at: Location;
    }
  | { readonly kind: 'guidance'; readonly body: readonly Node[]; readonly at: Location }
  | { readonly kind: 'block'; readonly name: string; readonly options: Readonly<Record<string, string>>; readonly at: Location }
  | { readonly kind: 'pagebreak'; readonly at: Location };

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const LOOP_FACT = /^@(index|number|first|last)$/;
const BLOCK_NAME = /^[a-z][a-z0-9-]*$/;
/** Deepest nesting of #each/#if a template may use: enough for any document, small enough to stay fast. */
const MAX_DEPTH = 12;
const MAX_TAGS = 20_000;

interface Token {
  readonly type: 'name' | 'string' | 'number' | 'symbol';
  readonly value: string;
  readonly at: Location;
}

function locator(file: string, source: string): (offset: number) => Location {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}

function tokenise(inner: string, start: number, locate: (o: number) => Location): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < inner.length) {
    const c = inner[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = locate(start + i);
    if (c === '"' || c === '“') {
      const close = c === '"' ? '"' : '”';
      const end = inner.indexOf(close, i + 1);
      if (end < 0) throw new TemplateError(at, 'this text in quotes has no closing quote mark.');
      out.push({ type: 'string', value: inner.slice(i + 1, end), at });
      i = end + 1;
      continue;
    }
    const word = /^[@A-Za-z0-9_.#/-]+/.exec(inner.slice(i));
    if (word) {
      const value = word[0];
      out.push({ type: /^-?\d+(\.\d+)?$/.test(value) ? 'number' : 'name', value, at });
      i += value.length;
      continue;
    }
    const sym = /^(==|!=|\||=)/.exec(inner.slice(i));
    if (sym) {
      out.push({ type: 'symbol', value: sym[0], at });
      i += sym[0].length;
      continue;
    }
    throw new TemplateError(at, `the character "${c}" cannot be used inside {{ }}. Templates only name values, helpers and blocks; they cannot run code.`);
  }
  return out;
}

function parsePath(token: Token | undefined, fallback: Location, what: string): PathExpr {
  if (!token || token.type !== 'name') throw new TemplateError(token?.at ?? fallback, `expected ${what} here.`);
  const segments = token.value.split('.');
  for (const s of segments) {
    if (FORBIDDEN_SEGMENTS.has(s) || s.startsWith('__'))
      throw new TemplateError(token.at, `"${s}" cannot be used in a template: templates can only read the workbook's data.`);
    if (!(NAME.test(s) || LOOP_FACT.test(s) || /^\d+$/.test(s)))
      throw new TemplateError(token.at, `"${token.value}" is not a valid name. Use dotted names such as authority.name.`);
  }
  return { kind: 'path', segments, at: token.at };
}

function parseArg(token: Token): Arg {
  if (token.type === 'string') return { kind: 'literal', value: token.value };
  if (token.type === 'number') return { kind: 'literal', value: Number(token.value) };
  if (token.type === 'name') return parsePath(token, token.at, 'a value');
  throw new TemplateError(token.at, `"${token.value}" is not allowed here.`);
}

function parseValue(tokens: Token[], at: Location): { path: PathExpr; helpers: HelperCall[] } {
  const path = parsePath(tokens[0], at, 'the name of a value, such as authority.name');
  const helpers: HelperCall[] = [];
  let i = 1;
  while (i < tokens.length) {
    const bar = tokens[i]!;
    if (bar.type !== 'symbol' || bar.value !== '|')
      throw new TemplateError(bar.at, `unexpected "${bar.value}". A value may be followed only by "| helper".`);
    const name = tokens[i + 1];
    if (!name || name.type !== 'name' || !NAME.test(name.value)) throw new TemplateError(bar.at, 'expected the name of a helper after "|".');
    i += 2;
    const args: Arg[] = [];
    while (i < tokens.length && !(tokens[i]!.type === 'symbol' && tokens[i]!.value === '|')) args.push(parseArg(tokens[i++]!));
    helpers.push({ name: name.value, args, at: name.at });
  }
  return { path, helpers };
}

function parseCondition(tokens: Token[], at: Location): Condition {
  const path = parsePath(tokens[0], at, 'the name of a value to test');
  if (tokens.length === 1) return { op: 'truthy', path };
  const op = tokens[1]!;
  const lit = tokens[2];
  if (tokens.length !== 3 || !lit || (lit.type !== 'string' && lit.type !== 'number'))
    throw new TemplateError(op.at, 'a condition is a name, optionally followed by == "text", != "text" or in "a,b,c".');
  if (op.type === 'symbol' && (op.value === '==' || op.value === '!='))
    return { op: op.value, path, value: lit.type === 'number' ? Number(lit.value) : lit.value };
  if (op.type === 'name' && op.value === 'in')
    return { op: 'in', path, values: lit.value.split(',').map((v) => v.trim()) };
  throw new TemplateError(op.at, `"${op.value}" is not a comparison. Use ==, != or in.`);
}

interface Frame {
  readonly kind: 'root' | 'each' | 'if' | 'unless' | 'guidance';
  readonly at: Location;
  readonly body: Node[];
  otherwise: Node[] | null;
  readonly make: (body: Node[], otherwise: Node[]) => Node;
}

function isStandalone(source: string, open: number, close: number): boolean {
  const lineStart = source.lastIndexOf('\n', open - 1) + 1;
  const nl = source.indexOf('\n', close);
  const lineEnd = nl < 0 ? source.length : nl;
  return source.slice(lineStart, open).trim() === '' && source.slice(close, lineEnd).trim() === '';
}

/** Parses one section file. Throws TemplateError with the location of the first problem. */
export function parseTemplate(file: string, source: string): Node[] {
  const locate = locator(file, source);
  const root: Frame = { kind: 'root', at: locate(0), body: [], otherwise: null, make: () => ({ kind: 'text', text: '' }) };
  const stack: Frame[] = [root];
  const target = () => {
    const top = stack[stack.length - 1]!;
    return top.otherwise ?? top.body;
  };
  let pos = 0;
  let tags = 0;
  while (pos < source.length) {
    const open = source.indexOf('{{', pos);
    if (open < 0) {
      const stray = source.indexOf('}}', pos);
      if (stray >= 0) throw new TemplateError(locate(stray), '"}}" has no matching "{{" before it.');
      target().push({ kind: 'text', text: source.slice(pos) });
      break;
    }
    const strayClose = source.indexOf('}}', pos);
    if (strayClose >= 0 && strayClose < open)
      throw new TemplateError(locate(strayClose), '"}}" has no matching "{{" before it.');
    if (open > pos) target().push({ kind: 'text', text: source.slice(pos, open) });
    const close = source.indexOf('}}', open + 2);
    const nextOpen = source.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close))
      throw new TemplateError(locate(open), 'this "{{" is not closed with "}}".');
    if (++tags > MAX_TAGS) throw new TemplateError(locate(open), `the file has more than ${MAX_TAGS.toLocaleString('en-GB')} tags.`);
    const at = locate(open);
    const innerStart = open + 2;
    const inner = source.slice(innerStart, close);
    const end = close + 2;
    const standalone = isStandalone(source, open, end);
    pos = end;
    const trimmed = inner.trim();
    // A control tag alone on its line takes the whole line with it (as in Mustache), so loops can build
    // Markdown tables and lists line by line without leaving blank lines that would break them.
    if (standalone && /^(#|\/|!|else$)/.test(trimmed)) {
      const list = target();
      const last = list[list.length - 1];
      if (last?.kind === 'text') {
        const cut = last.text.replace(/[ \t]*$/, '');
        list[list.length - 1] = { kind: 'text', text: cut };
      }
      const nl = source.indexOf('\n', end);
      pos = nl < 0 ? source.length : nl + 1;
    }
    if (trimmed.startsWith('!')) continue;
    if (trimmed === '') throw new TemplateError(at, 'empty {{ }}: name a value, such as {{authority.name}}.');
    const tokens = tokenise(inner, innerStart, locate);
    const head = tokens[0]!;

    if (head.type === 'name' && head.value.startsWith('#')) {
      if (stack.length > MAX_DEPTH) throw new TemplateError(at, `blocks are nested more than ${MAX_DEPTH} deep.`);
      const kind = head.value.slice(1);
      const rest = tokens.slice(1);
      switch (kind) {
        case 'each': {
          const list = parsePath(rest[0], at, 'the name of a list after #each');
          if (rest.length !== 3 || rest[1]!.value !== 'as' || rest[2]!.type !== 'name' || !NAME.test(rest[2]!.value))
            throw new TemplateError(at, 'write a loop as {{#each list as item}}, naming each item.');
          const as = rest[2]!.value;
          if (FORBIDDEN_SEGMENTS.has(as)) throw new TemplateError(rest[2]!.at, `"${as}" cannot be used as a name.`);
          stack.push({ kind: 'each', at, body: [], otherwise: null, make: (body, otherwise) => ({ kind: 'each', list, as, body, otherwise, at }) });
          break;
        }
        case 'if':
        case 'unless': {
          if (rest.length === 0) throw new TemplateError(at, `{{#${kind}}} needs a value to test, such as {{#${kind} answers.decision}}.`);
          const condition = parseCondition(rest, at);
          stack.push({
            kind,
            at,
            body: [],
            otherwise: null,
            make: (body, otherwise) => ({ kind: 'if', negate: kind === 'unless', condition, body, otherwise, at }),
          });
          break;
        }
        case 'guidance':
          if (rest.length > 0) throw new TemplateError(rest[0]!.at, '{{#guidance}} takes nothing after it.');
          stack.push({ kind: 'guidance', at, body: [], otherwise: null, make: (body) => ({ kind: 'guidance', body, at }) });
          break;
        default:
          throw new TemplateError(head.at, `"{{#${kind}}}" is not a template block. Use #each, #if, #unless or #guidance.`);
      }
      continue;
    }
    if (head.type === 'name' && head.value.startsWith('/')) {
      const kind = head.value.slice(1);
      const top = stack[stack.length - 1]!;
      if (top.kind === 'root') throw new TemplateError(at, `{{/${kind}}} closes a block that was never opened.`);
      if (top.kind !== kind)
        throw new TemplateError(at, `{{/${kind}}} does not match the {{#${top.kind}}} opened at line ${top.at.line}, column ${top.at.column}.`);
      stack.pop();
      target().push(top.make(top.body, top.otherwise ?? []));
      continue;
    }
    if (head.type === 'name' && head.value === 'else' && tokens.length === 1) {
      const top = stack[stack.length - 1]!;
      if (top.kind === 'root' || top.kind === 'guidance') throw new TemplateError(at, '{{else}} can only be used inside #each, #if or #unless.');
      if (top.otherwise) throw new TemplateError(at, `this {{#${top.kind}}} already has an {{else}}.`);
      top.otherwise = [];
      continue;
    }
    if (head.type === 'name' && head.value === 'block') {
      const name = tokens[1];
      if (!name || name.type !== 'name' || !BLOCK_NAME.test(name.value))
        throw new TemplateError(at, 'name the block, such as {{block alignment-matrix}}.');
      const options: Record<string, string> = Object.create(null) as Record<string, string>;
      for (let i = 2; i < tokens.length; i += 3) {
        const key = tokens[i]!;
        const eq = tokens[i + 1];
        const val = tokens[i + 2];
        if (key.type !== 'name' || !NAME.test(key.value) || eq?.value !== '=' || !val || (val.type !== 'string' && val.type !== 'number'))
          throw new TemplateError(key.at, 'block options are written key="value".');
        if (FORBIDDEN_SEGMENTS.has(key.value)) throw new TemplateError(key.at, `"${key.value}" cannot be used as an option.`);
        options[key.value] = val.value;
      }
      if (!standalone) throw new TemplateError(at, `{{block ${name.value}}} must be on a line of its own.`);
      target().push({ kind: 'block', name: name.value, options, at });
      continue;
    }
    if (head.type === 'name' && head.value === 'pagebreak' && tokens.length === 1) {
      if (!standalone) throw new TemplateError(at, '{{pagebreak}} must be on a line of its own.');
      target().push({ kind: 'pagebreak', at });
      continue;
    }
    const { path, helpers } = parseValue(tokens, at);
    target().push({ kind: 'value', path, helpers, standalone, at });
  }
  if (stack.length > 1) {
    const top = stack[stack.length - 1]!;
    throw new TemplateError(top.at, `{{#${top.kind}}} is never closed: add {{/${top.kind}}} after its content.`);
  }
  return root.body;
}

/** Parses a manifest string field: values and helpers only. */
export function parseInlineTemplate(file: string, source: string): Node[] {
  const nodes = parseTemplate(file, source);
  for (const n of nodes)
    if (n.kind !== 'text' && n.kind !== 'value')
      throw new TemplateError(n.at, 'only values such as {{answers.title}} can be used here.');
  return nodes;
}
