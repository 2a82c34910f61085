// manual: a crawler cannot verify this (a signature, legal adequacy): always manual, with the reason.
import type { CheckModule } from './context.ts';

export const manualCheck: CheckModule<'manual'> = {
  kind: 'manual',
  readsText: false,
  run(check, ctx) {
    return {
      status: 'manual',
      detail: { th: `ตรวจด้วยตนเอง: ${check.reason.th}`, en: `verify by hand: ${check.reason.en}` },
      url: ctx.evidence.url,
    };
  },
};
