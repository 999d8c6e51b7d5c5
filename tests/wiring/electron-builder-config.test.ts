/**
 * electron-builder cannot package here (it downloads Electron), so its configuration is checked the ways it
 * can be: against electron-builder's own JSON schema (strictly, without the type coercion electron-builder
 * applies), through electron-builder's own loader and validator, and for the promises made to council IT.
 * The icon files it names are checked as real ICO, ICNS and PNG files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FILE_EXTENSION } from '../../shared/model/workbook-format';
import { ROOT } from './built-bundles';

const require = createRequire(import.meta.url);
const BUILD = join(ROOT, 'build');

type Json = Record<string, unknown>;
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Json;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Json & {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  main: string;
  productName: string;
};
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as Json;

function validator() {
  // strict: false only because the schema carries documentation keywords ajv does not know.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

const targets = (platform: Json) =>
  (platform.target as { target: string; arch: string[] }[]).map((t) => t.target);

describe('electron-builder.yml', () => {
  it('matches electron-builder’s JSON schema exactly (no unknown keys, no coerced types)', () => {
    const validate = validator();
    const valid = validate(config);
    expect(validate.errors ?? [], 'schema errors').toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by the same check when a key is misspelt or a value has the wrong type', () => {
    const validate = validator();
    expect(validate({ ...config, nsis: { ...(config.nsis as Json), perMachin: false } })).toBe(false);
    expect(validate({ ...config, asar: 'yes please' })).toBe(false);
  });

  it('loads and validates through electron-builder’s own configuration code', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      getConfig: (projectDir: string, configPath: string | null, fromOptions: unknown) => Promise<Json>;
      validateConfiguration: (config: Json, debugLogger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(ROOT, null, null);
    expect(loaded.appId).toBe(config.appId);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app as package.json does and packages the built app', () => {
    expect(config.productName).toBe('Alignment Workbench');
    expect(pkg.productName).toBe(config.productName);
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/);
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', 'templates/**']));
    expect(pkg.main).toMatch(/^out\//);
    expect(config.asar).toBe(true);
  });

  it('installs on Windows per user with no admin rights, and offers an MSI for managed deployment', () => {
    const win = config.win as Json;
    expect(targets(win)).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      selectPerMachineByDefault: false,
    });
    expect((config.msi as Json).upgradeCode).toMatch(
      /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/,
    );
  });

  it('builds a dmg for macOS and an AppImage and a deb for Linux', () => {
    expect(targets(config.mac as Json)).toEqual(['dmg']);
    expect(targets(config.linux as Json)).toEqual(['AppImage', 'deb']);
  });

  it('associates the workbook extension the app reads and writes', () => {
    const associations = config.fileAssociations as Json[];
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({
      ext: FILE_EXTENSION,
      name: 'Alignment Workbench workbook',
      role: 'Editor',
      icon: 'awbook',
    });
    // electron-builder reads <icon>.ico on Windows and <icon>.icns on macOS from the build resources folder.
    expect(existsSync(join(BUILD, 'awbook.ico'))).toBe(true);
    expect(existsSync(join(BUILD, 'awbook.icns'))).toBe(true);
  });

  it('never updates itself or reports home', () => {
    expect(config.publish).toBeNull();
    const everything = { ...pkg.dependencies, ...pkg.devDependencies };
    const phoningHome = Object.keys(everything).filter((name) =>
      /^(electron-updater|update-electron-app|@sentry\/|@bugsnag\/|applicationinsights|@datadog\/|mixpanel|posthog|electron-google-analytics|@aptabase\/)/.test(
        name,
      ),
    );
    expect(phoningHome).toEqual([]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('keeps only UK English (and Chromium’s en-US fallback) of Electron’s locales', () => {
    expect(config.electronLanguages).toEqual(['en-GB', 'en-US']);
  });
});

// --- icon files -------------------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function pngSize(data: Buffer): { width: number; height: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

interface IcoImage {
  size: number;
  kind: 'png' | 'bmp';
  /** RGBA of the pixel at (x, y), counted from the top left; BMP images only. */
  pixel?: (x: number, y: number) => [number, number, number, number];
}

function readIco(path: string): IcoImage[] {
  const data = readFileSync(path);
  expect(data.readUInt16LE(0)).toBe(0);
  expect(data.readUInt16LE(2), 'type 1 = icon').toBe(1);
  const count = data.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = data[entry] === 0 ? 256 : data[entry]!;
    expect(data[entry + 1] === 0 ? 256 : data[entry + 1]).toBe(size);
    const length = data.readUInt32LE(entry + 8);
    const offset = data.readUInt32LE(entry + 12);
    expect(offset + length, `entry ${i} lies within the file`).toBeLessThanOrEqual(data.length);
    const image = data.subarray(offset, offset + length);
    if (image.subarray(0, 8).equals(PNG_SIGNATURE)) {
      expect(pngSize(image)).toEqual({ width: size, height: size });
      return { size, kind: 'png' as const };
    }
    expect(image.readUInt32LE(0), 'BITMAPINFOHEADER').toBe(40);
    expect(image.readInt32LE(4)).toBe(size);
    expect(image.readInt32LE(8), 'height covers colour and mask').toBe(size * 2);
    expect(image.readUInt16LE(14), '32 bits per pixel').toBe(32);
    const maskRow = Math.ceil(size / 32) * 4;
    expect(length).toBe(40 + size * size * 4 + maskRow * size);
    const pixel = (x: number, y: number): [number, number, number, number] => {
      const at = 40 + ((size - 1 - y) * size + x) * 4;
      return [image[at + 2]!, image[at + 1]!, image[at]!, image[at + 3]!];
    };
    return { size, kind: 'bmp' as const, pixel };
  });
}

function readIcns(path: string): Map<string, { width: number; height: number }> {
  const data = readFileSync(path);
  expect(data.toString('ascii', 0, 4)).toBe('icns');
  expect(data.readUInt32BE(4), 'declared length').toBe(data.length);
  const elements = new Map<string, { width: number; height: number }>();
  for (let at = 8; at < data.length;) {
    const type = data.toString('ascii', at, at + 4);
    const length = data.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    elements.set(type, pngSize(data.subarray(at + 8, at + length)));
    at += length;
  }
  return elements;
}

describe.each(['icon', 'awbook'])('build/%s icons', (name) => {
  it('has a Windows .ico with 16 to 256 px images, readable by every Windows tool', () => {
    const images = readIco(join(BUILD, `${name}.ico`));
    expect(images.map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(images.filter((i) => i.kind === 'bmp').map((i) => i.size)).toEqual([16, 24, 32, 48, 64, 128]);
    const small = images.find((i) => i.size === 32)!;
    expect(small.pixel!(16, 20)[3], 'the middle is drawn').toBe(255);
    expect(small.pixel!(0, 0)[3], 'the corner is transparent').toBe(0);
  });

  it('has a macOS .icns with PNG images from 16 to 1024 px', () => {
    const elements = readIcns(join(BUILD, `${name}.icns`));
    const sizes = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 };
    for (const [type, size] of Object.entries(sizes))
      expect(elements.get(type), type).toEqual({ width: size, height: size });
  });
});

describe('Linux and source icons', () => {
  it('has the Linux icon set named by size, and the 1024 px app icon', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(readFileSync(join(BUILD, 'icons', `${size}x${size}.png`)))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(pngSize(readFileSync(join(BUILD, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });
});
