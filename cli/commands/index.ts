// Every sub-command lives in its own module and registers itself here.
import type { Command } from 'commander';
import { registerScanCommand } from './scan.ts';
import { registerRescoreCommand } from './rescore.ts';
import { registerHistoryCommand } from './history.ts';
import { registerDiffCommand } from './diff.ts';
import { registerBatchCommand } from './batch.ts';
import { registerCrawlCommand } from './crawl.ts';
import { registerChecklistCommand } from './checklist.ts';

export function registerCommands(program: Command): void {
  registerScanCommand(program);
  registerRescoreCommand(program);
  registerHistoryCommand(program);
  registerDiffCommand(program);
  registerBatchCommand(program);
  registerCrawlCommand(program);
  registerChecklistCommand(program);
}
