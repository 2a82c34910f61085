import { describe, expect, it } from 'vitest';
import { beToCe, ceToBe, expandYear } from '../../src/thai/index.ts';

describe('Buddhist era', () => {
  it('converts BE ↔ CE', () => {
    expect(beToCe(2566)).toBe(2023);
    expect(ceToBe(2023)).toBe(2566);
    expect(ceToBe(beToCe(2569))).toBe(2569);
  });

  it('expands short BE years, converts CE years and keeps BE years', () => {
    expect(expandYear(65)).toBe(2565);
    expect(expandYear(6)).toBe(2506);
    expect(expandYear(2023)).toBe(2566);
    expect(expandYear(1999)).toBe(2542);
    expect(expandYear(2566)).toBe(2566);
    expect(expandYear(2400)).toBe(2400);
  });
});
