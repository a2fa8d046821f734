import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/fake-i18n.ts'],
    // The sandbox runs in-process on 127.0.0.1; keep files isolated but do not over-parallelise 2 cores.
    pool: 'threads',
    testTimeout: 20_000,
  },
});
