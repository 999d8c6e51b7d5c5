/**
 * Preferences, recent files and window bounds, kept by electron-store in the app (conf in tests). Every read is
 * validated, so a hand-edited or damaged settings file falls back to defaults instead of breaking the app.
 */
import {
  DEFAULT_PREFERENCES,
  MAX_RECENT_FILES,
  PreferencesSchema,
  RecentFileSchema,
  SettingsSchema,
  WindowBoundsSchema,
  withRecentFile,
  type Preferences,
  type RecentFile,
  type WindowBounds,
} from '../../../shared/settings/settings-schema';

/** The part of electron-store / conf that we use. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

/**
 * JSON Schema handed to electron-store / conf: each setting with its default, and no rules. With a strict schema
 * conf empties the whole settings file when one stored value breaks a rule (clearInvalidConfig), so a single
 * hand-edited preference would also lose the recent files. The zod schemas are applied here instead, value by
 * value, on every read and before every write.
 */
export function settingsJsonSchema(): Record<string, unknown> {
  const defaults = SettingsSchema.parse({});
  return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, { default: value }]));
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export class SettingsService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly caseInsensitivePaths = process.platform === 'win32',
  ) {}

  get path(): string {
    return this.store.path;
  }

  /** Stored preferences; each value that is missing or not valid falls back to its default on its own. */
  preferences(): Preferences {
    const stored = this.store.get('preferences');
    const parsed = PreferencesSchema.safeParse(stored ?? {});
    if (parsed.success) return parsed.data;
    if (!isRecord(stored)) return DEFAULT_PREFERENCES;
    const valid = Object.entries(PreferencesSchema.shape).filter(([key, schema]) => schema.safeParse(stored[key]).success);
    return PreferencesSchema.parse(Object.fromEntries(valid.map(([key]) => [key, stored[key]])));
  }

  setPreferences(patch: Partial<Preferences>): Preferences {
    const next = PreferencesSchema.parse({ ...this.preferences(), ...patch });
    this.store.set('preferences', next);
    return next;
  }

  /** Recent files as stored, without any entry that is not valid (the others are kept). */
  recentFiles(): RecentFile[] {
    const stored = this.store.get('recentFiles');
    if (!Array.isArray(stored)) return [];
    return stored
      .map((entry) => RecentFileSchema.safeParse(entry))
      .flatMap((r) => (r.success ? [r.data] : []))
      .slice(0, MAX_RECENT_FILES);
  }

  addRecentFile(path: string, title: string, at = new Date()): RecentFile[] {
    const next = withRecentFile(this.recentFiles(), { path, title, openedAt: at.toISOString() }, this.caseInsensitivePaths);
    this.store.set('recentFiles', next);
    return next;
  }

  removeRecentFile(path: string): RecentFile[] {
    const next = this.recentFiles().filter((r) => r.path !== path);
    this.store.set('recentFiles', next);
    return next;
  }

  clearRecentFiles(): void {
    this.store.set('recentFiles', []);
  }

  windowBounds(): WindowBounds | null {
    const parsed = WindowBoundsSchema.safeParse(this.store.get('windowBounds'));
    return parsed.success ? parsed.data : null;
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.store.set('windowBounds', WindowBoundsSchema.parse(bounds));
  }
}
