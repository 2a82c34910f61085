import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAgencyList, parseAgencyList, parseCsv } from '../../src/batch/input.ts';
import { UserError } from '../../src/util/errors.ts';

describe('parseCsv', () => {
  it('handles BOM, quotes, doubled quotes, commas and CRLF', () => {
    expect(parseCsv('\uFEFFname,url\r\n"อบต. ก, ข","http://a/""x"""\r\n\r\nb,http://b\n')).toEqual([
      ['name', 'url'],
      ['อบต. ก, ข', 'http://a/"x"'],
      ['b', 'http://b'],
    ]);
  });
});

describe('parseAgencyList', () => {
  it('reads a CSV with optional columns (Thai header aliases accepted)', () => {
    const list = parseAgencyList(
      'ชื่อหน่วยงาน,url,checklist,fiscalYear,extraHosts,notes\nเทศบาลตำบลหนึ่ง,www.one.go.th,,2025,"cdn.one.go.th; old.one.go.th",ลูกค้าใหม่\nสอง,http://127.0.0.1:8080/two/,ita-2566,2566,,\n',
      'agencies.csv',
    );
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ name: 'เทศบาลตำบลหนึ่ง', url: 'https://www.one.go.th/', fiscalYear: 2568, extraHosts: ['cdn.one.go.th', 'old.one.go.th'], notes: 'ลูกค้าใหม่', row: 2 });
    expect(list[0]!.checklist).toBeUndefined();
    expect(list[1]).toMatchObject({ checklist: 'ita-2566', fiscalYear: 2566, url: 'http://127.0.0.1:8080/two/' });
    expect(list[0]!.folder).toMatch(/^www\.one\.go\.th-[0-9a-f]{8}$/);
    expect(new Set(list.map((a) => a.key)).size).toBe(2);
  });

  it('reads YAML as a list or under agencies:', () => {
    const a = parseAgencyList('- name: หนึ่ง\n  url: http://a.go.th\n  extraHosts: [b.go.th]\n  fiscalYear: 2568\n', 'x.yaml');
    const b = parseAgencyList('agencies:\n  - {name: หนึ่ง, url: "http://a.go.th"}\n', 'x.yml');
    expect(parseAgencyList('- {name: ก, url: "localhost:8080/x"}', 'p.yaml')[0]!.url).toBe('https://localhost:8080/x');
    expect(() => parseAgencyList('- {name: ก, url: "mailto:a@b.go.th"}\n- {url: "http://x"}\n- {name: 5, url: "http://x"}', 'p.yaml')).toThrow(
      /agency 1: url: only http\(s\) URLs can be audited, got mailto:\n.*agency 2: name: name is missing\n.*agency 3: name: name must be text/,
    );
    expect(a[0]).toMatchObject({ name: 'หนึ่ง', url: 'http://a.go.th/', extraHosts: ['b.go.th'], fiscalYear: 2568 });
    expect(b[0]!.key).toBe(a[0]!.key);
  });

  it('reports every bad row, one line each', () => {
    const error = (() => {
      try {
        parseAgencyList('name,url,fiscalYear\nดี,http://ok.go.th,\n,http://x.go.th,\nสาม,ftp://x.go.th,\nสี่,http://y.go.th,1066\nดี,http://z.go.th,\n', 'list.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe('4 bad rows in the agency list:');
    expect(lines.slice(1)).toEqual([
      'list.csv line 3: name: name is empty',
      'list.csv line 4: url: only http(s) URLs can be audited, got ftp:',
      'list.csv line 5: fiscalYear: fiscalYear 1066 is not a Buddhist-era year such as 2568',
      'list.csv line 6: duplicate agency name "ดี" (first at 2)',
    ]);
  });

  it('rejects unknown columns, missing columns, wrong file types and empty lists', () => {
    expect(() => parseAgencyList('name,website,colour\na,http://a\n', 'l.csv')).toThrow(/unknown column\(s\) "colour"/);
    expect(() => parseAgencyList('name,notes\na,b\n', 'l.csv')).toThrow(/must have "name" and "url"/);
    expect(() => parseAgencyList('name,url\n', 'l.csv')).toThrow(/empty/);
    expect(() => parseAgencyList('a: [', 'l.yaml')).toThrow(/not valid YAML/);
    expect(() => parseAgencyList('{}', 'l.yaml')).toThrow(/expected a list of agencies/);
    expect(() => parseAgencyList('', 'l.txt')).toThrow(/\.csv, \.yaml or \.yml/);
  });

  it('loadAgencyList: a missing file is a one-line error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oit-input-'));
    await expect(loadAgencyList(join(dir, 'nope.csv'))).rejects.toThrow(/agency list not found/);
    await writeFile(join(dir, 'a.csv'), 'name,url\nก,http://a.go.th\n');
    expect(await loadAgencyList(join(dir, 'a.csv'))).toHaveLength(1);
  });
});
