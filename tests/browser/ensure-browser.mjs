// Finds the chromium the browser tests drive, installing Debian's when it is missing and
// we may (root with apt-get). Prints the path for playwright.config.ts to read, or
// nothing, which means: use Playwright's own browser (downloaded on a normal network).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium({ install = true } = {}) {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (install && isRoot && hasApt) {
    console.error('chromium is missing: installing Debian\'s chromium with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findChromium();
  if (path) console.error(`browser tests use ${path}`);
  else {
    console.error('No system chromium and no way to install one: falling back to Playwright\'s own browser.');
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  }
}
