/**
 * Renders build/icon.svg and build/awbook.svg into the icon files electron-builder packages:
 *   icon.png (1024), icons/<N>x<N>.png (Linux), icon.ico (Windows app), icon.icns (macOS app),
 *   awbook.ico and awbook.icns (the workbook file type in Explorer and Finder).
 * Chromium draws the SVG (so the result matches what a browser shows); the ICO and ICNS containers are
 * written here, with no download and no image library.
 *
 * Run: node build/make-icons.mjs   (needs /usr/bin/chromium, or CHROMIUM_PATH)
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';

/* global document, Image, console -- page.evaluate bodies run in Chromium; console is Node's */

const here = import.meta.dirname;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
// ICNS element types holding PNG data, by pixel size.
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

/** PNG bytes (and, below 256 px, raw RGBA pixels) of an SVG drawn at each size. */
async function render(page, svg, sizes) {
  const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const results = await page.evaluate(
    async ({ dataUrl, sizes }) => {
      const img = new Image();
      img.src = dataUrl;
      await img.decode();
      return sizes.map((size) => {
        const canvas = document.createElement('canvas');
        canvas.width = size;
        canvas.height = size;
        const ctx = canvas.getContext('2d');
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(img, 0, 0, size, size);
        // Raw pixels only where a BMP image is written: moving megapixels out of the page is slow.
        const rgba = size < 256 ? Array.from(ctx.getImageData(0, 0, size, size).data) : [];
        return { size, png: canvas.toDataURL('image/png').split(',')[1], rgba };
      });
    },
    { dataUrl, sizes },
  );
  return new Map(
    results.map((r) => [r.size, { png: Buffer.from(r.png, 'base64'), rgba: Uint8Array.from(r.rgba) }]),
  );
}

/** A 32-bit BMP (DIB) icon image: BITMAPINFOHEADER, bottom-up BGRA rows, then the 1-bit AND mask. */
function dib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows plus mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if (rgba[(y * size + x) * 4 + 3] === 0) mask[(size - 1 - y) * maskRow + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** An ICO file: BMP images below 256 px (which every Windows tool reads) and PNG at 256 px (Vista and later). */
function ico(images) {
  const entries = ICO_SIZES.map((size) => {
    const { png, rgba } = images.get(size);
    return { size, data: size >= 256 ? png : dib(size, rgba) };
  });
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(entries.length, 4);
  let offset = 6 + 16 * entries.length;
  const directory = entries.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([head, ...directory, ...entries.map((e) => e.data)]);
}

/** An ICNS file of PNG elements. */
function icns(images) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const png = images.get(size).png;
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const body = Buffer.concat(elements);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  const allSizes = [...new Set([...ICO_SIZES, ...LINUX_SIZES, ...ICNS_TYPES.map(([, s]) => s)])];

  const app = await render(page, readFileSync(join(here, 'icon.svg'), 'utf8'), allSizes);
  writeFileSync(join(here, 'icon.png'), app.get(1024).png);
  mkdirSync(join(here, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES)
    writeFileSync(join(here, 'icons', `${size}x${size}.png`), app.get(size).png);
  writeFileSync(join(here, 'icon.ico'), ico(app));
  writeFileSync(join(here, 'icon.icns'), icns(app));

  const doc = await render(page, readFileSync(join(here, 'awbook.svg'), 'utf8'), allSizes);
  writeFileSync(join(here, 'awbook.ico'), ico(doc));
  writeFileSync(join(here, 'awbook.icns'), icns(doc));
  console.log('Wrote icon.png, icons/, icon.ico, icon.icns, awbook.ico and awbook.icns in build/');
} finally {
  await browser.close();
}
