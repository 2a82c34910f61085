// image: at least `min` images (or image / PDF documents) whose alt, file name, OCR text or nearby
// text (the page's title/headings, the link around it) has one of `any` — e.g. an org chart.
import type { Image } from '../../snapshot/schema.ts';
import type { CheckModule } from './context.ts';
import { notFound, passed } from './helpers.ts';
import { documentsOf } from './documents-of.ts';

/** logos, icons, banners and buttons are page furniture, not evidence */
const DECORATIVE = /logo|icon|banner|spacer|button|btn|arrow|bullet|bg[-_.]|background|loading|facebook|line[-_.]|youtube|twitter|instagram|tiktok|qr|flag|avatar|emoji|\.svg(\?|$)/i;

function decodedName(src: string): string {
  try {
    return decodeURIComponent(src.split('?')[0]!.split('/').pop() ?? '');
  } catch {
    return src;
  }
}

export const imageCheck: CheckModule<'image'> = {
  kind: 'image',
  readsText: true,
  run(check, ctx) {
    const compact = ctx.index.compact;
    const words = (check.any ?? []).map(compact).filter(Boolean);
    const matches = (text: string) => words.length === 0 || words.some((w) => compact(text).includes(w));
    const hits = new Map<string, { url: string; on: string; label: string }>();
    for (const s of ctx.sources(check.scope)) {
      if (s.kind !== 'page') continue;
      // the page names what its images show ("แผนผังโครงสร้าง")
      const pageNamed = words.length > 0 && matches(`${s.title}\n${s.headings.join('\n')}`);
      const linkText = new Map(s.links.map((l) => [l.url, `${l.text} ${l.context}`]));
      for (const img of s.images as Image[]) {
        const own = `${img.alt} ${decodedName(img.src)} ${img.ocrText ?? ''} ${img.href ? linkText.get(img.href) ?? '' : ''}`;
        const decorative = DECORATIVE.test(img.src) && !matches(own);
        if (decorative || img.qr) continue;
        if ((words.length > 0 && matches(own)) || pageNamed || words.length === 0) {
          hits.set(img.src, { url: img.src, on: s.url, label: img.alt || decodedName(img.src) });
        }
      }
    }
    for (const d of documentsOf(ctx, check.scope)) {
      if (d.kind !== 'image' && d.kind !== 'pdf') continue;
      const text = `${d.label} ${decodedName(d.url)} ${d.source?.readable ? d.source.text.slice(0, 2000) : ''}`;
      if (words.length > 0 ? matches(text) : d.kind === 'image') hits.set(d.url, { url: d.url, on: d.on, label: d.label || decodedName(d.url) });
    }
    const found = [...hits.values()];
    if (found.length >= check.min) {
      return passed(
        { th: `พบภาพ ${found.length} ภาพ`, en: `found ${found.length} matching image(s)` },
        found[0]!.on,
        found.slice(0, 3).map((f) => `${f.label} ${f.url}`.trim()).join(' | ').slice(0, 200),
      );
    }
    const what = check.any ? ` (${check.any.slice(0, 3).join(', ')})` : '';
    return notFound(
      ctx.sources(check.scope),
      { th: `ไม่พบภาพ${what} อย่างน้อย ${check.min} ภาพ`, en: `fewer than ${check.min} matching image(s)${what}` },
      true,
    );
  },
};
