// document: at least `min` documents (pdf, doc, xls, ppt, image) are linked, or the evidence is one.
import type { CheckModule } from './context.ts';
import { notFound, passed } from './helpers.ts';
import { documentsOf } from './documents-of.ts';

export const documentCheck: CheckModule<'document'> = {
  kind: 'document',
  readsText: false,
  run(check, ctx) {
    const all = documentsOf(ctx, check.scope);
    // a Drive file's kind is unknown: it counts only when any kind will do
    const docs = check.types ? all.filter((d) => (check.types as string[]).includes(d.kind)) : all;
    const kinds = check.types ? check.types.join('/') : '';
    if (docs.length >= check.min) {
      return passed(
        { th: `พบเอกสาร ${docs.length} ไฟล์`, en: `found ${docs.length} document(s)` },
        docs[0]!.on,
        docs.slice(0, 3).map((d) => `${d.label} ${d.url}`.trim()).join(' | ').slice(0, 200),
      );
    }
    return notFound(
      ctx.sources(check.scope),
      docs.length === 0
        ? { th: `ไม่พบเอกสาร${kinds ? ` (${kinds})` : ''}ที่เผยแพร่`, en: `no ${kinds ? `${kinds} ` : ''}document published` }
        : { th: `พบเอกสารเพียง ${docs.length} ไฟล์ (ต้องมีอย่างน้อย ${check.min})`, en: `only ${docs.length} document(s), at least ${check.min} needed` },
      // an unreadable document is still counted as one: it hides nothing here
      false,
    );
  },
};
