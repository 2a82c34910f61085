// What kind of document a response is, and what text/QR codes it yields. PDFs: text of the first
// pages (unpdf), or a 'no-text' note for scans; with --ocr, the scan's embedded page images are
// read by tesseract.js. Images: QR codes always, OCR with --ocr. Office files are recorded, not read.
// extractDocument never throws: a file it cannot read is textStatus 'error' with a note.
import type { DocumentKind } from '../snapshot/schema.ts';
import { extractPdfImages, extractPdfText, PDF_TEXT_MAX_CHARS } from './pdf-text.ts';
import { decodeQrCodes } from './qr.ts';
import { ocrImage } from './ocr.ts';
import { normalizeThai } from '../thai/normalize.ts';
import { oneLine } from '../util/errors.ts';
import sharp from 'sharp';

export type DocumentTextStatus = 'ok' | 'no-text' | 'ocr' | 'not-extracted' | 'error';

export interface ExtractedDocument {
  kind: DocumentKind;
  /** Thai-normalised, capped at PDF_TEXT_MAX_CHARS */
  text: string;
  textStatus: DocumentTextStatus;
  pages?: number;
  qr: string[];
  /** one line explaining a non-'ok' status, e.g. "no text layer … probably a scanned document" */
  note?: string;
}

export interface ExtractInfo {
  url: string;
  contentType: string;
  pdfMaxPages: number;
  ocr: boolean;
}

/** a scanned PDF: OCR at most this many page images */
const PDF_OCR_MAX_IMAGES = 3;
/** under this many visible characters OCR found nothing worth calling text */
const MIN_OCR_CHARS = 10;

const EXTENSION_KINDS: Record<string, DocumentKind> = {
  pdf: 'pdf',
  doc: 'doc', docx: 'doc', rtf: 'doc', odt: 'doc',
  xls: 'xls', xlsx: 'xls', csv: 'xls', ods: 'xls',
  ppt: 'ppt', pptx: 'ppt', pps: 'ppt', ppsx: 'ppt', odp: 'ppt',
  jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', webp: 'image', bmp: 'image', tif: 'image', tiff: 'image', svg: 'image',
  zip: 'other', rar: 'other', '7z': 'other', mp4: 'other', mp3: 'other', avi: 'other', exe: 'other',
};

function extensionOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? '';
  }
  const match = /\.([a-z0-9]{1,5})$/i.exec(path);
  return match ? match[1]!.toLowerCase() : '';
}

function kindFromContentType(mime: string): DocumentKind | null | undefined {
  if (mime === 'text/html' || mime === 'application/xhtml+xml') return null;
  if (mime === 'application/pdf' || mime === 'application/x-pdf') return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (/msword|wordprocessingml|opendocument\.text|rtf/.test(mime)) return 'doc';
  if (/ms-excel|spreadsheetml|opendocument\.spreadsheet|^text\/csv$/.test(mime)) return 'xls';
  if (/ms-powerpoint|presentationml|opendocument\.presentation/.test(mime)) return 'ppt';
  if (/^(video|audio)\//.test(mime) || /zip|rar|7z|x-msdownload/.test(mime)) return 'other';
  return undefined; // unknown or generic (octet-stream, text/plain …): decide by extension
}

/** The document kind of a response, or null for an HTML page. The Content-Type wins; a generic one defers to the extension. */
export function documentKindOf(url: string, contentType: string): DocumentKind | null {
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  const byType = kindFromContentType(mime);
  if (byType !== undefined) return byType;
  const byExtension = EXTENSION_KINDS[extensionOf(url)];
  if (byExtension) return byExtension;
  if (mime === '' || mime.startsWith('text/')) return null;
  return 'other';
}

/** Kind from the first bytes, for servers that label a PDF "application/octet-stream" or "text/html". */
export function sniffDocumentKind(body: Uint8Array): DocumentKind | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => body[i] === b);
  // a PDF may have a little junk before its header
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image'; // PNG
  if (starts(0xff, 0xd8, 0xff)) return 'image'; // JPEG
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image'; // GIF8
  if (starts(0x52, 0x49, 0x46, 0x46) && head.slice(8, 12) === 'WEBP') return 'image';
  return null;
}

function capped(text: string): string {
  return text.length > PDF_TEXT_MAX_CHARS ? text.slice(0, PDF_TEXT_MAX_CHARS) : text;
}

function hasText(text: string): boolean {
  return text.replace(/\s+/g, '').length >= MIN_OCR_CHARS;
}

async function ocrScannedPdf(body: Uint8Array, pdfMaxPages: number): Promise<string> {
  const images = await extractPdfImages(body, { maxPages: Math.min(pdfMaxPages, PDF_OCR_MAX_IMAGES), maxImages: PDF_OCR_MAX_IMAGES });
  const texts: string[] = [];
  for (const image of images) {
    const png = await sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
      raw: { width: image.width, height: image.height, channels: image.channels },
    })
      .png()
      .toBuffer();
    texts.push(await ocrImage(png));
  }
  return normalizeThai(texts.join('\n'));
}

async function extractPdf(body: Uint8Array, info: ExtractInfo): Promise<ExtractedDocument> {
  const pdf = await extractPdfText(body, { maxPages: info.pdfMaxPages });
  const base = { kind: 'pdf' as const, pages: pdf.pages || undefined, qr: [] as string[] };
  if (pdf.textStatus !== 'no-text') return { ...base, text: pdf.text, textStatus: pdf.textStatus, note: pdf.note };
  if (!info.ocr) {
    return { ...base, text: pdf.text, textStatus: 'no-text', note: `${pdf.note}; run with --ocr to read it` };
  }
  try {
    const text = await ocrScannedPdf(body, info.pdfMaxPages);
    if (hasText(text)) return { ...base, text: capped(text), textStatus: 'ocr', note: 'text read by OCR from a scanned PDF: may contain errors' };
    return { ...base, text: pdf.text, textStatus: 'no-text', note: `${pdf.note}; OCR found no readable text in its page images` };
  } catch (error) {
    return { ...base, text: pdf.text, textStatus: 'no-text', note: `${pdf.note}; OCR failed: ${oneLine(error)}` };
  }
}

async function extractImage(body: Uint8Array, info: ExtractInfo): Promise<ExtractedDocument> {
  const qr = await decodeQrCodes(body);
  if (!info.ocr) return { kind: 'image', text: '', textStatus: 'not-extracted', qr };
  try {
    const text = await ocrImage(body);
    if (hasText(text)) return { kind: 'image', text: capped(text), textStatus: 'ocr', qr, note: 'text read by OCR: may contain errors' };
    return { kind: 'image', text: '', textStatus: 'no-text', qr, note: 'OCR found no readable text in the image' };
  } catch (error) {
    return { kind: 'image', text: '', textStatus: 'error', qr, note: `OCR failed: ${oneLine(error)}` };
  }
}

export async function extractDocument(body: Uint8Array, info: ExtractInfo): Promise<ExtractedDocument> {
  const declared = documentKindOf(info.url, info.contentType);
  const sniffed = sniffDocumentKind(body);
  // bytes beat labels for the kinds we read; otherwise trust the label
  const kind: DocumentKind = sniffed ?? declared ?? 'other';
  try {
    if (kind === 'pdf') return await extractPdf(body, info);
    if (kind === 'image') return await extractImage(body, info);
    return { kind, text: '', textStatus: 'not-extracted', qr: [], note: `${kind} files are recorded, not read` };
  } catch (error) {
    return { kind, text: '', textStatus: 'error', qr: [], note: oneLine(error) };
  }
}
