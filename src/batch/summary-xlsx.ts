// summary.xlsx: a "Matrix" sheet (agencies × items, coloured by status) and one sheet per agency
// with its ITAS URL list. Sheet names follow Excel's rules: ≤ 31 characters, none of []:*?/\,
// no leading or trailing apostrophe, unique ignoring case.
import ExcelJS from 'exceljs';
import { cleanText, neutralizeFormula } from '../report/escape.ts';
import { pick, statusLabel, type ReportLang } from '../report/labels.ts';
import type { ItemStatus } from '../audit/result.ts';
import type { BatchSummary } from './run-batch.ts';

const FILL: Record<ItemStatus, string> = {
  pass: 'FFC6EFCE',
  partial: 'FFFFEB9C',
  fail: 'FFFFC7CE',
  manual: 'FFDDEBF7',
  'not-checked': 'FFEDEDED',
};

const MATRIX_SHEET = 'Matrix';

/** A valid, unique Excel sheet name for `wanted`. `taken` holds lower-cased names already used. */
export function excelSheetName(wanted: string, taken: Set<string>): string {
  let base = cleanText(wanted, 200)
    .replace(/[\u0000-\u001f[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base || base.toLowerCase() === 'history') base = 'Sheet';
  // Array.from keeps surrogate pairs whole; Excel counts UTF-16 units, so check the joined length
  const cut = (s: string, max: number) => {
    const chars = Array.from(s);
    while (chars.join('').length > max) chars.pop();
    return chars.join('').trim().replace(/'+$/, '');
  };
  let name = cut(base, 31);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${cut(base, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Text for a cell: controls removed, capped, formula-looking text kept as text. */
const cell = (value: string, cap = 2000) => neutralizeFormula(cleanText(value, cap));

export async function renderSummaryXlsx(summary: BatchSummary, opts: { lang: ReportLang }): Promise<Uint8Array> {
  const { lang } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'oit-audit';
  wb.created = new Date(summary.generatedAt);
  const taken = new Set<string>([MATRIX_SHEET.toLowerCase()]);

  const matrix = wb.addWorksheet(MATRIX_SHEET, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  matrix.addRow([lang === 'th' ? 'อันดับ' : 'Rank', lang === 'th' ? 'หน่วยงาน' : 'Agency', lang === 'th' ? 'คะแนน' : 'Score', ...summary.itemIds, lang === 'th' ? 'หมายเหตุ' : 'Note']);
  matrix.getRow(1).font = { bold: true };
  matrix.getColumn(2).width = 40;
  let rank = 0;
  for (const a of summary.agencies) {
    const statusOf = new Map(a.items.map((i) => [i.id, i.status]));
    const row = matrix.addRow([
      a.score === undefined ? '' : ++rank,
      cell(a.name, 200),
      a.score === undefined ? '' : Math.round(a.score * 100) / 100,
      ...summary.itemIds.map((id) => statusOf.get(id) ?? ''),
      cell(a.error ?? (a.status === 'done' ? (a.complete === false ? 'incomplete' : '') : a.status), 300),
    ]);
    summary.itemIds.forEach((id, j) => {
      const status = statusOf.get(id);
      if (status) row.getCell(4 + j).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[status] } };
    });
  }

  for (const a of summary.agencies) {
    const sheet = wb.addWorksheet(excelSheetName(a.name, taken));
    sheet.addRow([cell(a.name, 200)]).font = { bold: true };
    sheet.addRow([cell(a.url, 500)]);
    sheet.addRow([a.score === undefined ? cell(a.error ?? a.status, 300) : `${lang === 'th' ? 'คะแนน' : 'Score'} ${Math.round(a.score * 100) / 100}`]);
    sheet.addRow([]);
    const head = sheet.addRow(
      lang === 'th'
        ? ['ข้อ', 'หัวข้อ', 'URL 1', 'URL 2', 'URL 3', 'สถานะ', 'เหตุผล']
        : ['Item', 'Title (Thai)', 'URL 1', 'URL 2', 'URL 3', 'Status', 'Reason'],
    );
    head.font = { bold: true };
    sheet.getColumn(2).width = 50;
    sheet.getColumn(3).width = 50;
    for (const item of a.items) {
      const urls = [item.submitUrls[0] ?? '', item.submitUrls[1] ?? '', item.submitUrls.slice(2).join(' ')];
      const row = sheet.addRow([item.id, cell(item.title.th, 300), ...urls.map((u) => cell(u, 2000)), statusLabel(item.status, lang), cell(pick(item.reason, lang), 1000)]);
      row.getCell(6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[item.status] } };
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
