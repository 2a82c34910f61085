import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentKindOf, extractDocument, sniffDocumentKind } from '../../src/crawl/documents.ts';
import { containsNormalized } from '../../src/thai/normalize.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

const fixtures = join(import.meta.dirname, '../fixtures/documents');
const read = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));
const info = (url: string, contentType: string) => ({ url, contentType, pdfMaxPages: 6, ocr: false });

describe('documentKindOf', () => {
  it.each([
    ['https://a.go.th/x.pdf', 'application/pdf', 'pdf'],
    ['https://a.go.th/download?id=3', 'application/pdf; charset=binary', 'pdf'],
    ['https://a.go.th/x.PDF', 'application/octet-stream', 'pdf'],
    ['https://a.go.th/x.pdf?dl=1#page=2', '', 'pdf'],
    ['https://a.go.th/f.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'doc'],
    ['https://a.go.th/f.doc', 'application/msword', 'doc'],
    ['https://a.go.th/f.xlsx', 'application/octet-stream', 'xls'],
    ['https://a.go.th/f.xls', 'application/vnd.ms-excel', 'xls'],
    ['https://a.go.th/f.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'ppt'],
    ['https://a.go.th/qr.png', 'image/png', 'image'],
    ['https://a.go.th/photo', 'image/jpeg', 'image'],
    ['https://a.go.th/a.zip', 'application/zip', 'other'],
    ['https://a.go.th/blob', 'application/octet-stream', 'other'],
  ] as const)('%s (%s) → %s', (url, type, kind) => {
    expect(documentKindOf(url, type)).toBe(kind);
  });

  it.each([
    ['https://a.go.th/', 'text/html; charset=utf-8'],
    ['https://a.go.th/index.php?id=1', 'text/html'],
    ['https://a.go.th/report.pdf', 'text/html'], // an error page where a PDF should be: a page, not a document
    ['https://a.go.th/page', ''],
    ['https://a.go.th/x.xhtml', 'application/xhtml+xml'],
  ])('%s (%s) → null (an HTML page)', (url, type) => {
    expect(documentKindOf(url, type)).toBeNull();
  });
});

describe('sniffDocumentKind', () => {
  it('recognises PDF, PNG and JPEG bytes and nothing else', () => {
    expect(sniffDocumentKind(read('thai-text.pdf'))).toBe('pdf');
    expect(sniffDocumentKind(read('eit-qr.png'))).toBe('image');
    expect(sniffDocumentKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image');
    expect(sniffDocumentKind(new TextEncoder().encode('<html></html>'))).toBeNull();
    expect(sniffDocumentKind(new Uint8Array())).toBeNull();
  });
});

describe('extractDocument', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ root: fixtures });
  });
  afterAll(async () => {
    await server.close();
  });

  async function fetchAndExtract(path: string, ocr = false) {
    const response = await fetch(server.origin + path);
    const contentType = response.headers.get('content-type') ?? '';
    const body = new Uint8Array(await response.arrayBuffer());
    return extractDocument(body, { url: server.origin + path, contentType, pdfMaxPages: 6, ocr });
  }

  it('extracts Thai text from a PDF served over HTTP', async () => {
    const doc = await fetchAndExtract('/thai-text.pdf');
    expect(doc).toMatchObject({ kind: 'pdf', textStatus: 'ok', pages: 2, qr: [] });
    expect(containsNormalized(doc.text, 'อำนาจหน้าที่')).toBe(true);
    expect(containsNormalized(doc.text, '๒๕๖๘')).toBe(true);
  });

  it('marks a scanned PDF no-text and says --ocr would read it', async () => {
    const doc = await fetchAndExtract('/scanned.pdf');
    expect(doc.kind).toBe('pdf');
    expect(doc.textStatus).toBe('no-text');
    expect(doc.note).toMatch(/--ocr/);
  });

  it('decodes the QR code of an image and does not read its text without --ocr', async () => {
    const doc = await fetchAndExtract('/eit-qr.png');
    expect(doc).toMatchObject({ kind: 'image', textStatus: 'not-extracted', text: '', qr: ['https://itas.nacc.go.th/go/eit/7kq2xa'] });
  });

  it('records office files without reading them', async () => {
    const docx = await extractDocument(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), info('https://a.go.th/plan.docx', 'application/octet-stream'));
    expect(docx).toMatchObject({ kind: 'doc', textStatus: 'not-extracted', text: '', qr: [] });
    const xls = await extractDocument(new Uint8Array([1, 2, 3]), info('https://a.go.th/budget.xls', 'application/vnd.ms-excel'));
    expect(xls).toMatchObject({ kind: 'xls', textStatus: 'not-extracted' });
  });

  it('trusts the bytes over a wrong label: a PDF sent as octet-stream or text/html is still read', async () => {
    const doc = await extractDocument(read('thai-text.pdf'), info('https://a.go.th/download.php?id=9', 'text/html'));
    expect(doc.kind).toBe('pdf');
    expect(doc.textStatus).toBe('ok');
  });

  it('never throws: a broken PDF is an error, a broken image has no QR codes', async () => {
    const pdf = await extractDocument(read('broken.pdf'), info('https://a.go.th/x.pdf', 'application/pdf'));
    expect(pdf).toMatchObject({ kind: 'pdf', textStatus: 'error', text: '' });
    const fakePdf = await extractDocument(new TextEncoder().encode('<h1>404</h1>'), info('https://a.go.th/x.pdf', 'application/pdf'));
    expect(fakePdf.textStatus).toBe('error');
    const png = await extractDocument(read('broken.png'), info('https://a.go.th/x.png', 'image/png'));
    expect(png).toMatchObject({ kind: 'image', qr: [], textStatus: 'not-extracted' });
  });
});
