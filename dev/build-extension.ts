/** Builds the extension against a sandbox URL, for e2e tests, demos and benchmarks. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const E2E_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 43117);
/** Where the e2e build goes; set apart (with E2E_SANDBOX_PORT) to run two e2e runs side by side. */
export const E2E_OUT_DIR = process.env.E2E_OUT_DIR ?? '.output/e2e';

/** Runs `wxt build` with the Zoko base URL fixed to `baseUrl`; returns the unpacked extension's folder. */
export function buildExtension(baseUrl: string, outDir: string, env: Record<string, string> = {}, browser: 'chrome' | 'firefox' = 'chrome'): string {
  const args = browser === 'firefox' ? ['wxt', 'build', '-b', 'firefox', '--mv3'] : ['wxt', 'build'];
  const result = spawnSync('npx', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WXT_ZOKO_BASE_URL: baseUrl, WXT_OUT_DIR: outDir, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wxt build failed:\n${result.stdout}\n${result.stderr}`);
  return resolve(outDir, `${browser}-mv3`);
}
