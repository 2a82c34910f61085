// Runs the history and diff commands as the real CLI does (commander + UserError → one line),
// without loading the scan pipeline: lets these tests run as child processes.
import { Command, CommanderError } from 'commander';
import { UserError, oneLine } from '../../src/util/errors.ts';
import { registerHistoryCommand } from '../../cli/commands/history.ts';
import { registerDiffCommand } from '../../cli/commands/diff.ts';

const program = new Command().name('oit-audit').exitOverride();
registerHistoryCommand(program);
registerDiffCommand(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode;
  else if (error instanceof UserError) {
    process.stderr.write(`oit-audit: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`oit-audit: internal error: ${oneLine(error)}\n`);
    process.exitCode = 1;
  }
}
