// One `npm start` per embedded data folder. PGlite is PostgreSQL in this
// process, not a server: two processes opening the same data folder would
// each believe they own its files, and their writes would corrupt it. The
// lock is a file naming the process that holds the folder; a lock left by a
// process that no longer runs (killed, power cut) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type DataLock = { release(): void };

type Holder = { pid: number; host: string; port?: number; startedAt?: string };

export class DataFolderInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    super(
      `Partner Center is already running on the embedded database in ${dataDir} ` +
        `(process ${holder.pid}${holder.port ? `, port ${holder.port}` : ''}` +
        `${holder.startedAt ? `, started ${holder.startedAt}` : ''}). ` +
        'Two processes must not open one data folder: stop the other one first (Ctrl+C where it runs), ' +
        'or set PC_DATA_DIR to another folder.',
    );
  }
}

export function lockFile(dataDir: string): string {
  return path.join(dataDir, 'portal.lock');
}

/** Takes the data folder for this process, or throws DataFolderInUse. Released on exit. */
export function lockDataFolder(dataDir: string, info: { port: number }): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFile(dataDir);
  const me: Holder = { pid: process.pid, host: os.hostname(), port: info.port, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx': created by exactly one of two processes starting at once.
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && holderRuns(holder)) throw new DataFolderInUse(dataDir, holder);
    // Left by a process that is gone (or half-written by one killed while writing it).
    rmSync(file, { force: true });
  }
  throw new Error(`Could not take the lock ${file}: another process keeps taking it.`);
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return Number.isSafeInteger(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

/** True when the lock's process still runs (on another host we cannot tell: assume it does). */
function holderRuns(holder: Holder): boolean {
  if (holder.host !== os.hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A process id is reused after its process ended: only a Node process can hold the lock.
  try {
    return /node/.test(readFileSync(`/proc/${holder.pid}/cmdline`, 'utf8'));
  } catch {
    return true; // not Linux: trust the signal check
  }
}
