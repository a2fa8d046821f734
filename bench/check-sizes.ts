/** CI's size gate: builds the production extension and fails if a bundle is over its budget (sizes are stable; times are not). */
import { spawnSync } from 'node:child_process';
import { measureSizes, SIZE_BUDGET_KB } from './sizes';

const out = '.output/size-check';
const build = spawnSync('npx', ['wxt', 'build'], { env: { ...process.env, WXT_OUT_DIR: out }, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const s = measureSizes(`${out}/chrome-mv3`);
const rows = [
  ['side panel initial JS+CSS (gzip)', s.sidepanelInitialJsKB, SIZE_BUDGET_KB.sidepanelInitialJs],
  ['background JS (gzip)', s.backgroundJsKB, SIZE_BUDGET_KB.backgroundJs],
  ['inbox script (gzip)', s.inboxScriptKB, SIZE_BUDGET_KB.inboxScript],
  ['menu selection check (gzip)', s.selectionScriptKB, SIZE_BUDGET_KB.selectionScript],
] as const;
let over = false;
for (const [name, kb, budget] of rows) {
  const ok = kb <= budget;
  over ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${kb.toFixed(1)} KB (budget ${budget} KB)`);
}
process.exit(over ? 1 : 0);
