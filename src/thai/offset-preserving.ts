/**
 * Replace Thai and full-width digits and invisible characters one for one, so offsets found in the
 * prepared text are offsets in the original (used by the date and year finders).
 */
export function foldDigitsKeepingOffsets(text: string): string {
  return text.replace(/[\u0e50-\u0e59\uff01-\uff5e\u00a0\u200b-\u200d\u2060\ufeff\u00ad]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x0e50 && code <= 0x0e59) return String(code - 0x0e50);
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
    return ' ';
  });
}
