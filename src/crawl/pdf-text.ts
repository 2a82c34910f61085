// Text of a PDF's first pages with unpdf (pdf.js), Thai-normalised: pdf.js returns Thai tone marks
// of Chromium/TH Sarabun PDFs as Private-Use-Area glyphs, which normalizeThai maps back
// (DEPENDENCIES §3). Never throws: a broken PDF is a result with textStatus 'error'.
import { getDocumentProxy } from 'unpdf';
import { normalizeThai } from '../thai/normalize.ts';
import { oneLine } from '../util/errors.ts';

/** ~100 KB of text is plenty of evidence; agencies' 300-page budget books are not read whole */
export const PDF_TEXT_MAX_CHARS = 100_000;
/** fewer visible characters than this per page read → no text layer, probably a scan */
const MIN_CHARS_PER_PAGE = 10;
const MIN_CHARS_TOTAL = 30;
const PARSE_TIMEOUT_MS = 30_000;

export interface PdfText {
  textStatus: 'ok' | 'no-text' | 'error';
  text: string;
  /** total pages in the document (0 when it could not be opened) */
  pages: number;
  /** pages actually read */
  pagesRead: number;
  /** one line: why no text / what went wrong */
  note?: string;
}

export interface PdfImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
  page: number;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function openPdf(body: Uint8Array): Promise<PdfDocument> {
  // pdf.js may detach the buffer it is given: hand it a copy so the caller's bytes stay usable
  return getDocumentProxy(new Uint8Array(body), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
}

async function pageText(pdf: PdfDocument, pageNumber: number): Promise<string> {
  const page = await pdf.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    let out = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      out += item.str;
      if (item.hasEOL) out += '\n';
    }
    return out;
  } finally {
    page.cleanup();
  }
}

/** visible characters: letters, digits, punctuation — not white space */
function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

export async function extractPdfText(body: Uint8Array, opts: { maxPages: number; maxChars?: number }): Promise<PdfText> {
  const maxChars = opts.maxChars ?? PDF_TEXT_MAX_CHARS;
  let pdf: PdfDocument | undefined;
  try {
    pdf = await withTimeout(openPdf(body), PARSE_TIMEOUT_MS, 'opening the PDF');
    const doc = pdf;
    const pagesToRead = Math.max(1, Math.min(doc.numPages, Math.floor(opts.maxPages)));
    const read = async () => {
      const texts: string[] = [];
      let length = 0;
      for (let n = 1; n <= pagesToRead && length < maxChars; n++) {
        const t = await pageText(doc, n);
        texts.push(t);
        length += t.length;
      }
      return texts;
    };
    const texts = await withTimeout(read(), PARSE_TIMEOUT_MS, 'reading the PDF text');
    const text = normalizeThai(texts.join('\n')).slice(0, maxChars);
    const visible = visibleLength(text);
    if (visible < Math.max(MIN_CHARS_TOTAL, MIN_CHARS_PER_PAGE * texts.length)) {
      return {
        textStatus: 'no-text',
        text,
        pages: doc.numPages,
        pagesRead: texts.length,
        note: 'no text layer in the first pages: probably a scanned document',
      };
    }
    return { textStatus: 'ok', text, pages: doc.numPages, pagesRead: texts.length };
  } catch (error) {
    return { textStatus: 'error', text: '', pages: pdf?.numPages ?? 0, pagesRead: 0, note: `PDF could not be read: ${oneLine(error)}` };
  } finally {
    await pdf?.destroy().catch(() => {});
  }
}

/**
 * Embedded raster images of the first pages (the scan inside a scanned PDF), largest first, without
 * a canvas: pdf.js decodes image XObjects itself. Used for OCR. [] on any error.
 */
export async function extractPdfImages(body: Uint8Array, opts: { maxPages: number; maxImages: number; minSide?: number }): Promise<PdfImage[]> {
  const minSide = opts.minSide ?? 200;
  let pdf: PdfDocument | undefined;
  try {
    pdf = await withTimeout(openPdf(body), PARSE_TIMEOUT_MS, 'opening the PDF');
    const doc = pdf;
    const { extractImages } = await import('unpdf');
    const collect = async () => {
      const images: PdfImage[] = [];
      const pagesToRead = Math.max(1, Math.min(doc.numPages, Math.floor(opts.maxPages)));
      for (let n = 1; n <= pagesToRead && images.length < opts.maxImages; n++) {
        for (const image of await extractImages(doc, n)) {
          if (image.width < minSide || image.height < minSide) continue;
          images.push({ data: image.data, width: image.width, height: image.height, channels: image.channels, page: n });
          if (images.length >= opts.maxImages) break;
        }
      }
      return images;
    };
    return await withTimeout(collect(), PARSE_TIMEOUT_MS, 'reading the PDF images');
  } catch {
    return [];
  } finally {
    await pdf?.destroy().catch(() => {});
  }
}
