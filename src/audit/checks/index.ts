// The check registry: one module per component check kind. Adding a kind to the checklist schema
// without a module here is a type error.
import type { Check, CheckKind } from '../../checklist/schema.ts';
import type { CheckContext, CheckModule, CheckOutcome } from './context.ts';
import { keywordCheck } from './keyword.ts';
import { fiscalYearCheck } from './fiscal-year.ts';
import { phoneCheck } from './phone.ts';
import { faxCheck } from './fax.ts';
import { emailCheck } from './email.ts';
import { addressCheck } from './address.ts';
import { mapCheck } from './map.ts';
import { socialLinkCheck } from './social-link.ts';
import { linkToHostCheck } from './link-to-host.ts';
import { twoWayChannelCheck } from './two-way-channel.ts';
import { onlineServiceCheck } from './online-service.ts';
import { corruptionChannelCheck } from './corruption-channel.ts';
import { documentCheck } from './document.ts';
import { imageCheck } from './image.ts';
import { qrCodeCheck } from './qr-code.ts';
import { minCountCheck } from './min-count.ts';
import { bilingualCheck } from './bilingual.ts';
import { manualCheck } from './manual.ts';

export const CHECKS: { [K in CheckKind]: CheckModule<K> } = {
  keyword: keywordCheck,
  'fiscal-year': fiscalYearCheck,
  phone: phoneCheck,
  fax: faxCheck,
  email: emailCheck,
  address: addressCheck,
  map: mapCheck,
  'social-link': socialLinkCheck,
  'link-to-host': linkToHostCheck,
  'two-way-channel': twoWayChannelCheck,
  'online-service': onlineServiceCheck,
  'corruption-channel': corruptionChannelCheck,
  document: documentCheck,
  image: imageCheck,
  'qr-code': qrCodeCheck,
  'min-count': minCountCheck,
  bilingual: bilingualCheck,
  manual: manualCheck,
};

/** run one component's check on a context */
export function runCheck(check: Check, ctx: CheckContext): CheckOutcome {
  const module = CHECKS[check.kind] as CheckModule;
  return module.run(check as never, ctx);
}

export type { CheckContext, CheckModule, CheckOutcome } from './context.ts';
export { makeContext } from './context.ts';
