// The project's own rules, enforced: which runtime a file runs in (its folder), what it may import, and
// what it must never do. Imports are read and resolved, so a rule breaks on the import itself.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(f) ? [path] : [];
  });
}

interface Import { from: string; target: string; typeOnly: boolean }

/** Every import, re-export and dynamic import of a file, resolved to a repo path (bare packages stay as named). */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4]!;
    const typeOnly = Boolean(m[2]);
    let target = spec;
    if (spec.startsWith('.')) {
      const base = resolve(dirname(file), spec);
      const hit = ['', '.ts', '.tsx', '/index.ts'].map((e) => base + e).find((p) => existsSync(p) && statSync(p).isFile());
      target = relative(process.cwd(), hit ?? base);
    }
    found.push({ from: file, target, typeOnly });
  }
  return found;
}

const product = ['components', 'entrypoints', 'utils'].flatMap(files);
const pages = [...files('components'), ...files('entrypoints/sidepanel'), ...files('entrypoints/options'), ...files('utils/panel')];
const shared = files('utils').filter((f) => !/^utils\/(background|panel|content)\//.test(f));
/** The inbox script: runs inside web pages the agent granted. */
const content = [...files('utils/content'), 'entrypoints/inbox.ts', 'entrypoints/selection.ts'];
const background = files('utils/background');
const notTests = [...product, ...files('dev'), ...files('scripts'), ...files('bench')];
const under = (dir: string) => (i: Import) => i.target === dir || i.target.startsWith(`${dir}/`);
const show = (xs: Import[]) => xs.map((i) => `${i.from} → ${i.target}`);

describe('conventions', () => {
  it('the import reader sees imports (a rule over nothing would pass)', () => {
    expect(importsOf('entrypoints/background/index.ts').some(under('utils/background'))).toBe(true);
    expect(importsOf('components/InviteMembers.tsx').some((i) => i.target === 'utils/phone.ts')).toBe(true);
  });

  it('nothing outside utils/background/ imports it, except the background entrypoint', () => {
    const offenders = [...pages, ...shared].flatMap(importsOf).filter(under('utils/background'));
    expect(show(offenders)).toEqual([]);
  });

  it('utils/background/ never imports page code (utils/panel/, components/)', () => {
    const offenders = background.flatMap(importsOf).filter((i) => under('utils/panel')(i) || under('components')(i));
    expect(show(offenders)).toEqual([]);
  });

  it('shared modules import neither runtime\'s own folder', () => {
    const offenders = shared.flatMap(importsOf).filter((i) => under('utils/panel')(i) || under('components')(i) || under('utils/background')(i));
    expect(show(offenders)).toEqual([]);
  });

  it('the inbox script imports only its own folder and the inbox contract: no key, storage, protocol or Zoko', () => {
    const allowed = (i: Import) => under('utils/content')(i) || ['utils/inbox.ts', '@wxt-dev/browser', 'wxt/utils/define-unlisted-script'].includes(i.target);
    expect(importsOf('entrypoints/inbox.ts').some(under('utils/content'))).toBe(true);
    expect(show(content.flatMap(importsOf).filter((i) => !allowed(i)))).toEqual([]);
    const intoContent = [...pages, ...shared, ...background].flatMap(importsOf).filter(under('utils/content'));
    expect(show(intoContent)).toEqual([]);
  });

  it('pages reach storage and messaging only through the port (utils/panel/port.ts)', () => {
    const io = (i: Import) => !i.typeOnly && ['utils/storage.ts', 'utils/messaging.ts', '@wxt-dev/storage', '@webext-core/messaging'].includes(i.target);
    const offenders = pages.filter((f) => f !== 'utils/panel/port.ts').flatMap(importsOf).filter(io);
    expect(show(offenders)).toEqual([]);
  });

  it('product code, dev tools, scripts and the bench never import tests/', () => {
    expect(show(notTests.flatMap(importsOf).filter(under('tests')))).toEqual([]);
  });

  it('no HTML string sinks: data from Zoko always renders as text', () => {
    const offenders = product.filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('nothing uses storage.sync (the key and agent data must not leave this device)', () => {
    expect(product.filter((f) => /storage\.sync|['"`]sync:/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the background entrypoint stays thin wiring (≤ 40 lines)', () => {
    const lines = readFileSync('entrypoints/background/index.ts', 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(40);
  });

  it('files are named for what they do (no helpers/misc/common/utils grab-bags)', () => {
    expect(notTests.filter((f) => /(helpers|misc|common|stuff)\.tsx?$/.test(f))).toEqual([]);
  });
});
