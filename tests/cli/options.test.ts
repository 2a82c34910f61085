import { describe, it, expect } from 'vitest';
import { parseStartUrl, parseFiscalYear, parseFormats, parseLang } from '../../cli/shared/options.ts';
import { defaultReportDir } from '../../cli/shared/report-dir.ts';

describe('shared CLI options', () => {
  it('accepts http(s) and bare hosts, refuses other schemes with one line', () => {
    expect(parseStartUrl('example.go.th')).toBe('https://example.go.th/');
    expect(parseStartUrl('localhost:8080')).toBe('https://localhost:8080/');
    expect(parseStartUrl('http://127.0.0.1:9/x')).toBe('http://127.0.0.1:9/x');
    expect(() => parseStartUrl('mailto:saraban@example.go.th')).toThrow(/only http and https/);
    expect(() => parseStartUrl('javascript:alert(1)')).toThrow(/only http and https/);
    expect(() => parseStartUrl('http://')).toThrow(/not a valid URL/);
  });
  it('reads fiscal years in BE, CE and Thai digits', () => {
    expect(parseFiscalYear('2568')).toBe(2568);
    expect(parseFiscalYear('2025')).toBe(2568);
    expect(parseFiscalYear('๒๕๖๖')).toBe(2566);
    expect(() => parseFiscalYear('68')).toThrow(/plausible/);
  });
  it('formats, language and the default report folder', () => {
    expect(parseFormats(undefined)).toEqual(['json', 'md', 'html', 'csv']);
    expect(parseFormats('pdf,html')).toEqual(['pdf', 'html']);
    expect(() => parseFormats('docx')).toThrow(/unknown format "docx"/);
    expect(parseLang(undefined, { LANG: 'th_TH.UTF-8' })).toBe('th');
    expect(parseLang(undefined, { LANG: 'C' })).toBe('en');
    expect(defaultReportDir('https://www.abt.go.th/x', new Date(2026, 10, 23, 9, 5, 7))).toBe('reports/www.abt.go.th/20261123-090507');
  });
});

describe('default checklist', async () => {
  const { chooseChecklist } = await import('../../cli/shared/choose-checklist.ts');
  it('takes the ITA checklist of the fiscal year, else the newest before it, and says so', async () => {
    const exact = await chooseChecklist(undefined, 2566);
    expect(exact.checklist.id).toBe('ita-2566');
    expect(exact.warning).toBeUndefined();
    const between = await chooseChecklist(undefined, 2567);
    expect(between.checklist.id).toBe('ita-2566');
    expect(between.warning).toMatch(/no checklist for FY2567; using ita-2566/);
    const later = await chooseChecklist(undefined, 2570);
    expect(later.checklist.id).toBe('ita-2569');
    expect(later.warning).toMatch(/draft/);
    expect((await chooseChecklist('moph-moit', 2570)).checklist.framework).toBe('MOIT');
  });
});
