/** Bundle sizes of a built extension, gzip, against the budgets in DESIGN. Used by the bench and by CI's size gate. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The inbox script's budget is ours, not DESIGN's: it loads in every page of an inbox the agent allowed. */
export const SIZE_BUDGET_KB = { sidepanelInitialJs: 35, backgroundJs: 60, inboxScript: 5 } as const;

const gz = (path: string) => gzipSync(readFileSync(path)).length;

/** What a page loads before it paints: its entry module, every modulepreload, and its stylesheets. */
function initialScripts(dir: string, html: string): string[] {
  const page = readFileSync(join(dir, html), 'utf8');
  return [...page.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

export function measureSizes(dir: string) {
  const sidepanel = initialScripts(dir, 'sidepanel.html');
  const total = (d: string): number => readdirSync(d).reduce((sum, f) => {
    const p = join(d, f);
    return sum + (statSync(p).isDirectory() ? total(p) : statSync(p).size);
  }, 0);
  return {
    sidepanelInitialJsKB: sidepanel.reduce((s, f) => s + gz(join(dir, f)), 0) / 1024,
    sidepanelFiles: sidepanel,
    backgroundJsKB: gz(join(dir, 'background.js')) / 1024,
    inboxScriptKB: gz(join(dir, 'inbox.js')) / 1024,
    unpackedKB: total(dir) / 1024,
  };
}
