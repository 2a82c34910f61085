// Decodes QR codes in an image (the EIT QR on an agency's page): sharp turns any image format into
// raw pixels, jsQR reads them. Passes, cheapest first, stopping at the first that finds a code:
// as is; grayscale + threshold; small images upscaled 2× and 4× (smooth kernel, which rebuilds
// blurred sub-2-px modules better than nearest); halves and quadrants (jsQR gets lost when two
// codes share an image). After each hit the code is blanked out and the same pass looks again, so
// every distinct payload in the image is returned.
import sharp, { type Sharp } from 'sharp';
import jsQR from 'jsqr';

/** larger images are scaled down to this many pixels on their longest side before decoding */
const MAX_SIDE = 2400;
/** images whose shorter side is under this are also tried upscaled */
const SMALL_SIDE = 400;
const MAX_CODES_PER_PASS = 4;
const MAX_INPUT_PIXELS = 50_000_000;

interface Rgba {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** raw pixels with any channel count (1 grey … 4 RGBA) → opaque RGBA, which jsQR requires */
async function toRgba(pipeline: Sharp): Promise<Rgba> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const out = new Uint8ClampedArray(width * height * 4);
  for (let p = 0, i = 0; p < width * height; p++, i += channels) {
    const o = p * 4;
    out[o] = data[i]!;
    out[o + 1] = channels >= 3 ? data[i + 1]! : data[i]!;
    out[o + 2] = channels >= 3 ? data[i + 2]! : data[i]!;
    out[o + 3] = 255;
  }
  return { data: out, width, height };
}

function crop(image: Rgba, left: number, top: number, width: number, height: number): Rgba {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height };
}

/** halves and quadrants, overlapping by a fifth so a code on a seam is whole in some tile */
function tiles(image: Rgba): Rgba[] {
  const { width: w, height: h } = image;
  const ow = Math.round(w * 0.6);
  const oh = Math.round(h * 0.6);
  const out: Rgba[] = [];
  if (w >= 2 * 40) out.push(crop(image, 0, 0, ow, h), crop(image, w - ow, 0, ow, h));
  if (h >= 2 * 40) out.push(crop(image, 0, 0, w, oh), crop(image, 0, h - oh, w, oh));
  if (w >= 2 * 40 && h >= 2 * 40) {
    for (const [x, y] of [[0, 0], [w - ow, 0], [0, h - oh], [w - ow, h - oh]] as const) out.push(crop(image, x, y, ow, oh));
  }
  return out;
}

/** paints the bounding box of a found code white so the next jsQR call can find another one */
function blankOut(image: Rgba, corners: { x: number; y: number }[]): void {
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const pad = Math.max(4, Math.round((Math.max(...xs) - Math.min(...xs)) / 10));
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - pad);
  const x1 = Math.min(image.width - 1, Math.ceil(Math.max(...xs)) + pad);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - pad);
  const y1 = Math.min(image.height - 1, Math.ceil(Math.max(...ys)) + pad);
  for (let y = y0; y <= y1; y++) image.data.fill(255, (y * image.width + x0) * 4, (y * image.width + x1 + 1) * 4);
}

function decodeAll(image: Rgba, found: Set<string>): void {
  for (let n = 0; n < MAX_CODES_PER_PASS; n++) {
    const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
    if (!code) return;
    if (code.data) found.add(code.data);
    const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = code.location;
    blankOut(image, [topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner]);
  }
}

/** All distinct QR payloads in an image (PNG, JPEG, GIF, WebP …); [] when none or not an image. */
export async function decodeQrCodes(image: Uint8Array): Promise<string[]> {
  const found = new Set<string>();
  try {
    // a fresh pipeline per pass: sharp merges the options of a second resize() into the first
    const input = () => sharp(image, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'none' }).rotate().flatten({ background: '#ffffff' });
    const fitted = () => input().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const original = await toRgba(fitted());
    const { width, height } = original;

    const passes: (() => Promise<Rgba[]>)[] = [
      async () => [original],
      async () => [await toRgba(fitted().grayscale().normalise().threshold(128))],
    ];
    if (Math.min(width, height) < SMALL_SIDE) {
      for (const factor of [2, 4]) {
        if (Math.max(width, height) * factor > MAX_SIDE * 2) break;
        const upscaled = () => input().resize({ width: width * factor, height: height * factor, fit: 'fill', kernel: 'cubic' });
        passes.push(async () => [await toRgba(upscaled())]);
        passes.push(async () => [await toRgba(upscaled().grayscale().normalise().threshold(128))]);
      }
    }
    passes.push(async () => tiles(await toRgba(fitted())));

    for (const pass of passes) {
      for (const candidate of await pass()) decodeAll(candidate, found);
      if (found.size > 0) break;
    }
  } catch {
    // not an image sharp can read: no QR codes
  }
  return [...found];
}
