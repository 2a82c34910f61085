// The crawler's fast path for text normalisation must agree with normalizeThai on every input.
import { describe, expect, it } from 'vitest';
import { fastNormalizeThai, normalizeLine } from '../../src/crawl/text.ts';
import { normalizeThai } from '../../src/thai/normalize.ts';
import { randomJoin, seeded } from '../helpers/random.ts';

// plain pieces plus every kind of character normalizeThai rewrites
const PIECES = [
  'ข้อมูล', 'น้ำ', '\f', '\v', '\u0085', '\u3000', '~', '\u007f', 'อำนาจหน้าที่', 'ผู้บริหาร', 'ที่', 'กิ่ง', 'ITA 2568', 'O1', ' ', '  ', '\t', '\n', ' \n ', '\r\n',
  '\u0e4d\u0e32', '\u0e33\u0e32', ' \u0e34', '\u0e49\u0e39', '๒๕๖๘', '\uf70b', '\u200b', '\u00a0', 'Ａ', '\u0e4d', 'ำ', '้ำ', 'ก', 'า', '\u0e48', '.',
];


const randomText = (random: () => number) => randomJoin(random, PIECES, 8);

describe('fastNormalizeThai', () => {
  it('equals normalizeThai on typical page text', () => {
    const page = '  หน้าแรก \n\n ข่าวประชาสัมพันธ์   ประจำปีงบประมาณ พ.ศ. 2568\t\tการเปิดเผยข้อมูลสาธารณะ (OIT)  \n';
    expect(fastNormalizeThai(page)).toBe(normalizeThai(page));
  });
  it('equals normalizeThai on 50,000 random strings built from tricky pieces', () => {
    const random = seeded(7);
    for (let i = 0; i < 50_000; i++) {
      const s = randomText(random);
      expect(fastNormalizeThai(s), JSON.stringify(s)).toBe(normalizeThai(s));
    }
  });
  it('normalizeLine equals normalizeThai of the text on one line, on 50,000 random strings', () => {
    const random = seeded(11);
    for (let i = 0; i < 50_000; i++) {
      const s = randomText(random);
      expect(normalizeLine(s), JSON.stringify(s)).toBe(normalizeThai(s.replace(/\s+/g, ' ')));
    }
    expect(normalizeLine('ก\nิ')).toBe('กิ');
  });
  it('both agree with normalizeThai on long text too (past the single-loop length)', () => {
    const random = seeded(13);
    for (let i = 0; i < 3_000; i++) {
      let s = 'ประกาศองค์การบริหารส่วนตำบล เรื่อง การเปิดเผยข้อมูลสาธารณะ '.repeat(1 + Math.floor(random() * 6));
      for (let k = 0; k < 4; k++) s += PIECES[Math.floor(random() * PIECES.length)];
      expect(s.length).toBeGreaterThan(40);
      expect(fastNormalizeThai(s), JSON.stringify(s)).toBe(normalizeThai(s));
      expect(normalizeLine(s), JSON.stringify(s)).toBe(normalizeThai(s.replace(/\s+/g, ' ')));
    }
    expect(normalizeLine('ข่าว ประชาสัมพันธ์')).toBe('ข่าว ประชาสัมพันธ์');
  });
});
