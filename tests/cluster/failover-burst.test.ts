import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The load harness on three instances sharing one Postgres database (the one
 * PD_TEST_DATABASE_URL names; `npm run test:postgres` starts a throwaway one): phones
 * spread over the three, the session's owner killed with SIGKILL in the middle of the
 * sticker burst and never restarted. Another instance takes the session over; every
 * acknowledged sticker is stored once, and every phone is current again within 10 s.
 */
const ROOT = join(import.meta.dirname, '../..');
const SERVER_URL = process.env.PD_TEST_DATABASE_URL ?? '';

function bench(args: string[]): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'tests/load/bench.ts', ...args], { cwd: ROOT, timeout: 170_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`bench printed no JSON (${error?.message ?? 'no error'}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
      }
    });
  });
}

describe.skipIf(!SERVER_URL)('three instances, the owner killed mid-burst', () => {
  it('30 phones over three instances: nothing lost, nothing counted twice, every phone current again within 10 s', { timeout: 180_000 }, async () => {
    const result = await bench(['--participants', '30', '--burst-seconds', '4', '--instances', '3', '--database', 'postgres', '--crash']);
    expect(result).toMatchObject({ participants: 30, instances: 3, database: 'postgres', connected: 30, lost: 0, duplicated: 0, errors: 0 });
    expect(result.stickers_counted).toBe(30 * 18);
    expect(result.stickers_acked).toBe(30 * 18);
    expect(result.resume_s).toBeLessThanOrEqual(10);
    expect(result.max_rss_mb_per_instance).toHaveLength(3);
  });
});
