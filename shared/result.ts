/**
 * Result values: what crosses the IPC boundary and what fallible pure functions return. Errors carry a code a
 * program can branch on and a message written for a council officer (what went wrong, where, what to do).
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'INVALID_JSON',
  'NOT_A_WORKBOOK',
  'NEWER_VERSION',
  'INVALID_WORKBOOK',
  'TOO_LARGE',
  'NOT_FOUND',
  'UNREADABLE',
  'WRITE_FAILED',
  'INVALID_INPUT',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'UNSUPPORTED',
  'CANCELLED',
  'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** Located problems, each "where: what", when there are several. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: AppError['issues']): Result<never> => ({
  ok: false,
  error: issues && issues.length > 0 ? { code, message, issues } : { code, message },
});

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}
