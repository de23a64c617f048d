import { defineConfig } from 'vitest/config';

// Two projects: `core` is pure and fast; `docker` talks to a real Docker engine through the lab
// (test/lab/global-setup.ts makes sure dockerd runs and the lab images exist). `npm test` runs them one
// after the other: the lab's CPU-quota scenarios must not compete with a busy test runner for cores.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['test/core/**/*.test.ts', 'test/ui/**/*.test.tsx', 'test/adapters/**/*.fs.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'docker',
          include: ['test/adapters/**/*.docker.test.ts', 'test/e2e/**/*.test.ts', 'test/lab/**/*.test.ts'],
          globalSetup: ['test/lab/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
