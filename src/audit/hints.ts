// Reasons and fix hints, in Thai and English, for each kind of verdict. Crawled text (URLs, link
// words) is quoted as data; report writers escape it.
import type { Item, LocalizedText } from '../checklist/schema.ts';
import type { Candidate } from './locate.ts';
import type { Judged } from './verdict.ts';

type Hint = { reason: LocalizedText; fix: LocalizedText };

const list = (xs: string[]) => xs.join('; ');

/** where the agency edits: the evidence page, or for a document / external link the page that links to it */
function placeOf(c: Candidate): string {
  return c.resolved.type === 'page' ? c.url : c.foundOn ?? c.url;
}

export function notChecked(siteStatus: 'unreachable' | 'blocked', siteError?: string): Hint {
  const err = siteError ? ` (${siteError})` : '';
  return siteStatus === 'blocked'
    ? {
        reason: { th: `เว็บไซต์ปิดกั้นการตรวจ${err} จึงยังไม่ได้ตรวจข้อนี้`, en: `the site blocked the crawler${err}; this item was not checked` },
        fix: { th: 'อนุญาตให้เครื่องมือเข้าถึงเว็บไซต์ (หรือใช้ --render) แล้วสแกนใหม่', en: 'allow the crawler (or try --render) and scan again' },
      }
    : {
        reason: { th: `เข้าถึงเว็บไซต์ไม่ได้${err} จึงยังไม่ได้ตรวจข้อนี้`, en: `the site could not be reached${err}; this item was not checked` },
        fix: { th: 'ตรวจสอบว่าเว็บไซต์เปิดได้ แล้วสแกนใหม่', en: 'make sure the site is up, then scan again' },
      };
}

export function notFound(item: Item, pages: number, crawlIncomplete: boolean): Hint {
  const partial = crawlIncomplete
    ? { th: ' (การสำรวจหยุดก่อนครบทุกหน้า อาจมีข้อมูลในหน้าที่ยังไม่ได้เปิด)', en: ' (the crawl stopped early: it may be on a page not yet visited)' }
    : { th: '', en: '' };
  return {
    reason: {
      th: `ไม่พบข้อมูล "${item.title.th}" ในเว็บไซต์ (ตรวจ ${pages} หน้า)${partial.th}`,
      en: `"${item.title.en}" was not found on the site (${pages} pages checked)${partial.en}`,
    },
    fix: {
      th: `เผยแพร่ "${item.title.th}" บนเว็บไซต์หลัก และใส่ลิงก์ไว้ในหน้า ITA/OIT ที่ข้อ ${item.id} (หากเผยแพร่แล้ว อาจใช้ชื่อที่เครื่องมือไม่รู้จัก: ตรวจด้วยตนเอง)`,
      en: `publish "${item.title.en}" on the main website and link it from the ITA/OIT page under ${item.id} (if it is already published under other words, check by hand)`,
    },
  };
}

function deadWhy(c: Candidate): LocalizedText {
  const r = c.resolved;
  if (r.type === 'dead') {
    const href = r.why === 'empty' ? '(ว่าง)' : r.url.slice(0, 60);
    return { th: `ลิงก์ไม่ได้ชี้ไปที่ใด (${href})`, en: `the link goes nowhere (${r.why === 'empty' ? 'empty href' : r.url.slice(0, 60)})` };
  }
  if (r.type === 'failed') {
    const code = r.failure.status ? ` ${r.failure.status}` : '';
    return { th: `ลิงก์เสีย (${r.failure.kind}${code})`, en: `the link is broken (${r.failure.kind}${code})` };
  }
  return { th: 'ลิงก์ใช้งานไม่ได้', en: 'the link does not work' };
}

export function placeholder(item: Item, c: Candidate): Hint {
  return {
    reason: {
      th: `หน้าของข้อ ${item.id} (${c.url}) แจ้งว่ายังอยู่ระหว่างจัดทำ: ยังไม่มีข้อมูลเผยแพร่`,
      en: `the ${item.id} page (${c.url}) says its content is still being prepared: nothing is published yet`,
    },
    fix: {
      th: `เผยแพร่ "${item.title.th}" ในหน้า ${c.url} แทนข้อความ "อยู่ระหว่างจัดทำ"`,
      en: `publish "${item.title.en}" on ${c.url} in place of the "being prepared" notice`,
    },
  };
}

