// The report dialog of an incident: sections, names or roles, download, copy and print.
import { readDownload } from '../support/browser.mjs';

export class ReportDialog {
  constructor(page) {
    this.page = page;
    this.openButton = page.getByRole('button', { name: 'Report', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Report' });
    this.rolesInsteadOfNames = this.dialog.getByLabel('Use roles instead of names', { exact: true });
    this.markdown = this.dialog.getByLabel('Report (Markdown)', { exact: true });
    this.downloadButton = this.dialog.getByRole('button', { name: 'Download Markdown report' });
    this.copyButton = this.dialog.getByRole('button', { name: 'Copy report' });
    this.printButton = this.dialog.getByRole('button', { name: 'Print report' });
    this.closeButton = this.dialog.getByRole('button', { name: 'Close', exact: true });
    this.status = this.dialog.getByRole('status');
    // Shown when the report is too long for the box, which then holds its beginning.
    this.cutNote = this.dialog.getByText('This report is long, so the box shows its beginning.');
  }

  async open() {
    await this.openButton.click();
    await this.dialog.waitFor();
    return this;
  }

  section(name) {
    return this.dialog.getByRole('group', { name: 'Sections' }).getByLabel(name, { exact: true });
  }

  download() {
    return readDownload(this.page, () => this.downloadButton.click());
  }
}
