import type { Theme } from '../../../shared/settings/settings-schema';

/** Applies a colour theme; "system" follows prefers-color-scheme and forced colours through CSS alone. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
