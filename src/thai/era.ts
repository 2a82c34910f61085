// Buddhist era (พ.ศ.) ↔ Common era (ค.ศ.). Thai official documents use BE; BE = CE + 543.

const BE_OFFSET = 543;

/** 2566 → 2023 */
export function beToCe(be: number): number {
  return be - BE_OFFSET;
}

/** 2023 → 2566 */
export function ceToBe(ce: number): number {
  return ce + BE_OFFSET;
}

/**
 * A year as agencies write it → a full Buddhist-era year.
 * Two digits are a short BE year (65 → 2565, as in "ต.ค. 65"); a CE year (1900–2399) is converted
 * (2023 → 2566); a BE year is kept (2566 → 2566).
 */
export function expandYear(y: number): number {
  if (y >= 0 && y < 100) return 2500 + y;
  if (y >= 1900 && y < 2400) return ceToBe(y);
  return y;
}
