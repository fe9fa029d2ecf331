import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
        },
      },
      {
        // Starts Prism once (global setup) for the e2e files only, so unit tests do not pay for it.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // Requests to Prism run concurrently, at most 8 at a time.
          maxConcurrency: 8,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
