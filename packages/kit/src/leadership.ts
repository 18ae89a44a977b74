import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { taggedApplicationName } from './db.ts';

/**
 * Which periodic tasks this process leads in the deployment. A task is led by the process whose
 * database session holds the task's PostgreSQL advisory lock; see `createLeadership`.
 */
export interface Leadership {
  /**
   * Whether this process leads `task` now: it holds the task's lock (asked of the server, not
   * remembered), or it has just taken it because nobody held it. Never rejects: while the
   * database cannot be reached, or does not answer within `checkTimeoutMs`, it is false.
   */
  lead(task: string): Promise<boolean>;
  /** Ends the session: every lock it held is free for another process at once. */
  close(): Promise<void>;
}

export interface LeadershipOptions {
  /** Longest one check may take before it counts as "not leading" (default 5 s). */
  checkTimeoutMs?: number;
}

/**
 * The signed 64-bit advisory lock key of `scope`'s task `task` (the first 8 bytes of a SHA-256:
 * 32-bit keys like `hashtext` collide far sooner).
 */
export function advisoryLockKey(scope: string, task: string): bigint {
  return createHash('sha256').update(`periodic:${scope}:${task}`).digest().readBigInt64BE(0);
}

/**
 * Leader election for periodic work, one leader per task in the whole deployment, by session
 * advisory locks on one dedicated connection per process (`scope`: the service, e.g. `checkout`;
 * every replica of it uses the same scope).
 *
 * Each `lead(task)` asks the server whether this session holds the task's lock and, when it
 * does not, tries to take it (`pg_try_advisory_lock`, never waiting). The leader keeps its lock
 * for as long as its session lives. When the leader process dies, closes, or loses its
 * connection, the server ends the session and frees its locks; another replica takes the task
 * on its next check. After a reconnect the new session holds nothing, which the next check sees,
 * and it tries again. The server notices a vanished client by TCP keepalives set on this
 * session (about 25 s), so a leader's host that disappears does not hold its tasks for hours.
 *
 * A task still running when its leader loses the lock finishes: around a connection loss two
 * processes may run the same task once at the same time, so tasks must stay safe to overlap, as
 * they were when every replica ran them; leadership saves the repeated work, it is no mutex.
 *
 * The connection must reach PostgreSQL directly or through a pooler in session mode: a
 * transaction-mode pooler would hand the session's locks to whoever uses the server connection
 * next. The session is one node-postgres `Client`, opened again after it ends: postgres.js 3.4.9
 * does not recover cleanly from a terminated backend (a one-connection pool's next query hung;
 * a reserved connection throws an uncaught exception, porsager/postgres#1208).
 */
export function createLeadership(
  databaseUrl: string,
  scope: string,
  logger: Logger,
  options: LeadershipOptions = {},
): Leadership {
  const checkTimeoutMs = options.checkTimeoutMs ?? 5_000;
  const led = new Set<string>();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let failing = false;
  let closed = false;

  /** Forgets a session that ended or stopped answering: it holds no lock worth trusting. */
  function drop(session: pg.Client) {
    if (client === session) client = undefined;
    session.end().catch(() => undefined);
  }

  function session(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const next = new pg.Client({
        connectionString: databaseUrl,
        application_name: taggedApplicationName(`${scope}-leadership`),
        statement_timeout: checkTimeoutMs,
        connectionTimeoutMillis: checkTimeoutMs,
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        // The server frees a silent client's locks after 10 s + 3 × 5 s without an answer.
        options: '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3',
      });
      // A backend that dies emits here; the next check opens a new session.
      next.on('error', () => drop(next));
      next.on('end', () => drop(next));
      try {
        await next.connect();
      } catch (error) {
        drop(next);
        throw error;
      }
      if (closed) {
        drop(next);
        throw new Error('leadership closed');
      }
      client = next;
      return next;
    })().finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  async function check(key: bigint): Promise<boolean> {
    const current = await session();
    // A bigint key is stored in pg_locks as classid (high 32 bits) and objid (low 32 bits).
    const high = ((key >> 32n) & 0xffffffffn).toString();
    const low = (key & 0xffffffffn).toString();
    // CASE evaluates in order: a lock already held is not taken a second time (re-entrant).
    const result = await current.query<{ held: boolean }>(
      `select case
         when exists (
           select 1 from pg_locks
           where locktype = 'advisory' and pid = pg_backend_pid() and granted
             and classid = $1::oid and objid = $2::oid and objsubid = 1
         ) then true
         else pg_try_advisory_lock($3::bigint)
       end as held`,
      [high, low, key.toString()],
    );
    return result.rows[0]?.held === true;
  }

  return {
    async lead(task) {
      if (closed) return false;
      let timer: NodeJS.Timeout | undefined;
      let held: boolean;
      try {
        held = await Promise.race([
          check(advisoryLockKey(scope, task)),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              // A session that does not answer is given up; its locks go when the server sees.
              if (client) drop(client);
              reject(new Error(`no answer within ${checkTimeoutMs} ms`));
            }, checkTimeoutMs);
          }),
        ]);
        if (failing) logger.info({ scope }, 'leadership checks answer again');
        failing = false;
      } catch (error) {
        if (!failing && !closed)
          logger.warn({ err: error, scope }, 'leadership check failed: periodic tasks pause');
        failing = true;
        held = false;
      } finally {
        clearTimeout(timer);
      }
      if (closed) held = false;
      if (held && !led.has(task)) logger.info({ scope, task }, 'leading periodic task');
      if (!held && led.has(task) && !closed)
        logger.warn({ scope, task }, 'lost the lead of periodic task');
      if (held) led.add(task);
      else led.delete(task);
      return held;
    },
    async close() {
      if (closed) return;
      closed = true;
      led.clear();
      await connecting?.catch(() => undefined);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
