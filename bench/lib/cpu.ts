import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent in a measured window: by this process (the server under test runs in it) and by the PostgreSQL
 * backends serving the benchmark's database. PostgreSQL's backends are found through /proc by their process title
 * (`postgres: … <user> <database> <client> …`), which works when the database server runs on this machine and
 * /proc is readable — otherwise its share is reported as unknown.
 */

export interface CpuSample {
  processMs: number;
  /** CPU milliseconds by backend process id; null when /proc cannot tell. */
  postgresMs: Map<number, number> | null;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a process, from the fields after the parenthesised command name of /proc/<pid>/stat. */
function processCpuMs(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / clockTicks() : null;
  } catch {
    return null;
  }
}

function postgresBackends(databaseName: string): Map<number, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const backends = new Map<number, number>();
  for (const pid of pids) {
    let title: string;
    try {
      title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!title.startsWith('postgres:') || !title.includes(` ${databaseName} `)) continue;
    const ms = processCpuMs(pid);
    if (ms !== null) backends.set(Number(pid), ms);
  }
  return backends;
}

/** Synchronous, so that it reads the counters at the moment it is called. */
export function sampleCpu(databaseName: string | null): CpuSample {
  const { user, system } = process.cpuUsage();
  return {
    processMs: (user + system) / 1000,
    postgresMs: databaseName === null ? null : postgresBackends(databaseName),
  };
}

export interface CpuSpent {
  processMs: number;
  postgresMs: number | null;
}

/** What was spent between two samples; a backend that started in between counts from zero. */
export function cpuBetween(start: CpuSample, end: CpuSample): CpuSpent {
  let postgresMs: number | null = null;
  if (start.postgresMs !== null && end.postgresMs !== null) {
    postgresMs = 0;
    for (const [pid, ms] of end.postgresMs) postgresMs += ms - (start.postgresMs.get(pid) ?? 0);
  }
  return { processMs: end.processMs - start.processMs, postgresMs };
}
