import { describe, expect, it } from 'vitest';
import { checkPage, doc, link, page, runCheckOn, snapshot } from './builders.ts';

describe('keyword', () => {
  it('matches Thai text whatever the spacing, PUA glyphs or Thai digits', () => {
    expect(checkPage({ kind: 'keyword', any: ['แผนผังโครงสร้าง'] }, { text: 'แผนผัง โครง สร้าง องค์การบริหารส่วนตำบล' }).status).toBe('pass');
    expect(checkPage({ kind: 'keyword', any: ['รอบ 6 เดือน'] }, { text: 'รายงานรอบ ๖ เดือน' }).status).toBe('pass');
  });
  it('needs every `all` word, and fails with the missing word named', () => {
    const r = checkPage({ kind: 'keyword', any: ['แผนปฏิบัติการ'], all: ['งบประมาณ', 'ระยะเวลา'] }, { text: 'แผนปฏิบัติการป้องกันการทุจริต งบประมาณ 10,000 บาท' });
    expect(r.status).toBe('fail');
    expect(r.detail.th).toContain('ระยะเวลา');
  });
  it('gives a snippet of at most 200 characters around the match', () => {
    const r = checkPage({ kind: 'keyword', any: ['No Gift Policy'] }, { text: `${'ก'.repeat(500)} ประกาศเจตนารมณ์ No Gift Policy ${'ข'.repeat(500)}` });
    expect(r.status).toBe('pass');
    expect(r.snippet!.length).toBeLessThanOrEqual(200);
    expect(r.snippet).toContain('No Gift Policy');
  });
  it('reads linked PDF text (scope linked) and ignores the menu text repeated on every page', () => {
    const menu = 'หน้าหลัก\nรายงานผลการดำเนินงาน รอบ 6 เดือน';
    const pages = [1, 2, 3, 4, 5].map((n) => page(`/p${n}`, { text: `${menu}\nข่าว ${n}` }));
    const evidence = page('/evidence', { text: `${menu}\nรายงาน`, links: [link('/r.pdf', 'ดาวน์โหลด')] });
    const withPdf = snapshot({ pages: [evidence, ...pages], documents: [doc('/r.pdf', { text: 'รายงานการกำกับติดตาม รอบ 6 เดือน' })] });
    expect(runCheckOn({ kind: 'keyword', any: ['รอบ 6 เดือน'], scope: 'linked' }, withPdf, '/evidence').status).toBe('pass');
    const noPdf = snapshot({ pages: [page('/evidence', { text: `${menu}\nรายงาน` }), ...pages] });
    expect(runCheckOn({ kind: 'keyword', any: ['รอบ 6 เดือน'] }, noPdf, '/evidence').status).toBe('fail');
  });
  it('is manual, not fail, when the only document is a scan', () => {
    const snap = snapshot({ pages: [page('/evidence', { text: 'เอกสาร', links: [link('/scan.pdf', 'ดาวน์โหลด')] })], documents: [doc('/scan.pdf', { textStatus: 'no-text' })] });
    const r = runCheckOn({ kind: 'keyword', any: ['ประมวลจริยธรรม'] }, snap, '/evidence');
    expect(r.status).toBe('manual');
    expect(r.detail.en).toMatch(/scan/);
  });
});

