// A cross-process lock file: create `<file>.lock` with O_EXCL; whoever creates it owns the lock.
// A lock left behind by a crashed process is taken over once it is older than `staleMs`
// (or its owner pid on this host is gone).
import { mkdir, open, readFile, rm, stat, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { UserError } from '../util/errors.ts';

export interface LockOptions {
  /** a lock older than this is considered abandoned (ms) */
  staleMs?: number;
  /** give up waiting after this long (ms) */
  timeoutMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  time: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const s = await stat(lockPath);
    if (Date.now() - s.mtimeMs > staleMs) return true;
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    return owner.host === hostname() && typeof owner.pid === 'number' && !pidAlive(owner.pid);
  } catch {
    // vanished, or half-written by its owner a moment ago: not stale, just retry
    return false;
  }
}

/** Runs `fn` while holding `<path>.lock`. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const lockPath = `${path}.lock`;
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), time: new Date().toISOString() };
  const deadline = Date.now() + timeoutMs;
  let wait = 5;
  await mkdir(dirname(path), { recursive: true }).catch((error: Error) => {
    throw new UserError(`cannot create the folder for ${path}: ${error.message}`);
  });
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new UserError(`cannot create lock file ${lockPath}: ${(error as Error).message}`);
    }
    if (await isStale(lockPath, staleMs)) {
      // Move the stale lock aside under a unique name first, so two waiters cannot both delete
      // a fresh lock that a third process has just created.
      const aside = `${lockPath}.stale-${randomBytes(4).toString('hex')}`;
      try {
        await rename(lockPath, aside);
        await rm(aside, { force: true });
      } catch {
        /* someone else took it over */
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new UserError(`${path} is locked by another oit-audit process (remove ${lockPath} if no other run is active)`);
    }
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await fn();
  } finally {
    await releaseLock(lockPath, owner.token);
  }
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  try {
    const current = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (current.token !== token) return; // taken over as stale: not ours to remove
  } catch {
    return;
  }
  await rm(lockPath, { force: true });
}
