// The fast UTF-8 path for pages must give exactly what Buffer#toString gives, or step aside.
import { describe, expect, it } from 'vitest';
import { decodeBmpUtf8, decodeHtml } from '../../src/crawl/charset.ts';

// ASCII, Thai, Latin-1, the edges of the 3-byte range, surrogates encoded in UTF-8 (invalid),
// a 4-byte emoji, overlong forms, stray continuation bytes, and sequences cut short
const PIECES = [
  [0x41], [0x0a], [0xe0, 0xb8, 0x81], [0xe0, 0xb9, 0x8b], [0xe0, 0xb9, 0x90], [0xc3, 0xa9], [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80],
  [0xf0, 0x9f, 0x98, 0x80], [0xe0, 0x80, 0x80], [0xc0, 0x80], [0x80], [0xff], [0xe2, 0x80, 0x8b], [0xef, 0xbf, 0xbd], [0xe0, 0xb8], [0xc3],
];

function randomBytes(seed: number): Buffer {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const out: number[] = [];
  const k = 1 + Math.floor(next() * 14);
  for (let q = 0; q < k; q++) out.push(...PIECES[Math.floor(next() * PIECES.length)]!);
  return Buffer.from(out);
}

describe('decodeBmpUtf8', () => {
  it('agrees with Buffer#toString on 100,000 random byte strings whenever it answers, and answers for well-formed Thai', () => {
    let answered = 0;
    for (let t = 0; t < 100_000; t++) {
      const bytes = randomBytes(t + 1);
      const fast = decodeBmpUtf8(bytes);
      if (fast === null) continue;
      answered++;
      expect(fast).toBe(bytes.toString('utf8'));
    }
    expect(answered).toBeGreaterThan(5_000);
    expect(decodeBmpUtf8(Buffer.from('<p>องค์การบริหารส่วนตำบล ๒๕๖๘ café</p>'))).toBe('<p>องค์การบริหารส่วนตำบล ๒๕๖๘ café</p>');
  });
  it('steps aside for what it does not take, and decodeHtml still decodes it as a browser would', () => {
    const emoji = Buffer.from('ข่าว 😀');
    expect(decodeBmpUtf8(emoji)).toBeNull();
    expect(decodeHtml(emoji, 'text/html; charset=utf-8').text).toBe('ข่าว 😀');
    const broken = Buffer.from([0x3c, 0x70, 0x3e, 0x80, 0x41]); // a stray continuation byte
    expect(decodeBmpUtf8(broken)).toBeNull();
    expect(decodeHtml(broken, 'text/html; charset=utf-8').text).toBe(broken.toString('utf8'));
  });
});
