import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostgresStore } from '../store/postgres-store.js';

/**
 * Every instance must recognise every key: a facilitator's key or a participant's token
 * made by one instance is checked by whichever instance owns the session later, and the
 * operator key opens every instance's start page. So the key ring's secret and the
 * operator key live in the database (`shared_secrets`): the first instance to start puts
 * its own there (the ones in its data folder, or new ones), and every instance writes the
 * shared ones into its data folder (mode 0600), where the key ring and the operator key
 * read them as on a single machine.
 */
export async function shareKeys(store: PostgresStore, dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const own = (name: string) => {
    const file = join(dataDir, name);
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  };
  const proposed = {
    'server-secret': own('server-secret') || randomBytes(32).toString('hex'),
    'operator-key': own('operator-key') || `operator.${randomBytes(32).toString('base64url')}`,
  };
  const shared = await store.sharedSecrets(proposed);
  for (const [name, value] of Object.entries(shared)) {
    const file = join(dataDir, name);
    if (own(name) !== value) writeFileSync(file, `${value}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
}
