/**
 * A virtual display for the few browser tests that need real browser UI a page cannot reach (Chromium's own
 * context menu). Debian's `xvfb` and `xdotool`; .ci/run installs both.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export const NO_XVFB = 'Headed tests need a virtual display: `sudo apt-get install -y xvfb xdotool` (Debian/Ubuntu).';

export interface VirtualDisplay {
  /** The DISPLAY value, e.g. ":91". */
  display: string;
  /** Presses keys in the focused window, as a person would (xdotool key names: "Up", "Return", …). */
  keys(...names: string[]): void;
  close(): void;
}

/** Starts Xvfb on a free display number; fails with one line saying what to install when it is missing. */
export async function startVirtualDisplay(seed = process.pid): Promise<VirtualDisplay> {
  for (const tool of ['Xvfb', 'xdotool']) {
    if (spawnSync('which', [tool]).status !== 0) throw new Error(NO_XVFB);
  }
  for (let n = 90 + (seed % 50), tries = 0; tries < 20; n++, tries++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const display = `:${n}`;
    const server: ChildProcess = spawn('Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let waited = 0; waited < 5_000 && !existsSync(`/tmp/.X11-unix/X${n}`); waited += 100) await new Promise((r) => setTimeout(r, 100));
    if (!existsSync(`/tmp/.X11-unix/X${n}`)) { server.kill(); continue; }
    return {
      display,
      keys: (...names) => {
        const r = spawnSync('xdotool', ['key', '--delay', '200', ...names], { env: { ...process.env, DISPLAY: display } });
        if (r.status !== 0) throw new Error(`xdotool failed: ${r.stderr}`);
      },
      close: () => void server.kill(),
    };
  }
  throw new Error('No free X display number for Xvfb');
}
