/**
 * The inbox script's readers as one classic script for a plain page: `window.zokoReaders.readChat(document,
 * location.href)`. The reader spec loads it into fixture pages without the extension (no build, no browser
 * profile), so a reader's rules are checked on every fixture in a fraction of a journey's time.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

/** `root`: a checkout of the project (another commit's readers, to compare). */
export async function bundleReaders(root = resolve(import.meta.dirname, '..')): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export { readChat } from './utils/content/readers';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'zokoReaders',
    target: 'chrome120',
    write: false,
  });
  return result.outputFiles[0]!.text;
}
