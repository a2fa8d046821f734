/** Bundles the fixture editors (./index.ts) for the browser, once per sandbox, on the first request. */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const STYLE_SHEETS = ['quill/dist/quill.core.css', 'draft-js/dist/Draft.css', 'prosemirror-view/style/prosemirror.css'];

let bundled: Promise<string> | undefined;

/** The ES module served as /demo/editors.js (about a second to build; cached for the sandbox's life). */
export function editorsBundle(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    write: false,
    minify: true,
    target: 'chrome120',
    define: {
      'process.env.NODE_ENV': '"production"',
      global: 'globalThis',
      FIXTURE_EDITOR_CSS: JSON.stringify(STYLE_SHEETS.map((s) => readFileSync(require.resolve(s), 'utf8')).join('\n')),
    },
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text).catch((e: unknown) => {
    bundled = undefined; // a broken edit should not need a sandbox restart once fixed
    throw e;
  });
  return bundled;
}
