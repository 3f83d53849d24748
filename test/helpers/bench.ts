// What the HTTP benchmarks share: a server in a process of its own, the tally of GraphQL answers, and where the
// CPU went (the server, PostgreSQL, the load generator in this process).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import getPort from 'get-port';
import { ROOT } from '../../server/src/app/config.ts';
import { pgCpuSeconds, processCpuSeconds } from './cpu.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node [nodeArgs] --import tsx <script>` on a free port (PORT in its environment) and waits for its /readyz. */
export async function startServerProcess(script: string, env: Record<string, string>, nodeArgs: string[] = [], readyWithinSeconds = 60): Promise<ServerProcess> {
  const port = await getPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  for (let i = 0; i < readyWithinSeconds * 10; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return { url, child, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${script} did not become ready in ${readyWithinSeconds} s`);
}

/** Counts the answers of each kind of request: those without GraphQL errors, and the errors (the first three kept). */
export function graphqlTally() {
  const ok: Record<string, number> = {};
  const tally = {
    ok,
    errors: 0,
    firstErrors: [] as string[],
    /** autocannon's onResponse for requests of this kind. */
    counting(kind: string) {
      ok[kind] = 0;
      return (_status: number, body: string) => {
        if (!body.includes('"errors"')) ok[kind]!++;
        else if (++tally.errors <= 3) tally.firstErrors.push(body.slice(0, 300));
      };
    },
  };
  return tally;
}

/** The CPU seconds the server process, the PostgreSQL cluster and this process use from now until `seconds()`. */
export function cpuSpan(serverPid: number, pgPort: string) {
  const server = processCpuSeconds(serverPid);
  const database = pgCpuSeconds(pgPort);
  const generator = process.cpuUsage();
  return {
    seconds() {
      const g = process.cpuUsage(generator);
      return {
        serverSeconds: +(processCpuSeconds(serverPid) - server).toFixed(1),
        databaseSeconds: +(pgCpuSeconds(pgPort) - database).toFixed(1),
        loadGeneratorSeconds: +((g.user + g.system) / 1e6).toFixed(1),
      };
    },
  };
}
