/** A page object for the options page: the key, the agent's identity, the badge settings, sign-out. */
import { expect, type Page } from '@playwright/test';

export class OptionsPage {
  constructor(readonly page: Page) {}

  get status() {
    return this.page.getByRole('status');
  }

  field(label: 'API key' | 'Agent ID' | 'Agent email' | 'Join-request checks per minute' | 'Seconds between badge refreshes') {
    return this.page.getByLabel(label);
  }

  async fill(values: Partial<Record<Parameters<OptionsPage['field']>[0], string>>) {
    for (const [label, value] of Object.entries(values)) await this.field(label as Parameters<OptionsPage['field']>[0]).fill(value);
  }

  /** Presses Save and waits for the form's verdict. */
  async save(expected: string | RegExp = /^Saved\./) {
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.status).toHaveText(expected);
  }

  async testConnection(expected: string | RegExp) {
    await this.page.getByRole('button', { name: 'Test connection' }).click();
    await expect(this.status).toHaveText(expected);
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out…' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(this.status).toHaveText('Signed out. The key and the cached groups were removed from this browser.');
  }
}
