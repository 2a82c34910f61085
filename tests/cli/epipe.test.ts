// `oit-audit … | head`: when the reader goes away the CLI stops quietly, no EPIPE stack trace.
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'bin.mjs');

describe('closed stdout', () => {
  it('exits without a stack trace when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [CLI, 'checklist', 'show', 'ita-2566'], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.destroy(); // the reader is gone before the first write
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});
