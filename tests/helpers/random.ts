// Seeded randomness for property tests: the same cases on every run, so a failure can be replayed.

/** a linear congruential generator in [0, 1) */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** 1 to `most` of `pieces`, drawn at random and joined */
export function randomJoin(random: () => number, pieces: readonly string[], most: number): string {
  let out = '';
  const n = 1 + Math.floor(random() * most);
  for (let k = 0; k < n; k++) out += pieces[Math.floor(random() * pieces.length)];
  return out;
}
