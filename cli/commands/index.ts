// Every sub-command lives in its own module and registers itself here. Only the module of the
// command being run is imported (each pulls in a different part of the tool: Ink, Chromium,
// exceljs …), so `oit-audit checklist list` does not pay for loading the crawler.
import type { Command } from 'commander';

type Registrar = (program: Command) => void;

const COMMANDS: Record<string, () => Promise<Registrar>> = {
  scan: async () => (await import('./scan.ts')).registerScanCommand,
  rescore: async () => (await import('./rescore.ts')).registerRescoreCommand,
  crawl: async () => (await import('./crawl.ts')).registerCrawlCommand,
  checklist: async () => (await import('./checklist.ts')).registerChecklistCommand,
  history: async () => (await import('./history.ts')).registerHistoryCommand,
  diff: async () => (await import('./diff.ts')).registerDiffCommand,
  batch: async () => (await import('./batch.ts')).registerBatchCommand,
};

export async function registerCommands(program: Command, argv: readonly string[]): Promise<void> {
  const requested = argv.slice(2).find((a) => !a.startsWith('-'));
  const names = requested && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(program);
}