describe('fiscal-year', () => {
  const fy = (text: string, window: 'current' | 'previous' | 'first-half' = 'current', allowRange = false) =>
    checkPage({ kind: 'fiscal-year', window, allowRange }, { text });
  it('passes on the fiscal year in Thai or Arabic digits and on Thai month names', () => {
    expect(fy('แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖').status).toBe('pass');
    expect(fy('ประกาศ ณ วันที่ 24 เมษายน 2566').status).toBe('pass');
    expect(fy('ประกาศ ณ วันที่ ๒๔ เม.ย. ๖๖').status).toBe('pass');
    expect(fy('ประกาศ 15 พฤศจิกายน 2565').status).toBe('pass'); // Nov 2565 is in FY 2566
  });
  it('fails with "wrong fiscal year" when every date is from another year', () => {
    const r = fy('แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2565\nประกาศ ณ วันที่ 1 สิงหาคม 2565');
    expect(r.status).toBe('fail');
    expect(r.wrongYear?.found).toContain(2565);
    expect(r.detail.en).toMatch(/wrong fiscal year/);
  });
  it('fails without wrong-year when no date at all is written', () => {
    const r = fy('แผนการจัดซื้อจัดจ้าง');
    expect(r.status).toBe('fail');
    expect(r.wrongYear).toBeUndefined();
  });
  it('previous window wants FY N-1', () => {
    expect(fy('รายงานผลการดำเนินงานประจำปีงบประมาณ 2565', 'previous').status).toBe('pass');
    expect(fy('รายงานผลการดำเนินงานประจำปีงบประมาณ 2566', 'previous').status).toBe('fail');
  });
  it('first-half window: 1 Oct N-1 … 31 Mar N', () => {
    expect(fy('ข้อมูลระหว่าง 1 ต.ค. 65 – 31 มี.ค. 66', 'first-half').status).toBe('pass');
    expect(fy('ผลการดำเนินงานไตรมาส 1-2/2566', 'first-half').status).toBe('pass');
    expect(fy('ข้อมูลเดือนกรกฎาคม 2566', 'first-half').status).toBe('fail');
  });
  it('a multi-year plan range counts only with allowRange', () => {
    expect(fy('แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)', 'current', true).status).toBe('pass');
    expect(fy('แผนพัฒนาท้องถิ่น (พ.ศ. 2561-2565)', 'current', true).status).toBe('fail');
    expect(fy('แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)', 'current', false).status).toBe('fail');
  });
  it('a copyright footer or an "ITA 2566" menu label does not make wrong-year evidence pass', () => {
    const r = fy('เมนู ITA 2566\nรายงานประจำปีงบประมาณ 2564\n© 2566 อบต.ตัวอย่าง สงวนลิขสิทธิ์');
    expect(r.status).toBe('fail');
    expect(r.wrongYear?.found).toEqual([2564]);
  });
  it('a page whose linked documents are all from another year fails', () => {
    const snap = snapshot({
      pages: [page('/evidence', { title: 'แผนการจัดซื้อจัดจ้าง', text: 'แผนการจัดซื้อจัดจ้าง', links: [link('/plan65.pdf', 'ดาวน์โหลด')] })],
      documents: [doc('/plan65.pdf', { text: 'แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๕' })],
    });
    const r = runCheckOn({ kind: 'fiscal-year', window: 'current' }, snap, '/evidence');
    expect(r.status).toBe('fail');
    expect(r.wrongYear?.found).toEqual([2565]);
  });
});

describe('document', () => {
  it('counts linked documents (crawled, uncrawled, Drive) and the evidence itself', () => {
    const links = [link('/a.pdf', 'ก'), link('/b.docx', 'ข'), link('https://drive.google.com/file/d/abc/view', 'ค'), link('/page', 'หน้า')];
    const snap = snapshot({ pages: [page('/evidence', { links }), page('/page')], documents: [doc('/a.pdf', { text: 'x' })] });
    expect(runCheckOn({ kind: 'document', min: 3 }, snap, '/evidence').status).toBe('pass');
    expect(runCheckOn({ kind: 'document', min: 4 }, snap, '/evidence').status).toBe('fail');
    expect(runCheckOn({ kind: 'document', types: ['pdf'], min: 2 }, snap, '/evidence').status).toBe('fail');
    expect(runCheckOn({ kind: 'document' }, snap, '/a.pdf').status).toBe('pass');
  });
  it('does not count broken document links', () => {
    const snap = snapshot({
      pages: [page('/evidence', { links: [link('/gone.pdf', 'ดาวน์โหลด')] })],
      failures: [{ url: 'http://127.0.0.1:8080/gone.pdf', kind: 'http-404', status: 404, message: '', attempts: 1 }],
    });
    expect(runCheckOn({ kind: 'document' }, snap, '/evidence').status).toBe('fail');
  });
});

describe('image', () => {
  it('finds an org chart by alt text or file name, not a logo', () => {
    expect(checkPage({ kind: 'image', any: ['แผนผัง', 'โครงสร้าง', 'chart'] }, { images: [{ src: 'http://127.0.0.1:8080/logo.png', alt: 'โลโก้' }] }).status).toBe('fail');
    expect(checkPage({ kind: 'image', any: ['แผนผัง', 'โครงสร้าง', 'chart'] }, { images: [{ src: 'http://127.0.0.1:8080/img/org-chart.jpg', alt: '' }] }).status).toBe('pass');
    expect(checkPage({ kind: 'image', any: ['โครงสร้าง'] }, { images: [{ src: 'http://127.0.0.1:8080/u/1.jpg', alt: 'โครงสร้างส่วนราชการ' }] }).status).toBe('pass');
  });
  it('takes the page title as the image\'s nearby text', () => {
    expect(checkPage({ kind: 'image', any: ['โครงสร้าง'] }, { title: 'โครงสร้างองค์กร', images: [{ src: 'http://127.0.0.1:8080/u/1.jpg', alt: '' }] }).status).toBe('pass');
  });
});

