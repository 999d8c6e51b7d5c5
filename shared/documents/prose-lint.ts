/**
 * Prose lint: the mistakes a committee reader notices first, found in a bound document model so that the
 * project's own tests (and the Documents step) catch them before a paper goes out. Each rule is a plain pattern
 * over the text a reader sees; a finding names the rule, the offending words and where they are (the nearest
 * heading above, and the table or figure when the words sit in one).
 *
 * GOV.UK style is the yardstick: numerals, no Latin abbreviations, no space before "%", no sentence that opens
 * with a numeral. Citations ("[3]") are model inlines, not text, so they never look like placeholders here.
 */
import { inlineText, referenceNumbers, type Block, type DocModel, type Inline } from './model';

export type ProseFindingKind =
  | 'doubled-word'
  | 'doubled-punctuation'
  | 'space-before-percent'
  | 'zero-of-zero'
  | 'latin-abbreviation'
  | 'broken-phrase'
  | 'placeholder'
  | 'starts-with-digit'
  | 'and-n-others';

export interface ProseFinding {
  readonly kind: ProseFindingKind;
  /** The offending words, as printed. */
  readonly text: string;
  /** Where: "Title page", or the nearest heading above (with the table or figure caption when inside one). */
  readonly where: string;
  /** The sentence or cell the words are in, shortened, so the finding can be read on its own. */
  readonly excerpt: string;
}

export interface ProseLintOptions {
  /** A final may carry no guidance or placeholders; a draft keeps its guidance boxes and "[question]" markers. */
  readonly mode: 'draft' | 'final';
}

/** Where a run of text sits, which decides the rules that apply to it. */
type Role = 'prose' | 'heading' | 'cell' | 'label';

interface Rule {
  readonly kind: ProseFindingKind;
  readonly pattern: RegExp;
  readonly roles?: readonly Role[];
  /** Turns a match into the offending text, or null when the match is allowed after all. */
  readonly accept?: (match: RegExpExecArray, text: string) => string | null;
}

/** Words that are correctly doubled in English ("had had", "that that"). */
const FINE_DOUBLED = new Set(['had', 'that', 'is', 'bye', 'very', 'so', 'no', 'tut', 'ha', 'knock', 'now', 'there']);

/** Determiners that may follow "none of", "all of", …; anything else lower-case there lost its noun phrase. */
const OF_FOLLOWERS =
  'the|these|those|them|this|that|it|its|their|our|your|his|her|us|you|which|whom|what|whose|each|every|my|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve';

/** The match with the word it follows, so "helpful.." reads as the reader sees it rather than "..". */
function withWordBefore(m: RegExpExecArray, text: string): string {
  const before = /\S*\s?$/u.exec(text.slice(0, m.index))?.[0] ?? '';
  return `${before}${m[0]}`.trim();
}

/** Words ending in "s" that are not plural nouns ("1 was", "1 series"). */
const NOT_PLURAL = new Set(['was', 'has', 'does', 'its', 'as', 'news', 'series', 'species', 'means', 'always', 'towards', 'yes']);

/** Abbreviations after which a full stop does not end a sentence. */
const NOT_SENTENCE_END = /(?:\b(?:p|pp|no|nos|vol|fig|para|st|dr|mr|mrs|ms|prof|cllr|e\.g|i\.e|etc|vs|approx)|\b[A-Z])\.$/i;

