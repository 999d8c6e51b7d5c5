/**
 * The workbook file format: a versioned JSON envelope, pretty-printed in schema key order so it diffs and
 * merges. Reading goes guard → envelope → migrate → validate → integrity; each failure is a plain-English
 * message that names the place in the file.
 */
import type { z } from 'zod';
import { fail, ok, type AppError, type Result } from '../result';
import { formatPath, checkIntegrity, type ModelIssue, type Path } from './integrity';
import { parseGuardedJson, MAX_JSON_DEPTH } from './json-guard';
import { CURRENT_VERSION, migrate } from './migrations';
import { WorkbookSchema, type Workbook } from './workbook-schema';

export const FORMAT_ID = 'alignment-workbench';
export const FILE_EXTENSION = 'awbook';
/** A real workbook is a few megabytes at most; this stops a wrong or hostile file from exhausting memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
const MAX_LISTED_ISSUES = 20;

export interface WorkbookEnvelope {
  format: typeof FORMAT_ID;
  version: number;
  workbook: Workbook;
}

export function serialiseWorkbook(workbook: Workbook): string {
  const envelope: WorkbookEnvelope = { format: FORMAT_ID, version: CURRENT_VERSION, workbook };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export interface ReadWorkbookOk {
  workbook: Workbook;
  /** The version the file was written in; lower than CURRENT_VERSION when it was migrated on opening. */
  fileVersion: number;
}

export function readWorkbookText(text: string): Result<ReadWorkbookOk> {
  if (text.trim() === '')
    return fail('NOT_A_WORKBOOK', 'The file is empty, so it is not a workbook. It may not have finished copying or syncing.');
  const guarded = parseGuardedJson(text);
  if (!guarded.ok) {
    const e = guarded.error;
    switch (e.kind) {
      case 'too-deep':
        return fail(
          'INVALID_JSON',
          `The file is not a workbook: at line ${e.line}, column ${e.column} it nests brackets more than ${MAX_JSON_DEPTH} levels deep.`,
        );
      case 'too-many':
        return fail(
          'INVALID_JSON',
          `The file is not a workbook: by line ${e.line}, column ${e.column} it holds more than ${e.limit.toLocaleString('en-GB')} lists and objects, more than any workbook has.`,
        );
      case 'syntax': {
        const where = e.line !== null ? ` at line ${e.line}, column ${e.column}` : '';
        return fail('INVALID_JSON', `The file is damaged or not a workbook: it is not valid JSON${where} (${e.detail}).`);
      }
      case 'forbidden-key':
        return fail(
          'INVALID_WORKBOOK',
          `The file contains a field named "${e.key}" at ${formatPath(e.path)}, which a workbook never has. It was not opened.`,
          [{ path: formatPath(e.path), message: `Field "${e.key}" is not allowed` }],
        );
    }
  }
  const envelope = guarded.value;
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope))
    return fail('NOT_A_WORKBOOK', 'The file is not an Alignment Workbench workbook: it does not contain a JSON object.');
  const { format, version, workbook } = envelope as Record<string, unknown>;
  if (format !== FORMAT_ID)
    return fail(
      'NOT_A_WORKBOOK',
      typeof format === 'string'
        ? `The file is not an Alignment Workbench workbook: its "format" is "${truncate(format)}", not "${FORMAT_ID}".`
        : `The file is not an Alignment Workbench workbook: it has no "format": "${FORMAT_ID}" field.`,
    );
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('NOT_A_WORKBOOK', 'The workbook file has no valid "version" number, so it cannot be read safely.');
  if (version > CURRENT_VERSION)
    return fail(
      'NEWER_VERSION',
      `This workbook was saved by a newer version of Alignment Workbench (file format version ${version}); this copy reads versions up to ${CURRENT_VERSION}. Install the latest version to open it. The file has not been changed.`,
    );
  if (workbook === null || typeof workbook !== 'object' || Array.isArray(workbook))
    return fail('INVALID_WORKBOOK', 'The workbook file has no "workbook" object.');

  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(workbook as Record<string, unknown>, version);
  } catch (e) {
    return fail(
      'INVALID_WORKBOOK',
      `The workbook (file format version ${version}) could not be upgraded: ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
  const validated = validateWorkbook(migrated, ['workbook']);
  return validated.ok ? ok({ workbook: validated.value, fileVersion: version }) : validated;
}

/** Validates an untrusted workbook object: schema first, then referential integrity. */
export function validateWorkbook(candidate: unknown, prefix: Path = []): Result<Workbook> {
  const parsed = WorkbookSchema.safeParse(candidate, { error: friendlyIssueMessage });
  const issues: ModelIssue[] = parsed.success
    ? checkIntegrity(parsed.data)
    : parsed.error.issues.map((i) => ({ path: i.path.filter(isPathPart), message: i.message }));
  if (parsed.success && issues.length === 0) return ok(parsed.data);
  return { ok: false, error: describeIssues(issues, candidate, prefix) };
}

function isPathPart(p: PropertyKey): p is string | number {
  return typeof p === 'string' || typeof p === 'number';
}

function describeIssues(issues: ModelIssue[], candidate: unknown, prefix: Path): AppError {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => ({
    path: describePath([...prefix, ...i.path], candidate, prefix.length),
    message: i.message,
  }));
  const first = listed[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return {
    code: 'INVALID_WORKBOOK',
    message: `The workbook has a problem at ${first.path}: ${first.message}${more}.`,
    issues: listed,
  };
}

/** Adds the name of the entity a path points into, so "services[3].cost" reads "services[3] “Rhymetime”.cost". */
function describePath(path: Path, root: unknown, skip: number): string {
  const plain = formatPath(path);
  const [collection, index] = path.slice(skip);
  if (typeof collection !== 'string' || typeof index !== 'number' || root === null || typeof root !== 'object') return plain;
  const list = (root as Record<string, unknown>)[collection];
  const entity = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
  const raw = entity && (typeof entity.title === 'string' ? entity.title : typeof entity.name === 'string' ? entity.name : null);
  // A blank name (often the very problem being reported) would only add “   ” to the message.
  const label = raw ? raw.trim().replace(/\s+/g, ' ') : '';
  if (!label) return plain;
  const head = formatPath(path.slice(0, skip + 2));
  return `${head} “${truncate(label, 60)}”${plain.slice(head.length)}`;
}

function truncate(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

type Issue = Parameters<Extract<z.core.$ZodErrorMap, (...a: never[]) => unknown>>[0];

/** Plain wording for zod's generic messages; schema-specific messages (limits, formats) are kept. */
function friendlyIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is required but missing';
      return `Expected ${article(issue.expected)}, found ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `Unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${truncate(k)}"`).join(', ')}`;
    case 'invalid_value':
      return `Must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'This value is not one of the allowed kinds';
    case 'too_big':
      return issue.origin === 'array' ? `Too many entries (the limit is ${Number(issue.maximum).toLocaleString('en-GB')})` : undefined;
    default:
      return undefined;
  }
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `text "${truncate(v, 30)}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
