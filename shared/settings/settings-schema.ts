/**
 * Preferences and recent files. Stored by electron-store in the app's data folder; the settings service checks
 * every stored value against these schemas, so there is one definition (settings-service.ts says why
 * electron-store itself is given only the defaults).
 */
import { z } from 'zod';
import { ProtectiveMarkingSchema } from '../model/vocabulary';

export const MAX_RECENT_FILES = 12;

export const RecentFileSchema = z.object({
  path: z.string().min(1).max(4_096),
  title: z.string().max(500),
  openedAt: z.string(),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;

export const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximised: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBoundsSchema>;

export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

export const PreferencesSchema = z.object({
  /** Default author for new workbooks, so it is not typed every time (WCAG 3.3.7). */
  authorName: z.string().max(200).default(''),
  theme: ThemeSchema.default('system'),
  /** Seconds between recovery snapshots while there are unsaved changes. */
  autosaveSeconds: z.number().int().min(2).max(600).default(5),
  defaultProtectiveMarking: ProtectiveMarkingSchema.default('OFFICIAL'),
  /** Folders the user added templates from. */
  templateFolders: z.array(z.string().max(4_096)).max(50).default([]),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = PreferencesSchema.parse({});

export const SettingsSchema = z.object({
  preferences: PreferencesSchema.default(DEFAULT_PREFERENCES),
  recentFiles: z.array(RecentFileSchema).max(MAX_RECENT_FILES).default([]),
  windowBounds: WindowBoundsSchema.nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Puts a file at the top of the recent list, without duplicates (paths compared case-insensitively on Windows). */
export function withRecentFile(
  list: readonly RecentFile[],
  entry: RecentFile,
  caseInsensitive: boolean,
): RecentFile[] {
  const same = (a: string) => (caseInsensitive ? a.toLowerCase() === entry.path.toLowerCase() : a === entry.path);
  return [entry, ...list.filter((r) => !same(r.path))].slice(0, MAX_RECENT_FILES);
}
