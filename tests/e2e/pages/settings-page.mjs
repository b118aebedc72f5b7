// The settings screen: discreet mode, light or dark, keeping data, export and clearing, by
// roles and labels.
import { readDownload } from '../support/browser.mjs';

export class SettingsPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' });
    this.discreetMode = page.getByLabel('Show neutral titles');
    this.keeping = page.getByRole('region', { name: 'Keeping your data' });
    this.askToKeep = this.keeping.getByRole('button', { name: 'Ask the browser to keep it' });
    this.yourData = page.getByRole('region', { name: 'Your data on this device' });
    this.exportButton = this.yourData.getByRole('button', { name: 'Export all', exact: true });
    this.confirmField = this.yourData.getByLabel('Type delete to confirm');
    this.clearButton = this.yourData.getByRole('button', { name: 'Clear all data' });
    this.status = this.yourData.getByRole('status');
    // Alerts that say something; the field's own problem is its description.
    this.alert = this.yourData.getByRole('alert').filter({ hasText: /\S/ });
    this.colours = page.getByRole('region', { name: 'Light or dark' });
  }

  /** One choice of the theme, e.g. "Dark". */
  theme(label) {
    return this.colours.getByRole('radio', { name: label, exact: true });
  }

  async goto() {
    await this.page.goto(`${this.baseUrl}#/settings`);
    await this.heading.waitFor();
    return this;
  }

  /** Opens settings from the banner, as a person would. */
  async openFromBanner() {
    await this.page.getByRole('banner').getByRole('link', { name: 'Settings' }).click();
    await this.heading.waitFor();
    return this;
  }

  async setDiscreet(on) {
    await this.discreetMode.setChecked(on);
  }

  /** Clicks "Export all" and returns the file name and its parsed JSON. */
  async exportAll() {
    const { name, text } = await readDownload(this.page, () => this.exportButton.click());
    return { name, json: JSON.parse(text) };
  }

  async clearAll(typed) {
    await this.confirmField.fill(typed);
    await this.clearButton.click();
  }
}
