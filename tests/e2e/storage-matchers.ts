/**
 * `expect(worker).toHaveStorage(area, key, expected)`: waits until the extension's stored item matches
 * (as toMatchObject; `undefined` means "not stored"). Keys are the extension's own (dev/extension-storage).
 */
import { expect as base, type Worker } from '@playwright/test';
import { getStored, type Area } from '../../dev/extension-storage';

export const expect = base.extend({
  async toHaveStorage(worker: Worker, area: Area, key: string, expected: unknown, options: { timeout?: number } = {}) {
    const deadline = Date.now() + (options.timeout ?? 7_000);
    let actual: unknown;
    let pass = false;
    do {
      actual = await getStored(worker, area, key as never);
      try {
        if (expected === null || typeof expected !== 'object') base(actual).toEqual(expected);
        else base(actual).toMatchObject(expected as Record<string, unknown>);
        pass = true;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    } while (!pass && Date.now() < deadline);
    return {
      pass,
      name: 'toHaveStorage',
      message: () => `expected storage.${area}.${key} ${this.isNot ? 'not ' : ''}to match ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
    };
  },
});
