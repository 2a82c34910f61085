import { describe, expect, it } from 'vitest';
import { anchorId, cleanText, csvField, displayUrl, escapeHtml, escapeMarkdown, markdownLink, neutralizeFormula, safeHttpUrl } from '../../src/report/escape.ts';
import { BAD_URLS } from './sample-result.ts';

describe('escapeHtml', () => {
  it('escapes markup and quotes so text cannot open a tag or leave an attribute', () => {
    expect(escapeHtml('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(escapeHtml(`" onmouseover='a' \``)).toBe('&quot; onmouseover=&#39;a&#39; &#96;');
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });
  it('keeps Thai text intact and strips control characters', () => {
    expect(escapeHtml('โครงสร้าง\u0000หน่วยงาน')).toBe('โครงสร้างหน่วยงาน');
  });
  it('caps long values', () => {
    expect(escapeHtml('ก'.repeat(50), 10)).toBe(`${'ก'.repeat(9)}…`);
    expect(cleanText('abc', 10)).toBe('abc');
  });
});

describe('safeHttpUrl', () => {
  it('accepts absolute http(s) URLs and percent-encodes what could break an attribute', () => {
    expect(safeHttpUrl('https://www.example.go.th/ita/o1.html')).toBe('https://www.example.go.th/ita/o1.html');
    expect(safeHttpUrl('http://a.test/x?q="><script>')).toBe('http://a.test/x?q=%22%3E%3Cscript%3E');
    expect(safeHttpUrl('http://user:pw@a.test/')).toBe('http://a.test/');
  });
  it.each(BAD_URLS)('refuses %j', (url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });
  it('refuses relative URLs and fragments', () => {
    expect(safeHttpUrl('/ita/o1.html')).toBeNull();
    expect(safeHttpUrl('#')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
  });
});

describe('displayUrl', () => {
  it('decodes Thai paths for reading', () => {
    expect(displayUrl('https://a.test/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7')).toBe('https://a.test/ข่าว');
    expect(displayUrl('https://a.test/%E0%')).toBe('https://a.test/%E0%');
  });
});

describe('escapeMarkdown', () => {
  it('neutralises table pipes, links, code, emphasis, HTML and line breaks', () => {
    const out = escapeMarkdown('a | b [x](javascript:y) `c` *d* _e_ <b>f</b>\n# g');
    expect(out).toBe('a \\| b \\[x\\](javascript:y) \\`c\\` \\*d\\* \\_e\\_ &lt;b&gt;f&lt;/b&gt; # g');
    expect(out).not.toContain('\n');
  });
  it('escapes markers that only matter at the start of a line', () => {
    expect(escapeMarkdown('# หัวข้อ', 100, { lineStart: true })).toBe('\\# หัวข้อ');
    expect(escapeMarkdown('- item', 100, { lineStart: true })).toBe('\\- item');
    expect(escapeMarkdown('1. item', 100, { lineStart: true })).toBe('1\\. item');
    expect(escapeMarkdown('0.1.0')).toBe('0.1.0');
  });
});

describe('markdownLink', () => {
  it('links http(s) URLs with a safe target', () => {
    expect(markdownLink('https://a.test/x(1) y', 'ลิงก์')).toBe('[ลิงก์](https://a.test/x%281%29%20y)');
  });
  it('shows other schemes as escaped text', () => {
    expect(markdownLink('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(markdownLink('javascript:alert(1)', '[x]')).toBe('\\[x\\]');
  });
});

describe('CSV fields', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('neutralises formula %j', (value) => {
    expect(neutralizeFormula(value).startsWith("'")).toBe(true);
  });
  it('leaves ordinary text alone', () => {
    expect(neutralizeFormula('โครงสร้าง')).toBe('โครงสร้าง');
    expect(csvField('https://a.test/')).toBe('https://a.test/');
  });
  it('quotes per RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
});

describe('anchorId', () => {
  it('makes fragment-safe ids', () => {
    expect(anchorId('item', 'MOIT 1')).toBe('item-MOIT-1');
    expect(anchorId('item', '"><x')).toBe('item--x');
  });
});
