import { describe, expect, it } from 'vitest';
import { compactForMatch, containsNormalized, findFirstKeyword, normalizeThai, thaiDigitsToArabic } from '../../src/thai/index.ts';

describe('normalizeThai', () => {
  it('turns Thai digits into Arabic ones', () => {
    expect(thaiDigitsToArabic('ปีงบประมาณ ๒๕๖๖')).toBe('ปีงบประมาณ 2566');
    expect(normalizeThai('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
  });

  it('folds nikhahit + sara aa into sara am, with or without a tone mark', () => {
    expect(normalizeThai('อํานาจหน้าที่')).toBe('อำนาจหน้าที่');
    expect(normalizeThai('น\u0e4d\u0e49\u0e32')).toBe('น้ำ'); // ํ ้ า
    expect(normalizeThai('น\u0e49\u0e4d\u0e32')).toBe('น้ำ'); // ้ ํ า
    expect(normalizeThai('น ํ ้ า')).toBe('น้ำ'); // Chromium PDF with stray spaces
    expect(normalizeThai('อ ำานาจ')).toBe('อำนาจ'); // LibreOffice PDF
  });

  it('removes zero-width characters and soft hyphens', () => {
    expect(normalizeThai('ข้อมูล\u200bผู้\u200cบริหาร\ufeff\u00ad')).toBe('ข้อมูลผู้บริหาร');
  });

  it('maps PDF private-use glyphs back to Thai marks', () => {
    expect(normalizeThai('ข\uf70bอมูล')).toBe('ข้อมูล');
    expect(normalizeThai('ผู\uf70bบริหาร')).toBe('ผู้บริหาร');
    expect(normalizeThai('\uf700าน')).toBe('ฐาน');
  });

  it('puts a tone mark typed before a vowel after it', () => {
    expect(normalizeThai('ผ\u0e49\u0e39')).toBe('ผู้');
  });

  it('collapses spacing and turns full-width forms into ASCII', () => {
    expect(normalizeThai('  ข่าว   ประชาสัมพันธ์ \u00a0 ')).toBe('ข่าว ประชาสัมพันธ์');
    expect(normalizeThai('ＩＴＡ　２５６６')).toBe('ITA 2566');
  });

  it('matches keywords across line wraps, case and Thai digits', () => {
    expect(compactForMatch('No Gift\nPolicy')).toBe('nogiftpolicy');
    expect(containsNormalized('รายงานผลการดำเนินงาน\nประจำปี ๒๕๖๕', 'ผลการดำเนินงานประจำปี 2565')).toBe(true);
    expect(containsNormalized('ข่าวประชาสัมพันธ์', 'ร้องเรียน')).toBe(false);
    expect(containsNormalized('anything', '   ')).toBe(false);
    expect(findFirstKeyword('นโยบาย NO GIFT', ['ของขวัญ', 'no gift'])).toBe('no gift');
    expect(findFirstKeyword('ไม่มี', ['ของขวัญ'])).toBeUndefined();
  });
});
