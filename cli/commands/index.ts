// Every sub-command lives in its own module and registers itself here.
import type { Command } from 'commander';
import { registerScanCommand } from './scan.ts';
import { registerRescoreCommand } from './rescore.ts';

export function registerCommands(program: Command): void {
  registerScanCommand(program);
  registerRescoreCommand(program);
}
