/** Bundle sizes of a built extension, gzip, against the budgets in DESIGN. Used by the bench and by CI's size gate. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The inbox script's budget is ours, not DESIGN's: it loads in every page of an inbox the agent allowed. It was
 * 5 KB while the readers trusted the DOM; reading what a person sees (colour against the background, each text's
 * own rects, bidi), the real inboxes' shapes and an insert judged after the editor's update made it 6.2 KB.
 * The menu's selection check loads only on a menu click, once.
 */
export const SIZE_BUDGET_KB = { sidepanelInitialJs: 35, backgroundJs: 60, inboxScript: 7, selectionScript: 3 } as const;

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
    selectionScriptKB: gz(join(dir, 'selection.js')) / 1024,
    unpackedKB: total(dir) / 1024,
  };
}
