// Types for start-mode.mjs, which stays plain JavaScript so `npm start` runs before anything is built.
export interface InstallerResult {
  readonly code: number;
  readonly firstLine: string;
}
export type Installer = (electronDir: string, env: NodeJS.ProcessEnv) => Promise<InstallerResult>;
export type ModeDecision =
  | {
      readonly mode: 'electron';
      readonly executable: string;
      readonly fetched: boolean;
      readonly lines?: undefined;
    }
  | { readonly mode: 'browser'; readonly lines: readonly string[] }
  | { readonly mode: 'refused'; readonly lines: readonly string[] };

export function electronExecutable(electronDir: string, env?: NodeJS.ProcessEnv): string | null;
export function runElectronInstaller(electronDir: string, env?: NodeJS.ProcessEnv): Promise<InstallerResult>;
export function fallbackLines(reason: string, fallingBack: boolean): [string, string];
export function chooseMode(options: {
  electronDir: string;
  browser?: boolean;
  noFallback?: boolean;
  env?: NodeJS.ProcessEnv;
  install?: Installer;
}): Promise<ModeDecision>;