describe('qr-code', () => {
  const itas = 'https://itas.nacc.go.th/go/eit/abc123';
  it('passes when a decoded QR points at itas.nacc.go.th', () => {
    const r = checkPage({ kind: 'qr-code', hosts: ['itas.nacc.go.th'] }, { images: [{ src: 'http://127.0.0.1:8080/qr.png', alt: 'EIT', qr: itas }] });
    expect(r.status).toBe('pass');
    expect(r.snippet).toBe(itas);
  });
  it('fails when the QR points at another host', () => {
    const r = checkPage({ kind: 'qr-code', hosts: ['itas.nacc.go.th'] }, { images: [{ src: 'http://127.0.0.1:8080/qr.png', alt: 'QR', qr: 'https://www.example.com/' }] });
    expect(r.status).toBe('fail');
    expect(r.detail.en).toContain('www.example.com');
  });
  it('reads QR payloads of linked image documents; an undecodable QR image is manual', () => {
    const snap = snapshot({ pages: [page('/evidence', { links: [link('/eit.png', 'QR code แบบวัด EIT')] })], documents: [doc('/eit.png', { kind: 'image', qr: [itas] })] });
    expect(runCheckOn({ kind: 'qr-code', hosts: ['itas.nacc.go.th'] }, snap, '/evidence').status).toBe('pass');
    expect(checkPage({ kind: 'qr-code', hosts: ['itas.nacc.go.th'] }, { images: [{ src: 'http://127.0.0.1:8080/qr-eit.png', alt: 'QR code' }] }).status).toBe('manual');
  });
});

describe('min-count', () => {
  const news = [
    link('/n1', 'ประชุมประชาคม 12 ม.ค. 2566'),
    link('/n2', 'มอบถุงยังชีพ', { context: 'มอบถุงยังชีพ ๓ ก.พ. ๖๖' }),
    link('/n3', 'กิจกรรมวันเด็ก 14 มกราคม 2566'),
    link('/n4', 'ข่าวเก่า 5 มิถุนายน 2564'),
  ];
  it('counts dated entries, and only those in the window when asked', () => {
    expect(checkPage({ kind: 'min-count', of: 'dated-entries', min: 4 }, { links: news }).status).toBe('pass');
    expect(checkPage({ kind: 'min-count', of: 'dated-entries', min: 3, window: 'current' }, { links: news }).status).toBe('pass');
    const r = checkPage({ kind: 'min-count', of: 'dated-entries', min: 4, window: 'current' }, { links: news });
    expect(r.status).toBe('fail');
    expect(r.detail.en).toContain('only 3');
  });
  it('counts links and images', () => {
    expect(checkPage({ kind: 'min-count', of: 'links', min: 4 }, { links: news }).status).toBe('pass');
    expect(checkPage({ kind: 'min-count', of: 'images', min: 2 }, { images: [{ src: 'http://127.0.0.1:8080/a.jpg', alt: '' }] }).status).toBe('fail');
  });
});

describe('bilingual', () => {
  const thai = 'ประกาศเจตนารมณ์ นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ของนายกองค์การบริหารส่วนตำบล';
  it('needs both the Thai text and the English words', () => {
    expect(checkPage({ kind: 'bilingual', en: ['hereby declare', 'No Gift Policy'] }, { text: thai }).status).toBe('pass');
    const r = checkPage({ kind: 'bilingual', en: ['hereby declare'] }, { text: thai });
    expect(r.status).toBe('fail');
    expect(r.detail.en).toMatch(/English/);
    expect(checkPage({ kind: 'bilingual', en: ['hereby declare'] }, { text: 'I hereby declare the No Gift Policy.' }).status).toBe('fail');
  });
});

describe('manual', () => {
  it('is always manual, with the reason', () => {
    const r = checkPage({ kind: 'manual', reason: { th: 'ลายมือชื่อผู้บริหาร', en: 'the executive\'s signature' } }, { text: 'ลงชื่อ นายก' });
    expect(r.status).toBe('manual');
    expect(r.detail.en).toContain('signature');
  });
});

describe('OCR text', () => {
  it('text read from an image (--ocr) counts for keyword checks; from a PDF too', () => {
    const images = [{ src: 'http://127.0.0.1:8080/org.jpg', alt: '', ocrText: 'นายก อบต. ปลัด อบต. สำนักปลัด กองคลัง กองช่าง' }];
    expect(checkPage({ kind: 'keyword', any: ['กองคลัง'] }, { images }).status).toBe('pass');
    const snap = snapshot({ pages: [page('/evidence', { links: [link('/scan.pdf', 'ดาวน์โหลด')] })], documents: [doc('/scan.pdf', { textStatus: 'ocr', text: 'ประมวลจริยธรรมของพนักงานส่วนตำบล' })] });
    expect(runCheckOn({ kind: 'keyword', any: ['ประมวลจริยธรรม'] }, snap, '/evidence').status).toBe('pass');
  });
});
