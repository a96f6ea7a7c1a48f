/**
 * `npm run test:postgres`: the store contract suite against Postgres, and the
 * three-instance failover test, on a throwaway cluster.
 *
 * It installs nothing. With PD_TEST_DATABASE_URL set (a Postgres you run yourself, whose
 * user may create databases and schemas), it uses that. Otherwise, where Debian's
 * `postgresql` is installed (`.ci/run` installs it), it starts a cluster of its own in a
 * temporary folder on a free loopback port, as a non-root user, and stops it afterwards,
 * also when a test fails or the run is interrupted. Where there is neither, it says so and
 * exits with 0: there is nothing to test against.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

const ROOT = join(import.meta.dirname, '../..');
const SUITES = ['server/store/store-contract.test.ts', 'tests/cluster'];

let cluster: ThrowawayPostgres | null = null;
let url = process.env.PD_TEST_DATABASE_URL ?? '';
if (!url) {
  if (!postgresBinaries()) {
    console.log('test:postgres skipped: Debian\'s postgresql is not installed (no /usr/lib/postgresql/*/bin/initdb) and PD_TEST_DATABASE_URL is not set.');
    process.exit(0);
  }
  cluster = await startThrowawayPostgres();
  url = cluster.url;
  console.log(`test:postgres: a throwaway Postgres cluster in ${cluster.dir}, on ${new URL(url).host}`);
}

const stop = () => {
  cluster?.stop();
  cluster = null;
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stop();
    process.exit(130);
  });
}

let code = 1;
try {
  code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...SUITES], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, PD_TEST_DATABASE_URL: url },
    });
    child.once('exit', (exit, signal) => resolve(exit ?? (signal ? 1 : 0)));
  });
} finally {
  stop();
}
process.exit(code);
