import { describe, expect, it } from 'vitest';
import { displayWidth, fitToWidth, sanitizeForTerminal, truncateMiddle, truncateToWidth, wrapToWidth } from '../../cli/ui/width.ts';
import { detectLang, resolveLang } from '../../cli/ui/labels.ts';
import { openCommand } from '../../cli/ui/open-command.ts';

describe('display width', () => {
  it('counts Thai marks as zero columns and SARA AM as one, like a terminal', () => {
    expect(displayWidth('ข้อมูลผู้บริหาร')).toBe(10);
    expect(displayWidth('น้ำ')).toBe(2);
    expect(displayWidth('อำนาจหน้าที่')).toBe(9);
    expect(displayWidth('abc')).toBe(3);
  });

  it('truncates and pads by display width without splitting a Thai cluster', () => {
    const cut = truncateToWidth('แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน', 10);
    expect(displayWidth(cut)).toBeLessThanOrEqual(10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.startsWith('แผนยุทธศา')).toBe(true);
    expect(displayWidth(fitToWidth('อำนาจหน้าที่', 6))).toBe(6);
    expect(displayWidth(fitToWidth('O1', 6))).toBe(6);
    const middle = truncateMiddle('http://127.0.0.1/ita/ข้อมูลเปิดเผย/o1/detail.html', 24);
    expect(displayWidth(middle)).toBeLessThanOrEqual(24);
    expect(middle.startsWith('http://')).toBe(true);
    expect(middle.endsWith('.html')).toBe(true);
  });

  it('wraps text to the width', () => {
    const lines = wrapToWidth('การเปิดเผยข้อมูลสาธารณะ is required on the agency website for every fiscal year', 20);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  it('strips escape sequences and control characters from crawled text', () => {
    expect(sanitizeForTerminal('a\u001b[31mred\u001b[0m\u0007b\nc\u001b]0;title\u0007d')).toBe('aredb cd');
  });
});

describe('language and open command', () => {
  it('follows LC_ALL, then LANG; --lang wins', () => {
    expect(detectLang({ LANG: 'th_TH.UTF-8' })).toBe('th');
    expect(detectLang({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(detectLang({ LC_ALL: 'th_TH.UTF-8', LANG: 'en_US.UTF-8' })).toBe('th');
    expect(detectLang({})).toBe('en');
    expect(resolveLang('en', { LANG: 'th_TH.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LANG: 'th_TH.UTF-8' })).toBe('th');
  });

  it('prints a quoted open command per platform', () => {
    expect(openCommand("http://x/a'b", 'linux')).toBe(`xdg-open 'http://x/a'\\''b'`);
    expect(openCommand('http://x/', 'darwin')).toBe(`open 'http://x/'`);
    expect(openCommand('http://x/"y', 'win32')).toBe('start "" "http://x/%22y"');
  });
});