export function deadLink(item: Item, c: Candidate, alternative?: string): Hint {
  const why = deadWhy(c);
  const on = c.foundOn ? ` ${c.foundOn}` : '';
  const alt = alternative
    ? { th: ` (หน้าที่อาจมีข้อมูลนี้: ${alternative})`, en: ` (a page that may hold it: ${alternative})` }
    : { th: '', en: '' };
  return {
    reason: { th: `พบเพียงลิงก์ที่ใช้งานไม่ได้สำหรับข้อ ${item.id}: ${why.th}`, en: `only a dead link for ${item.id}: ${why.en}` },
    fix: {
      th: `แก้ลิงก์ของข้อ ${item.id} ในหน้า${on} ให้ชี้ไปยังหน้าหรือเอกสาร "${item.title.th}" ที่เปิดได้${alt.th}`,
      en: `fix the ${item.id} link on${on || ' the page'} so it opens the "${item.title.en}" page or document${alt.en}`,
    },
  };
}

export function passed(judged: Judged[], c: Candidate): Hint {
  return {
    reason: { th: `ครบทุกองค์ประกอบ (${judged.length} ข้อ) ที่ ${c.url}`, en: `all ${judged.length} components found at ${c.url}` },
    fix: { th: 'ไม่ต้องแก้ไข ใช้ URL นี้กรอกในระบบ ITAS', en: 'nothing to fix; enter this URL in ITAS' },
  };
}

export function partial(judged: Judged[], c: Candidate): Hint {
  const failing = judged.filter((j) => j.outcome.status === 'fail' || j.outcome.status === 'not-checked');
  return {
    reason: {
      th: `พบข้อมูลที่ ${c.url} แต่ยังขาด: ${list(failing.map((j) => `${j.component.text.th} (${j.outcome.detail.th})`))}`,
      en: `found at ${c.url} but missing: ${list(failing.map((j) => `${j.component.text.en} (${j.outcome.detail.en})`))}`,
    },
    fix: c.resolved.type === 'external'
      ? {
          th: `ลิงก์ของข้อนี้ชี้ไปยังเว็บภายนอก (${c.url}); เผยแพร่บนเว็บไซต์หลักให้ครบ: ${list(failing.map((j) => j.component.text.th))}`,
          en: `the item links off-site (${c.url}); publish on the main website: ${list(failing.map((j) => j.component.text.en))}`,
        }
      : {
          th: `เพิ่มในหน้า ${placeOf(c)}: ${list(failing.map((j) => j.component.text.th))}`,
          en: `add to ${placeOf(c)}: ${list(failing.map((j) => j.component.text.en))}`,
        },
  };
}

export function wrongYear(item: Item, judged: Judged[], c: Candidate, found: number[], fiscalYear: number): Hint {
  const j = judged.find((x) => x.outcome.wrongYear);
  const window = j?.component.check.kind === 'fiscal-year' ? j.component.check.window : item.window ?? 'current';
  const want = window === 'previous' ? fiscalYear - 1 : fiscalYear;
  const wantText = window === 'first-half'
    ? { th: `รอบ 6 เดือนแรกของปีงบประมาณ พ.ศ. ${want}`, en: `the first six months of fiscal year ${want}` }
    : { th: `ปีงบประมาณ พ.ศ. ${want}`, en: `fiscal year ${want}` };
  return {
    reason: {
      th: `ปีไม่ตรง: ข้อมูลที่ ${c.url} เป็นของปี ${found.join(', ')} ไม่ใช่${wantText.th}`,
      en: `wrong fiscal year: the evidence at ${c.url} is from ${found.join(', ')}, not ${wantText.en}`,
    },
    fix: {
      th: `เพิ่มเอกสาร${wantText.th} ในหน้า ${placeOf(c)}`,
      en: `add the ${wantText.en} document to ${placeOf(c)}`,
    },
  };
}

export function manual(judged: Judged[], c: Candidate): Hint {
  const manualOnes = judged.filter((j) => j.outcome.status === 'manual');
  const unreadable = manualOnes.some((j) => j.outcome.unreadable?.length);
  const external = c.resolved.type === 'external';
  const fix: LocalizedText = unreadable || external
    ? {
        th: `ตรวจด้วยตนเอง: ${list(manualOnes.map((j) => j.component.text.th))} — ควรเผยแพร่เป็นหน้าเว็บหรือไฟล์ PDF ที่มีข้อความบนเว็บไซต์หลัก แทนลิงก์ภายนอกหรือภาพสแกน`,
        en: `check by hand: ${list(manualOnes.map((j) => j.component.text.en))} — better publish a web page or a text PDF on the main site instead of an external link or a scan`,
      }
    : {
        th: `ตรวจด้วยตนเอง: ${list(manualOnes.map((j) => j.component.text.th))}`,
        en: `check by hand: ${list(manualOnes.map((j) => j.component.text.en))}`,
      };
  return {
    reason: {
      th: `องค์ประกอบที่ตรวจได้ผ่านทั้งหมดที่ ${c.url} แต่ต้องตรวจด้วยตนเอง: ${list(manualOnes.map((j) => j.outcome.detail.th))}`,
      en: `every checkable component holds at ${c.url}, but some need a person: ${list(manualOnes.map((j) => j.outcome.detail.en))}`,
    },
    fix,
  };
}
