// Screenshots for the HTML report, embedded as data: URIs so the file stays self-contained.
// The paths come from the result (untrusted): only image files inside the screenshots folder are
// read, each is re-encoded by sharp (which also proves it is an image), shrunk, and capped.
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, resolve } from 'node:path';
import sharp from 'sharp';
import type { AuditResult } from '../audit/result.ts';

export interface ScreenshotLimits {
  /** at most this many screenshots are embedded */
  maxImages: number;
  /** images wider than this are scaled down */
  maxWidth: number;
  /** one embedded image, after re-encoding */
  maxBytesEach: number;
  /** all embedded images together */
  maxTotalBytes: number;
  /** source files larger than this are not read */
  maxSourceBytes: number;
}

export const DEFAULT_SCREENSHOT_LIMITS: ScreenshotLimits = {
  maxImages: 60,
  maxWidth: 1000,
  maxBytesEach: 350_000,
  maxTotalBytes: 8_000_000,
  maxSourceBytes: 20_000_000,
};

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp']);

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The file a result's screenshot path names, inside `dir`, or null. */
async function resolveScreenshot(dir: string, path: string): Promise<string | null> {
  if (!IMAGE_EXTENSIONS.has(extname(path).toLowerCase())) return null;
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    return null;
  }
  // the result stores paths relative to the report folder ("screenshots/x.png"); accept those and bare names
  for (const candidate of [resolve(dir, path), resolve(dir, basename(path))]) {
    try {
      const real = await realpath(candidate);
      if (isInside(root, real) && (await stat(real)).isFile()) return real;
    } catch {
      // try the next form
    }
  }
  return null;
}

async function encode(file: string, limits: ScreenshotLimits): Promise<Buffer | null> {
  for (const [width, quality] of [
    [limits.maxWidth, 72],
    [Math.round(limits.maxWidth * 0.7), 55],
    [Math.round(limits.maxWidth * 0.5), 45],
  ] as const) {
    const out = await sharp(file, { limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (out.length <= limits.maxBytesEach) return out;
  }
  return null;
}

/**
 * Reads the screenshots the result refers to (evidence[].screenshot), best evidence first, and
 * returns them as data: URIs keyed by the path in the result. Problems become warnings, never errors.
 */
export async function loadScreenshots(
  result: AuditResult,
  dir: string,
  limits: ScreenshotLimits = DEFAULT_SCREENSHOT_LIMITS,
): Promise<{ images: Map<string, string>; warnings: string[] }> {
  const images = new Map<string, string>();
  const warnings: string[] = [];
  const wanted = [...new Set(result.items.flatMap((item) => item.evidence.map((e) => e.screenshot).filter((p): p is string => !!p)))];
  let total = 0;
  let skippedForBudget = 0;
  for (const path of wanted) {
    if (images.size >= limits.maxImages || total >= limits.maxTotalBytes) {
      skippedForBudget++;
      continue;
    }
    const file = await resolveScreenshot(dir, path);
    if (!file) {
      warnings.push(`screenshot not embedded: ${basename(path).slice(0, 100)} is not an image file in ${dir}`);
      continue;
    }
    try {
      if ((await stat(file)).size > limits.maxSourceBytes) {
        warnings.push(`screenshot not embedded: ${basename(file)} is larger than ${limits.maxSourceBytes} bytes`);
        continue;
      }
      const jpeg = await encode(file, limits);
      if (!jpeg) {
        warnings.push(`screenshot not embedded: ${basename(file)} stays over ${limits.maxBytesEach} bytes after shrinking`);
        continue;
      }
      if (total + jpeg.length > limits.maxTotalBytes) {
        skippedForBudget++;
        continue;
      }
      total += jpeg.length;
      images.set(path, `data:image/jpeg;base64,${jpeg.toString('base64')}`);
    } catch {
      warnings.push(`screenshot not embedded: ${basename(file)} could not be read as an image`);
    }
  }
  if (skippedForBudget) warnings.push(`${skippedForBudget} screenshot(s) not embedded: the report's screenshot budget is used up`);
  return { images, warnings };
}
