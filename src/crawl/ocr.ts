// Offline OCR with tesseract.js and the Thai + English traineddata from npm
// (@tesseract.js-data/tha, /eng). tesseract.js fetches language data from a CDN unless langPath is
// a local folder, and then hangs or crashes the process on this closed network (DEPENDENCIES §8),
// so both files are copied into one cache folder and the worker never sees a URL. One worker is
// reused; closeOcr() ends it.
import { createWorker, PSM, type Worker } from 'tesseract.js';
import sharp from 'sharp';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { normalizeThai } from '../thai/normalize.ts';

export const OCR_LANGUAGES = ['tha', 'eng'] as const;
export const DEFAULT_OCR_TIMEOUT_MS = 60_000;
/** tesseract reads tiny text badly and huge images slowly: small images are doubled, huge ones reduced */
const SMALL_HEIGHT = 400;
const MAX_SIDE = 3000;
const DATA_VARIANT = '4.0.0_best_int'; // what tesseract.js's default LSTM engine expects

let workerPromise: Promise<Worker> | null = null;

/** one folder holding tha.traineddata.gz and eng.traineddata.gz, copied from node_modules once */
export async function ocrLanguageDir(): Promise<string> {
  const require = createRequire(import.meta.url);
  const dir = join(tmpdir(), `oit-audit-tessdata-${DATA_VARIANT}`);
  await mkdir(dir, { recursive: true });
  for (const lang of OCR_LANGUAGES) {
    const pkgDir = dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
    const source = join(pkgDir, DATA_VARIANT, `${lang}.traineddata.gz`);
    const target = join(dir, `${lang}.traineddata.gz`);
    const [src, dst] = await Promise.all([stat(source), stat(target).catch(() => null)]);
    if (!dst || dst.size !== src.size) {
      const partial = `${target}.${process.pid}.tmp`;
      await copyFile(source, partial);
      await rename(partial, target);
    }
  }
  return dir;
}

async function startWorker(): Promise<Worker> {
  const langPath = await ocrLanguageDir();
  const worker = await createWorker([...OCR_LANGUAGES], 1, {
    langPath,
    gzip: true,
    cacheMethod: 'none',
    // without a handler a worker error is rethrown on nextTick and kills the process
    errorHandler: () => {},
  });
  // tesseract.js defaults to one uniform block (PSM 6), which reads only the heading of an org
  // chart; automatic layout (PSM 3) finds the text inside boxes and columns. A fixed DPI silences
  // "Invalid resolution" warnings for screenshots without DPI metadata.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, user_defined_dpi: '300' });
  return worker;
}

function getWorker(): Promise<Worker> {
  if (!workerPromise) {
    workerPromise = startWorker();
    workerPromise.catch(() => {
      workerPromise = null;
    });
  }
  return workerPromise;
}

/** PNG in a size tesseract reads well: grayscale, small images upscaled, huge ones reduced */
async function prepare(image: Uint8Array): Promise<Buffer> {
  const input = sharp(image, { limitInputPixels: 50_000_000, failOn: 'none' }).rotate();
  const { height = 0, width = 0 } = await input.metadata();
  let pipeline = input.flatten({ background: '#ffffff' }).grayscale();
  if (height > 0 && height < SMALL_HEIGHT && width * 2 <= MAX_SIDE) {
    pipeline = pipeline.resize({ height: height * 2, kernel: 'lanczos3' });
  } else if (Math.max(width, height) > MAX_SIDE) {
    pipeline = pipeline.resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside' });
  }
  return pipeline.png().toBuffer();
}

/** Thai-normalised OCR text of an image (PNG, JPEG, GIF, WebP …). Rejects on a bad image or timeout. */
export async function ocrImage(image: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_OCR_TIMEOUT_MS;
  const png = await prepare(image);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`OCR took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  const work = (async () => {
    const worker = await getWorker();
    const { data } = await worker.recognize(png);
    return data.text;
  })();
  try {
    return normalizeThai(await Promise.race([work, timeout]));
  } catch (error) {
    // a stuck worker cannot be trusted with the next image
    if (error instanceof Error && error.message.startsWith('OCR took longer')) await closeOcr();
    throw error;
  } finally {
    clearTimeout(timer);
    work.catch(() => {});
  }
}

/** Ends the shared OCR worker; the next ocrImage() starts a new one. */
export async function closeOcr(): Promise<void> {
  const pending = workerPromise;
  workerPromise = null;
  if (!pending) return;
  try {
    await (await pending).terminate();
  } catch {
    // already gone
  }
}
