import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A service started as its own Node process, with the tail of its output kept for errors. */
export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<string>;
  output(): string;
}

const OUTPUT_LINES_KEPT = 40;

/**
 * Spawns `node --import tsx <entry>` from the repository root with exactly `env` as its
 * environment, as a deployment would run the service. With BENCH_PROFILE_DIR set (in the
 * benchmark's own environment), every service writes a V8 CPU profile there when it stops
 * (`node --cpu-prof`, one folder per service; open them in Chrome DevTools or speedscope).
 */
export function spawnService(
  name: string,
  entry: string,
  env: Record<string, string | undefined>,
): ServiceProcess {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}/${name}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
    child.once('error', (error) => resolve(`spawn failed: ${error.message}`));
  });
  if (child.pid === undefined) throw new Error(`${name}: could not spawn ${entry}`);
  return { name, child, pid: child.pid, exited, output: () => lines.join('\n') };
}

/**
 * Stops processes the way an orchestrator does: SIGTERM, then SIGKILL for any still running
 * after `graceMs`. Resolves once all have exited; returns the names of those that were killed.
 */
export async function stopServices(
  services: ServiceProcess[],
  graceMs = 10_000,
): Promise<string[]> {
  const killed: string[] = [];
  await Promise.all(
    services.map(async (service) => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) return;
      service.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        killed.push(service.name);
        service.child.kill('SIGKILL');
      }, graceMs);
      await service.exited;
      clearTimeout(timer);
    }),
  );
  return killed;
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process (or thread) is gone
  }
}

/** VmRSS of one process in bytes, from /proc/<pid>/status (0 when it has exited). */
export function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readProc(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) * 1024 : 0;
}

/** Every process below `pid` (children of all its threads, recursively). */
export function descendants(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return []; // the process has exited
  }
  const children = tasks.flatMap((tid) =>
    (readProc(`/proc/${pid}/task/${tid}/children`) ?? '').split(/\s+/).filter(Boolean).map(Number),
  );
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const USER_HZ = 100;

/** CPU seconds (user + system) one process has used so far, from /proc/<pid>/stat (0 when gone). */
export function cpuSeconds(pid: number): number {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return 0;
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}
