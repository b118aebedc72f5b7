// The import preview: what the file holds, the choice for conflicts, Import or Cancel.
export class ImportDialog {
  constructor(page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: /^Import/ });
    this.summary = this.dialog.getByRole('list').first();
    this.rows = this.dialog.getByRole('list', { name: 'Incidents in the file' });
    this.importButton = this.dialog.getByRole('button', { name: /^Import/ });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel', exact: true });
  }

  async waitFor() {
    await this.dialog.waitFor();
    return this;
  }

  /** The summary lines, e.g. ["1 new incident", "1 already here, unchanged"]. */
  summaryLines() {
    return this.summary.getByRole('listitem').allTextContents();
  }

  /** Picks what happens to incidents that differ, by the option's label. */
  async whenDifferent(label) {
    await this.dialog.getByLabel(label, { exact: true }).check();
  }

  async confirm() {
    await this.importButton.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async cancel() {
    await this.cancelButton.click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
