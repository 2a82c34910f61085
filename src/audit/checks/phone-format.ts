// Thai telephone numbers as agencies write them, shared by the phone and fax checks.

/** 0-2xxx-xxxx, 02 xxx xxxx, 0 xxxx xxxx, 08x-xxx-xxxx, +66 2 xxx xxxx: 9–10 digits from a leading 0 */
export const PHONE_PATTERN = /(?<![\d/])(?:\+66[\s\-.]?|\(?0)\)?(?:[\s\-.]?\d){8,9}(?![\d/])/g;

export const FAX_LABEL = /(?:โทรสาร|แฟกซ์|แฟ็กซ์|แฟ๊กซ์|fax|facsimile)/i;

export interface PhoneMatch { raw: string; index: number; digits: string }

export function findPhones(text: string): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  for (const m of text.matchAll(PHONE_PATTERN)) {
    const digits = m[0].replace(/\D/g, '');
    const national = digits.startsWith('66') ? `0${digits.slice(2)}` : digits;
    // a year or an amount never starts with 0; national numbers are 9 (land line) or 10 (mobile) digits
    if (national.length < 9 || national.length > 10 || !national.startsWith('0') || national[1] === '0') continue;
    out.push({ raw: m[0].trim(), index: m.index, digits: national });
  }
  return out;
}

/** the label just before a number, e.g. "โทรสาร" or "โทร." */
export function labelBefore(text: string, index: number, width = 24): string {
  return text.slice(Math.max(0, index - width), index);
}
