// The project's own rules, enforced: where code may live, what it may import, what it must never do.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(f) ? [path] : [];
  });
}

const source = ['components', 'entrypoints', 'utils'].flatMap(files);
const pageCode = [...files('components'), ...files('entrypoints/sidepanel'), ...files('entrypoints/options'), ...files('utils/models')];

describe('conventions', () => {
  it('no HTML string sinks: data from Zoko always renders as text', () => {
    const offenders = source.filter((f) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('nothing uses storage.sync (the key and agent data must not leave this device)', () => {
    expect(source.filter((f) => /storage\.sync|['"]sync:/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('page code never imports the Zoko client, the key, or the background handlers (types are fine: they vanish)', () => {
    const forbidden = /from '(?:\.\.?\/)+(?:utils\/)?(?:zoko\/(?:client|index)|zoko'|handlers|poller|context-menu)|apiKeyItem/;
    const valueCode = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => !l.startsWith('import type')).join('\n');
    expect(pageCode.filter((f) => forbidden.test(valueCode(f)))).toEqual([]);
  });

  it('the background entrypoint stays thin wiring', () => {
    const lines = readFileSync('entrypoints/background/index.ts', 'utf8').split('\n').length;
    expect(lines).toBeLessThan(90);
  });

  it('files are named for what they do (no helpers/misc/common/utils grab-bags)', () => {
    expect(source.filter((f) => /(helpers|misc|common|stuff)\.tsx?$/.test(f))).toEqual([]);
  });
});
