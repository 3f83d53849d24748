// CPU seconds (user + system) of processes, from Linux /proc: the machine may be shared with other work, so the
// benchmarks report where the CPU went (the database, the server, the load generator) beside the wall time.
import { readdirSync, readFileSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  ticks: number;
  cmd: string[];
}

function processes(): Proc[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return [{ pid: Number(pid), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') }];
      } catch {
        return [];
      }
    });
}

/** The processes of a PostgreSQL cluster: its postmaster, found by its port, and the postmaster's children (none when not found). */
function clusterProcesses(port: string): Proc[] {
  const procs = processes();
  const master = procs.find((p) => p.cmd[0]?.endsWith('postgres') && p.cmd[p.cmd.indexOf('-p') + 1] === port);
  return master ? procs.filter((p) => p.pid === master.pid || p.ppid === master.pid) : [];
}

/** The CPU seconds a PostgreSQL cluster used so far. */
export function pgCpuSeconds(port: string): number {
  const procs = clusterProcesses(port);
  return procs.length ? procs.reduce((sum, p) => sum + p.ticks, 0) / 100 : NaN;
}

/**
 * The CPU seconds a PostgreSQL cluster uses from now on, backends that start and end meanwhile included (their
 * time leaves /proc with them): `sample()` as often as such a backend may live, `seconds()` at the end.
 */
export function pgCpuMeter(port: string): { sample(): void; seconds(): number } {
  const baseline = new Map<number, number>();
  const last = new Map<number, number>();
  const read = (first: boolean) => {
    for (const p of clusterProcesses(port)) {
      if (!baseline.has(p.pid)) baseline.set(p.pid, first ? p.ticks : 0);
      last.set(p.pid, p.ticks);
    }
  };
  read(true);
  return {
    sample: () => read(false),
    seconds() {
      read(false);
      let ticks = 0;
      for (const [pid, t] of last) ticks += t - baseline.get(pid)!;
      return ticks / 100;
    },
  };
}

/** The CPU seconds one process used so far. */
export function processCpuSeconds(pid: number): number {
  return (processes().find((p) => p.pid === pid)?.ticks ?? NaN) / 100;
}

/** The statements that took most of the database's time since `resetStatementStats` (pg_stat_statements). */
export async function topStatements(db: { query: (sql: string) => Promise<{ rows: unknown[] }> }, n = 8) {
  const { rows } = await db.query(
    `select calls, round(total_exec_time)::int as exec_ms, round(total_plan_time)::int as plan_ms, round(((total_exec_time + total_plan_time) / greatest(calls, 1))::numeric, 3)::float as ms_per_call,
            (shared_blks_hit + shared_blks_read) / greatest(calls, 1) as buffers_per_call,
            left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as query
       from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
      order by total_exec_time + total_plan_time desc limit ${n}`,
  );
  return rows;
}

/** Starts counting statements afresh (creates the extension in the database when missing). */
export async function resetStatementStats(db: { query: (sql: string) => Promise<unknown> }) {
  await db.query('create extension if not exists pg_stat_statements');
  await db.query('select pg_stat_statements_reset()');
}

