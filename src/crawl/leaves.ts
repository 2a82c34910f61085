// The heavy leaf modules (unpdf, sharp, tesseract.js, playwright-core) load on first use, so a
// crawl of plain HTML pages never pays their start-up time or memory.
import type { DocumentKind } from '../snapshot/schema.ts';
import { pathExtension } from './url.ts';

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}

export const documentsModule = lazy(() => import('./documents.ts'));
export const qrModule = lazy(() => import('./qr.ts'));
export const rendererModule = lazy(() => import('./browser/renderer.ts'));

const LINK_KINDS: Record<string, DocumentKind> = {
  pdf: 'pdf', doc: 'doc', docx: 'doc', rtf: 'doc', odt: 'doc',
  xls: 'xls', xlsx: 'xls', csv: 'xls', ods: 'xls',
  ppt: 'ppt', pptx: 'ppt', pps: 'ppt', ppsx: 'ppt', odp: 'ppt',
  jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', webp: 'image', bmp: 'image', tif: 'image', tiff: 'image', svg: 'image',
  zip: 'other', rar: 'other', '7z': 'other', mp4: 'other', mp3: 'other', avi: 'other', exe: 'other',
};

/** A link's likely document kind from its URL alone (before fetching); null = probably a page. */
export function linkDocumentKind(url: string, parsed?: URL): DocumentKind | null {
  return LINK_KINDS[pathExtension(url, parsed)] ?? null;
}

/** Content types of files (PDF, Office, archives, download scripts' octet-stream): fetched with the document size cap. */
export function isDocumentType(contentType: string): boolean {
  return /^\s*(application\/(pdf|x-pdf|msword|rtf|octet-stream|zip|x-zip-compressed|x-rar-compressed|vnd\.)|text\/csv)/i.test(contentType);
}

/** Content types that are certainly HTML pages: no need to ask the documents module. */
export function isHtmlType(contentType: string): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}
