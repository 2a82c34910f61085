// Every sub-command lives in its own module and registers itself here.
import type { Command } from 'commander';

export function registerCommands(program: Command): void {
  void program;
}
