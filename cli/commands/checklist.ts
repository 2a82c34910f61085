// `oit-audit checklist list | show <id> [item] | validate <file…>`: browse and check the YAML checklists.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import stringWidth from 'string-width';
import { UserError } from '../../src/util/errors.ts';
import { findItem, loadChecklist, scanChecklists, validateChecklistText } from '../../src/checklist/registry.ts';
import type { Check, Checklist, Item } from '../../src/checklist/schema.ts';

type Lang = 'th' | 'en';

function parseLang(value: string): Lang {
  if (value !== 'th' && value !== 'en') throw new UserError(`--lang must be th or en, not "${value}"`);
  return value;
}

/** terminal-safe: crawled text never reaches here, but checklist files are user input too */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '').replace(/\s+/g, ' ').trim();
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => stringWidth(r[col] ?? ''))));
  return rows.map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : pad(cell, widths[col]!))).join('  ').trimEnd()).join('\n');
}

const WINDOW_LABEL: Record<Lang, Record<string, string>> = {
  th: { current: 'ปีงบประมาณที่ประเมิน', previous: 'ปีงบประมาณก่อนหน้า', 'first-half': '6 เดือนแรก (1 ต.ค. – 31 มี.ค.)' },
  en: { current: 'assessed fiscal year', previous: 'previous fiscal year', 'first-half': 'first six months (1 Oct – 31 Mar)' },
};

/** a check as one short line: "keyword any=[a, b] all=[c]" */
export function describeCheck(check: Check, lang: Lang): string {
  if (check.kind === 'manual') return `manual: ${clean(check.reason[lang])}`;
  const parts: string[] = [check.kind];
  for (const [key, value] of Object.entries(check)) {
    if (key === 'kind' || value === undefined) continue;
    if (key === 'scope' && value === 'any') continue;
    if (key === 'allowRange' && value === false) continue;
    parts.push(`${key}=${Array.isArray(value) ? `[${value.map((v) => clean(String(v))).join(', ')}]` : clean(String(value))}`);
  }
  return parts.join(' ');
}

function renderItem(checklist: Checklist, item: Item, lang: Lang): string {
  const group = checklist.groups.find((g) => g.id === item.group);
  const lines = [
    `${item.id}  ${clean(item.title[lang])}${item.unconfirmed ? (lang === 'th' ? '  (ยังไม่ยืนยัน)' : '  (unconfirmed)') : ''}`,
    `${lang === 'th' ? 'กลุ่ม' : 'group'}: ${item.group}${group ? ` ${clean(group.title[lang])}` : ''}`,
  ];
  if (item.window) lines.push(`${lang === 'th' ? 'ช่วงเวลา' : 'window'}: ${WINDOW_LABEL[lang][item.window]}`);
  if (item.note) lines.push(`${lang === 'th' ? 'หมายเหตุ' : 'note'}: ${clean(item.note)}`);
  lines.push(`${lang === 'th' ? 'องค์ประกอบ' : 'components'}:`);
  item.components.forEach((c, i) => {
    lines.push(`  ${i + 1}. [${c.id}] ${clean(c.text[lang])}`);
    lines.push(`     ${lang === 'th' ? 'ตรวจ' : 'check'}: ${describeCheck(c.check, lang)}`);
  });
  lines.push(`${lang === 'th' ? 'คำค้นหา' : 'locate'}:`);
  lines.push(`  linkText: ${item.locate.linkText.map(clean).join(', ')}`);
  if (item.locate.urlPatterns.length) lines.push(`  urlPatterns: ${item.locate.urlPatterns.map(clean).join(', ')}`);
  if (item.locate.headings.length) lines.push(`  headings: ${item.locate.headings.map(clean).join(', ')}`);
  if (item.locate.exclude.length) lines.push(`  exclude: ${item.locate.exclude.map(clean).join(', ')}`);
  return lines.join('\n');
}

