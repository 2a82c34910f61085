import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../src/version.ts';
import { UserError, oneLine } from '../src/util/errors.ts';
import { registerCommands } from './commands/index.ts';

// `oit-audit … | head`: the reader went away; stop quietly instead of throwing EPIPE
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

const program = new Command();
program
  .name('oit-audit')
  .description('Audit a Thai agency website against the NACC ITA/OIT disclosure checklist (แบบวัดการเปิดเผยข้อมูลสาธารณะ)')
  .version(TOOL_VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

await registerCommands(program, process.argv);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof UserError) {
    process.stderr.write(`oit-audit: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`oit-audit: internal error: ${oneLine(error)}${process.env.OIT_AUDIT_DEBUG ? '' : ' (set OIT_AUDIT_DEBUG=1 for details)'}\n`);
    if (process.env.OIT_AUDIT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  }
}
