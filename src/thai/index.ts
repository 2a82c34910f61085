export * from './normalize.ts';
export * from './era.ts';
export * from './dates.ts';
export * from './years.ts';
export * from './fiscal-year.ts';
