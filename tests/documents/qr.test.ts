import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import jsQR from 'jsqr';
import { decodeQrCodes } from '../../src/crawl/qr.ts';

const fixtures = join(import.meta.dirname, '../fixtures/documents');
const read = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));
const EIT_URL = 'https://itas.nacc.go.th/go/eit/7kq2xa';
const SECOND_QR_URL = 'https://itas.nacc.go.th/go/iit/m4r8tz';

describe('decodeQrCodes', () => {
  it('decodes an EIT QR PNG to the exact URL', async () => {
    expect(await decodeQrCodes(read('eit-qr.png'))).toEqual([EIT_URL]);
  });

  it('decodes a small blurred QR that plain jsQR cannot read, by upscaling', async () => {
    const image = read('eit-qr-small.png');
    const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBeLessThan(60);
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height, { inversionAttempts: 'attemptBoth' })).toBeNull();
    expect(await decodeQrCodes(image)).toEqual([EIT_URL]);
  });

  it('returns every code in an image holding two', async () => {
    expect((await decodeQrCodes(read('two-qr-banner.png'))).sort()).toEqual([EIT_URL, SECOND_QR_URL].sort());
  });

  it('reads a JPEG and a white-on-black (inverted) QR', async () => {
    const jpeg = await sharp(read('eit-qr.png')).jpeg({ quality: 70 }).toBuffer();
    expect(await decodeQrCodes(jpeg)).toEqual([EIT_URL]);
    const inverted = await sharp(read('eit-qr.png')).negate({ alpha: false }).png().toBuffer();
    expect(await decodeQrCodes(inverted)).toEqual([EIT_URL]);
  });

  it('returns [] for an image without a QR and for bytes that are no image', async () => {
    expect(await decodeQrCodes(read('org-chart.png'))).toEqual([]);
    expect(await decodeQrCodes(read('broken.png'))).toEqual([]);
    expect(await decodeQrCodes(new Uint8Array())).toEqual([]);
  });
});
