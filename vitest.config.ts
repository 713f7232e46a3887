import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/labs/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 30_000,
  },
});
