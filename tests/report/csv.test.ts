import { describe, expect, it } from 'vitest';
import { CSV_URL_COLUMNS, renderItasCsv } from '../../src/report/csv.ts';
import { buildResult, hostileResult } from './sample-result.ts';

/** A small RFC 4180 reader, enough to check what Excel would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('last line does not end with CRLF');
  return rows;
}

describe('renderItasCsv', () => {
  it('starts with a UTF-8 BOM and ends every line with CRLF (no bare LF)', () => {
    const csv = renderItasCsv(buildResult());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(/[^\r]\n/.test(csv)).toBe(false);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has one row per item in checklist order with Thai titles, URLs, status and reason', () => {
    const rows = parseCsv(renderItasCsv(buildResult()).slice(1));
    expect(rows[0]).toEqual(['ข้อ', 'หัวข้อ', 'URL 1', 'URL 2', 'URL 3', 'URL 4', 'URL 5', 'status', 'สถานะ', 'เหตุผล']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['O1', 'O2', 'O3', 'O10', 'O11', 'O12']);
    expect(rows[1]).toEqual(['O1', 'โครงสร้างหน่วยงาน', 'http://127.0.0.1:8080/about/structure.html', '', '', '', '', 'pass', 'ผ่าน', 'พบแผนผังโครงสร้างครบ']);
    expect(rows.every((r) => r.length === 5 + CSV_URL_COLUMNS)).toBe(true);
  });

  it('joins URLs beyond the fifth into the last URL column', () => {
    const rows = parseCsv(renderItasCsv(buildResult()).slice(1));
    const o12 = rows.find((r) => r[0] === 'O12')!;
    expect(o12.slice(2, 7)).toEqual([
      'http://127.0.0.1:8080/contact.html',
      'http://127.0.0.1:8080/contact-2.html',
      'http://127.0.0.1:8080/c3.html',
      'http://127.0.0.1:8080/c4.html',
      'http://127.0.0.1:8080/c5.html http://127.0.0.1:8080/c6.html',
    ]);
  });

  it('uses English headers, labels and reasons with lang=en but keeps the Thai title', () => {
    const rows = parseCsv(renderItasCsv(buildResult(), { lang: 'en' }).slice(1));
    expect(rows[0]![1]).toBe('Title (Thai)');
    expect(rows[2]![1]).toBe('ข้อมูลผู้บริหาร');
    expect(rows[2]!.slice(-3)).toEqual(['partial', 'Partial', 'Executive photos are missing']);
  });

  it('quotes commas, quotes and line breaks and neutralises formulas', () => {
    const csv = renderItasCsv(hostileResult());
    const rows = parseCsv(csv.slice(1));
    const o3 = rows.find((r) => r[0] === 'O3')!;
    expect(o3[1]).toBe("'=1+1 อำนาจหน้าที่");
    const o7 = rows.find((r) => r[0] === 'O7')!;
    expect(o7[2]).toBe("'-2+3");
    expect(o7[3]).toBe('javascript:alert(4)');
    expect(o7[4]).toBe('http://127.0.0.1:8080/a,b"c');
    expect(o7[9]!.startsWith(`'=HYPERLINK("http://evil.example/","คลิก")`)).toBe(true);
    expect(o7[9]).toContain('\n# heading');
    const en = parseCsv(renderItasCsv(hostileResult(), { lang: 'en' }).slice(1)).find((r) => r[0] === 'O7')!;
    expect(en[9]).toBe(`'+cmd|" /C calc"!A0`);
    // no cell anywhere starts with a formula character
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
