// qr-code: a QR image on the evidence decodes to a URL on one of `hosts` (e.g. itas.nacc.go.th).
// The crawler decodes QR images into Image.qr / Document.qr; the audit reads the payloads.
import type { CheckModule } from './context.ts';
import { notFound, passed } from './helpers.ts';
import { documentsOf } from './documents-of.ts';
import { hostMatches, hostOf } from '../snapshot-index.ts';

const QR_LOOKING = /qr|คิวอาร์|แบบวัด|eit/i;

export const qrCodeCheck: CheckModule<'qr-code'> = {
  kind: 'qr-code',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    const payloads: Array<{ payload: string; on: string }> = [];
    let undecoded: string | undefined;
    for (const s of sources) {
      for (const img of s.images) {
        if (img.qr) payloads.push({ payload: img.qr, on: s.url });
        else if (QR_LOOKING.test(`${img.alt} ${img.src}`)) undecoded ??= img.src;
      }
      for (const q of s.qr) if (!payloads.some((p) => p.payload === q)) payloads.push({ payload: q, on: s.url });
    }
    for (const d of documentsOf(ctx, check.scope)) {
      for (const q of d.source?.qr ?? []) if (!payloads.some((p) => p.payload === q)) payloads.push({ payload: q, on: d.url });
    }
    const ok = payloads.find((p) => !check.hosts || check.hosts.some((h) => hostMatches(hostOf(p.payload.trim()), h)));
    if (ok) {
      return passed({ th: `พบ QR code ที่ชี้ไปยัง ${ok.payload.slice(0, 100)}`, en: `found a QR code pointing to ${ok.payload.slice(0, 100)}` }, ok.on, ok.payload.slice(0, 200));
    }
    if (payloads.length > 0) {
      const other = payloads.map((p) => p.payload.slice(0, 80)).join(', ');
      return {
        status: 'fail',
        detail: { th: `QR code ชี้ไปที่อื่น (${other}) ไม่ใช่ ${check.hosts!.join(' หรือ ')}`, en: `the QR code points elsewhere (${other}), not to ${check.hosts!.join(' or ')}` },
        url: payloads[0]!.on,
        snippet: payloads[0]!.payload.slice(0, 200),
      };
    }
    if (undecoded) {
      return {
        status: 'manual',
        detail: { th: 'มีภาพที่น่าจะเป็น QR code แต่ถอดรหัสไม่ได้: ตรวจด้วยตนเอง', en: 'an image that looks like a QR code could not be decoded: check by hand' },
        url: sources[0]?.url,
        snippet: undecoded.slice(0, 200),
      };
    }
    return notFound(sources, { th: 'ไม่พบ QR code', en: 'no QR code found' }, true);
  },
};
