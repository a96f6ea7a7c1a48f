// `npm test`: typecheck, lint (eslint), unit tests, the Postgres tests (where Postgres is
// installed; the step says so and skips where it is not), build, then the browser tests on chromium.
// Stops at the first failing step and exits with its code.
import { execSync } from 'node:child_process';
import { findChromium } from './browser/ensure-browser.mjs';

const steps = [
  ['typecheck', 'npx tsc --noEmit -p tsconfig.json'],
  ['lint', 'npm run lint --silent'],
  ['unit tests', 'npx vitest run'],
  // The store contract against Postgres and the three-instance failover, on a throwaway cluster.
  ['postgres tests', 'node --import tsx tests/postgres/run-postgres-tests.ts'],
  ['build', 'npx vite build --logLevel warn'],
];

function run(name, command, env = process.env) {
  console.log(`\n=== ${name}: ${command}`);
  execSync(command, { stdio: 'inherit', env });
}

try {
  for (const [name, command] of steps) run(name, command);
  const chromium = findChromium();
  if (!chromium) {
    console.log('No system chromium: using Playwright\'s own browser.');
    run('browser download', 'npx playwright install chromium');
  }
  run('browser tests', 'npx playwright test', { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) });
  console.log('\nAll test steps passed.');
} catch (error) {
  process.exit(typeof error.status === 'number' ? error.status : 1);
}
