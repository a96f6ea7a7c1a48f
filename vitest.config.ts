import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // web/ holds pure modules (the live stream's pieces, the slide sync, the clock) that run
    // under node; nothing there needs a DOM to be tested.
    include: ['server/**/*.test.ts', 'web/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/load/**/*.test.ts', 'tests/cluster/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
