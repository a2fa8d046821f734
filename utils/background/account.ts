/**
 * The one guard of every background write of account data. An action (a message from the panel, a polling
 * round, a creation watch) captures the account when it starts; each writer checks, just before it writes, that
 * this account is still the one signed in. An invite still waiting on Zoko when the agent signs out (or saves
 * another key) then finishes without writing its Activity entry, counts, cache or members into what follows.
 */
import { accountEpochItem, apiKeyItem } from '../storage';

/** Who an action works for: the key, and which sign-in (the same key signed in again is another sign-in). */
export interface Account {
  readonly key: string | null;
  readonly epoch: number;
}

/** The account signed in now (key null: signed out). */
export async function currentAccount(): Promise<Account> {
  const [key, epoch] = await Promise.all([apiKeyItem.getValue(), accountEpochItem.getValue()]);
  return { key, epoch };
}

/** Whether `account` is still the one signed in. */
export async function isCurrent(account: Account): Promise<boolean> {
  const now = await currentAccount();
  return now.key === account.key && now.epoch === account.epoch;
}

/**
 * Runs `write` only while `account` is still signed in; returns whether it ran. `write` must start its storage
 * call at once (no await before it): storage applies calls in order, and sign-out counts the epoch up before it
 * removes anything, so a write that passed the check lands before the removals and goes with them.
 * Without an account (a write outside any action: tests, the bench) it writes for whoever is signed in.
 */
export async function writeFor(account: Account | undefined, write: () => Promise<unknown>): Promise<boolean> {
  if (account && !(await isCurrent(account))) return false;
  await write();
  return true;
}
