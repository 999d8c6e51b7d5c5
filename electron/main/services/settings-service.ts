/**
 * Preferences, recent files and window bounds, kept by electron-store in the app (conf in tests). Every read is
 * validated, so a hand-edited or damaged settings file falls back to defaults instead of breaking the app.
 */
import { z } from 'zod';
import {
  DEFAULT_PREFERENCES,
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

/** JSON Schema handed to electron-store / conf, generated from the zod schema. */
export function settingsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SettingsSchema, { io: 'input', target: 'draft-7' }) as { properties: Record<string, unknown> };
  return schema.properties;
}

export class SettingsService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly caseInsensitivePaths = process.platform === 'win32',
  ) {}

  get path(): string {
    return this.store.path;
  }

  preferences(): Preferences {
    const parsed = PreferencesSchema.safeParse(this.store.get('preferences') ?? {});
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
  }

  setPreferences(patch: Partial<Preferences>): Preferences {
    const next = PreferencesSchema.parse({ ...this.preferences(), ...patch });
    this.store.set('preferences', next);
    return next;
  }

  recentFiles(): RecentFile[] {
    const parsed = z.array(RecentFileSchema).safeParse(this.store.get('recentFiles') ?? []);
    return parsed.success ? parsed.data : [];
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