function renderChecklist(checklist: Checklist, lang: Lang): string {
  const header = [
    `${checklist.id}  ${clean(checklist.title[lang])}`,
    `framework ${checklist.framework} · FY ${checklist.fiscalYear} · version ${checklist.version} · ${checklist.status} · ${checklist.items.length} items`,
    '',
  ];
  const rows: string[][] = [];
  for (const group of checklist.groups) {
    const items = checklist.items.filter((i) => i.group === group.id);
    if (items.length === 0) continue;
    rows.push([group.id, clean(group.title[lang]), '', '']);
    for (const item of items) {
      const window = item.window ? WINDOW_LABEL[lang][item.window]! : '';
      rows.push([`  ${item.id}`, clean(item.title[lang]) + (item.unconfirmed ? ' *' : ''), `${item.components.length}`, window]);
    }
  }
  const footer = checklist.items.some((i) => i.unconfirmed)
    ? ['', lang === 'th' ? '* ยังไม่ยืนยันจากแหล่งข้อมูล' : '* unconfirmed by the sources']
    : [];
  return [...header, table(rows), ...footer].join('\n');
}

export function registerChecklistCommand(program: Command): void {
  const cmd = program.command('checklist').description('list, show and validate the OIT checklists (checklists/*.yaml)');

  cmd
    .command('list')
    .description('the shipped checklists: id, title, year, item count, status')
    .option('--lang <lang>', 'th or en', 'en')
    .option('--json', 'machine-readable output')
    .action(async (opts: { lang: string; json?: boolean }) => {
      const lang = parseLang(opts.lang);
      const { valid, invalid } = await scanChecklists();
      if (opts.json) {
        const out = [
          ...valid.map((e) => ({ id: e.id, file: e.file, title: e.checklist.title, fiscalYear: e.checklist.fiscalYear, items: e.checklist.items.length, status: e.checklist.status, version: e.checklist.version, valid: true })),
          ...invalid.map((e) => ({ file: e.file, valid: false, errors: e.errors })),
        ];
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        const rows = [['ID', 'YEAR', 'ITEMS', 'STATUS', 'TITLE']];
        for (const e of valid) {
          rows.push([e.id, String(e.checklist.fiscalYear), String(e.checklist.items.length), e.checklist.status, clean(e.checklist.title[lang])]);
        }
        process.stdout.write(`${table(rows)}\n`);
        for (const e of invalid) process.stdout.write(`invalid: ${e.errors[0]}${e.errors.length > 1 ? ` (+${e.errors.length - 1} more; run checklist validate)` : ''}\n`);
      }
      if (invalid.length > 0) process.exitCode = 1;
    });

  cmd
    .command('show <id> [item]')
    .description('a checklist\'s items, or one item\'s components and locate hints (id or path to a .yaml file)')
    .option('--lang <lang>', 'th or en', 'th')
    .option('--json', 'machine-readable output')
    .action(async (id: string, itemId: string | undefined, opts: { lang: string; json?: boolean }) => {
      const lang = parseLang(opts.lang);
      const checklist = await loadChecklist(id);
      if (itemId === undefined) {
        process.stdout.write(`${opts.json ? JSON.stringify(checklist, null, 2) : renderChecklist(checklist, lang)}\n`);
        return;
      }
      const item = findItem(checklist, itemId);
      if (!item) {
        throw new UserError(`${checklist.id} has no item "${itemId}" (items: ${checklist.items[0]!.id} … ${checklist.items.at(-1)!.id})`);
      }
      process.stdout.write(`${opts.json ? JSON.stringify(item, null, 2) : renderItem(checklist, item, lang)}\n`);
    });

  cmd
    .command('validate <files...>')
    .description('check checklist YAML files; one line per problem (file: item.field: message), exit 1 if any')
    .action(async (files: string[]) => {
      let failed = false;
      for (const file of files) {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          process.stdout.write(`${file}: cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})\n`);
          failed = true;
          continue;
        }
        const result = validateChecklistText(text, file);
        if (result.ok) {
          const c = result.checklist;
          const components = c.items.reduce((n, i) => n + i.components.length, 0);
          process.stdout.write(`${file}: valid — ${c.id} (${c.framework} ${c.fiscalYear}, ${c.status}), ${c.items.length} items, ${components} components\n`);
        } else {
          failed = true;
          for (const line of result.errors) process.stdout.write(`${clean(line)}\n`);
        }
      }
      if (failed) process.exitCode = 1;
    });
}
