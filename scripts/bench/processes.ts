// Child processes of the bench (the app, the bare Express route): start, wait until they answer, watch their
// memory, stop them. Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  process: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL if it has not ended after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<Child>();

/** Last resort when the bench itself dies: no child may outlive it. */
process.on('exit', () => {
  for (const child of running) child.process.kill('SIGKILL');
});

/** Starts `node <args>`; stdout and stderr are appended to logFile. */
export function spawnNode(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }): Child {
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  fs.closeSync(log); // the child holds its own copy
  if (child.pid === undefined) throw new Error(`could not start node ${args.join(' ')}`);
  let ended = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      running.delete(handle);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', () => {
      ended = true;
      running.delete(handle);
      resolve('spawn error');
    });
  });
  const handle: Child = {
    process: child,
    pid: child.pid,
    exited,
    hasExited: () => ended,
    async stop(graceMs = 15_000) {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(handle);
  return handle;
}

/**
 * Polls `url` every 10 ms until it answers with `status`; returns the milliseconds since `since`.
 * Fails early when the child exits, and after `timeoutMs`.
 */
export async function waitForStatus(
  url: string,
  options: { child: Child; since: number; timeoutMs: number; status?: number },
): Promise<number> {
  const wanted = options.status ?? 200;
  const deadline = options.since + options.timeoutMs;
  let last = 'no answer';
  while (performance.now() < deadline) {
    if (options.child.hasExited()) throw new Error(`process ended before ${url} answered (exit ${await options.child.exited})`);
    try {
      const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === wanted) return performance.now() - options.since;
      last = `status ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(10);
  }
  throw new Error(`${url} did not answer with ${wanted} within ${options.timeoutMs / 1000} s (${last})`);
}


/** Resident memory of a process in MB (Linux /proc); undefined where there is no /proc. */
export function residentMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples the RSS every 100 ms; stop() returns the highest value seen. */
export function watchPeakMemory(pid: number): { stop(): number | undefined } {
  let peak: number | undefined;
  const sample = () => {
    const mb = residentMb(pid);
    if (mb !== undefined && (peak === undefined || mb > peak)) peak = mb;
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

/** The last lines of a log file, for error messages. */
export function logTail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(kein Log)';
  }
}

interface ProcessSample {
  ppid: number;
  name: string;
  /** utime + stime in clock ticks (100 per second on Linux). */
  ticks: number;
}

function processTable(): Map<number, ProcessSample> {
  const table = new Map<number, ProcessSample>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return table; // not Linux
  }
  for (const pid of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(pid), { ppid: Number(fields[1]), name, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // ended in between
    }
  }
  return table;
}

/** CPU used by other programs while the bench ran, in percent of one core, and who used most of it. */
export interface ForeignLoad {
  percent: number;
  /** Up to three process names with their share, e.g. [["node", 55], ["postgres", 8]]. */
  top: [string, number][];
}

/**
 * Measures how much CPU other programs on the machine use while the bench runs (another developer's tests, a
 * build …): every process that is neither a descendant of `ownRoots()` nor matched by `isOwn`. Sampled every
 * second, so short-lived processes count too. stop() returns undefined without /proc.
 */
export function watchForeignLoad(ownRoots: () => number[], isOwn: (name: string) => boolean = () => false) {
  const started = performance.now();
  let previous = processTable();
  const ticksByName = new Map<string, number>();
  const sample = () => {
    const current = processTable();
    const roots = new Set(ownRoots());
    const own = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 50; hops++) {
        if (roots.has(p)) return true;
        p = current.get(p)?.ppid ?? 0;
      }
      return false;
    };
    for (const [pid, now] of current) {
      if (own(pid) || isOwn(now.name)) continue;
      const ticks = now.ticks - (previous.get(pid)?.ticks ?? 0); // a new process: all its time is in this window
      if (ticks > 0) ticksByName.set(now.name, (ticksByName.get(now.name) ?? 0) + ticks);
    }
    previous = current;
  };
  const timer = setInterval(sample, 1_000);
  return {
    stop(): ForeignLoad | undefined {
      clearInterval(timer);
      if (previous.size === 0) return undefined;
      sample();
      // Ticks are 1/100 s, so ticks per second are percent of one core.
      const perSecond = (ticks: number) => ticks / ((performance.now() - started) / 1000);
      const top = [...ticksByName]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, ticks]): [string, number] => [name, perSecond(ticks)]);
      return { percent: perSecond([...ticksByName.values()].reduce((a, b) => a + b, 0)), top };
    },
  };
}
