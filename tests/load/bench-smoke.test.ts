import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The load harness at a small size, in `npm test`: the full 2,000-phone run is too long for
 * CI, but this proves the harness and the server's guarantees (nothing lost, nothing
 * counted twice, no errors) on every change, including a SIGKILL mid-burst.
 */
const ROOT = join(import.meta.dirname, '../..');

function bench(args: string[]): Promise<Record<string, any>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'tests/load/bench.ts', ...args], { cwd: ROOT, timeout: 110_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`bench printed no JSON (${error?.message ?? 'no error'}):\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      }
    });
  });
}

describe('load harness smoke run', () => {
  it('50 participants place every sticker: nothing lost, nothing duplicated, no errors', { timeout: 120_000 }, async () => {
    const result = await bench(['--participants', '50', '--burst-seconds', '4', '--stalled', '2']);
    expect(result).toMatchObject({ participants: 50, connected: 50, lost: 0, duplicated: 0, errors: 0 });
    expect(result.stickers_acked).toBe(50 * 18);
    expect(result.stickers_counted).toBe(result.stickers_acked);
    expect(result.stalled_current).toBe(true);
    expect(result.phone_msgs_per_s_max).toBeLessThanOrEqual(4);
    // Every phone read the walls, and little: the walk's first view is the slide's patch and one page.
    expect(result.walls_max_s).toBeGreaterThan(0);
    expect(result.first_view_kb_max).toBeGreaterThan(0);
    expect(result.first_view_kb_max).toBeLessThanOrEqual(64);
    expect(result.server_up).toBe(true);
    expect(result.heap_peak_mb).toBeGreaterThan(0);
  });

  it('30 participants with the server killed mid-burst: every acknowledged sticker is counted once', { timeout: 120_000 }, async () => {
    const result = await bench(['--participants', '30', '--burst-seconds', '4', '--crash']);
    expect(result).toMatchObject({ participants: 30, connected: 30, lost: 0, duplicated: 0, errors: 0 });
    expect(result.stickers_counted).toBe(30 * 18);
    expect(result.resume_s).toBeLessThanOrEqual(10);
  });

  it('--overload: phones on their own connections beyond what the server takes are refused with 503, and every acknowledged sticker is stored once', { timeout: 120_000 }, async () => {
    // At 60 phones this machine keeps up; a limit of 4 writes in flight stands in for a room twice too large.
    const result = await bench(['--participants', '60', '--burst-seconds', '3', '--overload', '--max-in-flight', '4']);
    expect(result).toMatchObject({ participants: 60, overload: true, connected: 60, lost: 0, duplicated: 0, errors: 0, server_up: true });
    expect(result.refused_503).toBeGreaterThan(0);
    expect(result.shed.queue).toBeGreaterThan(0);
    expect(result.stickers_counted).toBe(60 * 18);
  });

  it('--follow: 30 phones each show every one of 5 slide changes', { timeout: 120_000 }, async () => {
    const result = await bench(['--follow', '--participants', '30', '--changes', '5', '--interval-ms', '300']);
    expect(result).toMatchObject({ system: 'partnerdeck', participants: 30, connected: 30, changes: 5, missed_frames: 0 });
    expect(result.bytes_per_phone_changes.p50).toBeGreaterThan(0);
    // The per-slide spread names each slide the lead moved to (2 to 6) with its kind: Module 1's slide 4 is the open answers.
    const slides = result.slowest_slides as { slide: number; kind: string; p99_ms: number; max_ms: number }[];
    expect(slides.map((s) => s.slide).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
    expect(slides.find((s) => s.slide === 4)?.kind).toBe('open-answers');
    expect(slides.find((s) => s.slide === 2)?.kind).toBe('notes');
    for (const s of slides) expect(s.max_ms).toBeGreaterThanOrEqual(s.p99_ms);
    // The first phone of a change is never later than the middle one.
    expect(result.first_frame_p50_ms).toBeLessThanOrEqual(result.p50_ms);
  });
});
