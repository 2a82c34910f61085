// One fetched HTML body → the facts the crawler keeps: decode (charset), extract, hub test.
// Pure and synchronous, so it runs the same on the crawler's thread or in a parse worker.
import { decodeHtml } from './charset.ts';
import { extractPage, type ExtractedPage } from './extract.ts';
import { isHubPage } from './hub.ts';

export interface ParsedPage {
  charset: string;
  extracted: ExtractedPage;
  hub: boolean;
}

export function parseHtmlPage(body: Uint8Array, contentType: string, url: string): ParsedPage {
  const decoded = decodeHtml(body, contentType);
  const extracted = extractPage(decoded.text, url);
  return { charset: decoded.charset, extracted, hub: isHubPage(extracted) };
}