const RULES: readonly Rule[] = [
  {
    kind: 'doubled-word',
    pattern: /(?<![\p{L}\p{N}'’-])(\p{L}+)\s+\1(?![\p{L}\p{N}'’-])/giu,
    accept: (m) => (FINE_DOUBLED.has(m[1]!.toLowerCase()) ? null : m[0]),
  },
  {
    // Two marks where one belongs: "helpful..", "cost.,", "why?.", ", ," (an ellipsis "..." is left alone).
    kind: 'doubled-punctuation',
    pattern: /(?<!\.)([.,;:!?])[ \u00A0]?([.,;:!?])(?![.\d])/gu,
    accept: (m, text) => {
      if (m[1] === '?' && m[2] === '!') return null;
      if (m[1] === '!' && m[2] === '?') return null;
      return withWordBefore(m, text);
    },
  },
  { kind: 'space-before-percent', pattern: /\d[\s\u00A0\u202F]+(?:%|per ?cent\b(?=\s*%))/gu },
  { kind: 'zero-of-zero', pattern: /(?<![\d.,])0 (?:out )?of 0(?![\d.,])/gu },
  {
    kind: 'latin-abbreviation',
    pattern: /(?<![\p{L}.])(?:e\.\s?g\.?|i\.\s?e\.?|etc\b\.?|viz\.|cf\.|n\.\s?b\.|et al\b\.?|eg(?=[,:]|\s\p{Ll})|ie(?=[,:]|\s\p{Ll}))/giu,
  },
  // Phrases a template or helper produced with a value missing or doubled.
  { kind: 'broken-phrase', pattern: /\bpages? pp?\.\s?\d/giu },
  {
    kind: 'broken-phrase',
    pattern: new RegExp(`\\b(?:[Nn]one|[Aa]ll|[Ss]ome|[Mm]ost|[Mm]any|[Aa]ny|[Ee]ach) of (?!(?:${OF_FOLLOWERS})\\b)\\p{Ll}[\\p{L}-]*`, 'gu'),
  },
  {
    // "1 services", "1 objectives": a count of one with a plural noun.
    kind: 'broken-phrase',
    pattern: /(?<![\d.,:£/-])1 (\p{Ll}+s)\b/gu,
    accept: (m) => (/(?:ss|us|is)$/.test(m[1]!) || NOT_PLURAL.has(m[1]!) ? null : m[0]),
  },
  // A value left empty in a sentence: "from .", "include , and", "()".
  { kind: 'broken-phrase', pattern: /(?<=\p{L})[ \u00A0]+[.,;:](?=\s|$)/gu, roles: ['prose', 'label'], accept: (m, text) => withWordBefore(m, text) },
  { kind: 'broken-phrase', pattern: /\(\s*\)|\[\s*\]/gu },
  { kind: 'broken-phrase', pattern: /\b(?:a|an) (?:a|an|the)\b|\bthe (?:a|an)\b/giu },
  {
    kind: 'broken-phrase',
    pattern: /\ban [bcdfgjklmnpqrstvwxz][a-z]|\ba [aeio][a-z]/gu,
    accept: (m, text) => {
      const word = /^\S+ (\S+)/.exec(text.slice(m.index))?.[1] ?? '';
      return /^(?:one|once|eu|euro|ewe|uni|use|usu|u[bfklrst])/i.test(word) ? null : `${m[0].split(' ')[0]} ${word}`;
    },
  },
  { kind: 'placeholder', pattern: /\{\{[^{}]*\}\}|\{\{|\}\}|\b(?:TODO|TBC|TBD|FIXME|XXX)\b|lorem ipsum/giu },
  { kind: 'and-n-others', pattern: /\band (?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten) others?\b/giu },
];

/** "[Name of the proposal]": an unanswered question's marker, fine in a draft, a placeholder in a final. */
const BRACKET_PLACEHOLDER = /\[[^\]\d\s][^\]]*\]/gu;

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]["'”’)]*\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(start, m.index + 1);
    if (NOT_SENTENCE_END.test(before)) continue;
    out.push(before.trim());
    start = m.index + m[0].length;
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 140 ? `${t.slice(0, 137)}…` : t;
}

