// Typed progress events. The crawler emits them; the Ink UI and the plain logger only listen.
import type { FailureKind, SkipReason, StopReason } from '../snapshot/schema.ts';
import type { ItemStatus } from '../audit/result.ts';

export type CrawlEvent =
  | { type: 'crawl:start'; startUrl: string; maxPages: number; render: 'never' | 'auto' | 'always' }
  | { type: 'browser:missing'; message: string }
  | { type: 'page:start'; url: string; depth: number }
  | { type: 'page:done'; url: string; status: number; via: 'http' | 'browser'; pagesDone: number; queued: number; documentsDone: number }
  | { type: 'document:done'; url: string; kind: string; textStatus: string; documentsDone: number }
  | { type: 'hub:found'; url: string }
  | { type: 'url:failed'; url: string; kind: FailureKind; message: string }
  | { type: 'url:skipped'; url: string; reason: SkipReason }
  | { type: 'crawl:done'; pages: number; documents: number; failures: number; skipped: number; stoppedBecause: StopReason };

/** Emitted by the scan command when a re-audit of the partial snapshot settles an item. */
export type AuditEvent = { type: 'item:status'; id: string; status: ItemStatus };

export type ScanEvent = CrawlEvent | AuditEvent;
export type ScanEventListener = (event: ScanEvent) => void;
