/** Finds a Chromium that honours --load-extension, or says exactly what to install. */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type LaunchOptions, type Worker } from '@playwright/test';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export const NO_CHROMIUM = 'No Chromium found. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), '
  + '`npx playwright install chromium` (elsewhere), or set CHROMIUM_PATH to a Chromium binary.';

/** CHROMIUM_PATH, else Playwright's own Chromium if installed, else the system's. Branded Chrome ignores --load-extension. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${NO_CHROMIUM}`);
    return fromEnv;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined; // Playwright has no browser of its own here: fall back to the system's
  }
  const found = [bundled, ...SYSTEM_PATHS].find((p): p is string => Boolean(p && existsSync(p)));
  if (!found) throw new Error(NO_CHROMIUM);
  return found;
}

/** Flags that keep Chromium quiet on a closed network and let it run as root in CI. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-quic',
  ];
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The extension's service worker, as it started with the browser. */
  worker: Worker;
  /** The extension's id: the host of its pages' chrome-extension:// URLs. */
  id: string;
}

/** Chromium with the unpacked extension at `dir` loaded, on a fresh profile (a kept one can hold an old worker). */
export async function launchExtension(
  dir: string,
  options: Parameters<typeof chromium.launchPersistentContext>[1] & { extraArgs?: string[] } = {},
): Promise<LaunchedExtension> {
  const { extraArgs = [], ...rest } = options;
  const context = await chromium.launchPersistentContext('', {
    executablePath: findChromium(), headless: true, ...rest, args: [...chromiumArgs(dir), ...extraArgs],
  } satisfies LaunchOptions & Record<string, unknown>);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host };
}