export function lintProse(doc: DocModel, options: ProseLintOptions): ProseFinding[] {
  const findings: ProseFinding[] = [];
  const refs = referenceNumbers(doc);
  const seen = new Set<string>();
  const add = (kind: ProseFindingKind, text: string, where: string, excerpt: string) => {
    const key = `${kind}\u0000${text}\u0000${where}\u0000${excerpt}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ kind, text: text.trim(), where, excerpt: shorten(excerpt) });
  };

  const check = (raw: string, role: Role, where: string) => {
    const text = raw.replace(/\u00AD/g, '');
    if (!text.trim()) return;
    for (const rule of RULES) {
      if (rule.roles && !rule.roles.includes(role)) continue;
      rule.pattern.lastIndex = 0;
      for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
        const hit = rule.accept ? rule.accept(m, text) : m[0];
        if (hit !== null) add(rule.kind, hit, where, text);
        if (m[0].length === 0) rule.pattern.lastIndex++;
      }
    }
    if (options.mode === 'final') for (const m of text.matchAll(BRACKET_PLACEHOLDER)) add('placeholder', m[0], where, text);
    if (role === 'prose')
      for (const s of sentencesOf(text)) {
        // A numbered heading's or objective's code ("1.2 Help older people…") is a label, not a figure.
        const m = /^["'“‘(]?\d\S*(?:\s+\S+)?/.exec(s);
        if (m && !/^\d+(?:\.\d+)+\s/.test(s)) add('starts-with-digit', m[0], where, s);
      }
  };

  const inlines = (content: readonly Inline[], role: Role, where: string) => {
    if (options.mode === 'final')
      for (const i of content) if (i.kind === 'guidance') add('placeholder', `To complete: ${i.text}`, where, i.text);
    check(content.map((i) => (i.kind === 'citation' ? `[${refs.get(i.refId) ?? 0}]` : inlineText([i]))).join(''), role, where);
  };

  let heading = 'Title page';
  const tp = doc.titlePage;
  for (const t of [tp.title, tp.subtitle, tp.organisation]) check(t, 'label', heading);
  for (const d of tp.details) check(`${d.label}: ${d.value}`, 'label', heading);

  const block = (b: Block) => {
    switch (b.kind) {
      case 'heading':
        heading = inlineText(b.content).trim() || heading;
        inlines(b.content, 'heading', heading);
        break;
      case 'paragraph':
        inlines(b.content, 'prose', heading);
        break;
      case 'list': {
        const items = (list: typeof b) => {
          for (const it of list.items) {
            inlines(it.content, 'prose', heading);
            if (it.children) items(it.children);
          }
        };
        items(b);
        break;
      }
      case 'table': {
        const where = `${heading} › ${b.caption}`;
        check(b.caption, 'label', where);
        for (const c of b.columns) check(c.header, 'label', where);
        for (const r of b.rows) for (const c of r) inlines(c.content, 'cell', where);
        if (b.source) check(b.source, 'label', where);
        break;
      }
      case 'figure': {
        const where = `${heading} › ${b.caption}`;
        check(b.caption, 'label', where);
        check(b.alt, 'label', where);
        if (b.source) check(b.source, 'label', where);
        for (const bar of b.chart.bars) check(bar.label, 'label', where);
        break;
      }
      case 'callout':
        if (b.tone === 'guidance' && options.mode === 'final') add('placeholder', b.title, heading, b.title);
        check(b.title, 'label', heading);
        b.blocks.forEach(block);
        break;
      case 'key-figures': {
        const where = `${heading} › ${b.title}`;
        check(b.title, 'label', where);
        // The value and its label read as one phrase ("23 of 24 services linked…"), so they are checked together.
        for (const i of b.items) {
          check(`${i.value} ${i.label}`, 'cell', where);
          check(i.source, 'cell', where);
        }
        break;
      }
      case 'references':
        for (const r of doc.references) check(r.text, 'label', `${heading} › References`);
        break;
      case 'toc':
      case 'page-break':
        break;
    }
  };
  for (const s of doc.sections) s.blocks.forEach(block);
  return findings;
}

/** One line per finding, for a test failure or the command line: `kind: "text" in where: excerpt`. */
export function describeFinding(f: ProseFinding): string {
  return `${f.kind}: “${f.text}” in ${f.where}: ${f.excerpt}`;
}
