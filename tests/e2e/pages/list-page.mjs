// The list of incidents, as a screen-reader user meets it: by roles and names.
import { IncidentPage } from './incident-page.mjs';
import { ImportDialog } from './import-dialog.mjs';
import { readDownload } from '../support/browser.mjs';

export class ListPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.heading = page.getByRole('heading', { level: 1, name: 'Your incidents' });
    this.newIncidentButton = page.getByRole('button', { name: 'New incident' });
    this.unreadable = page.getByRole('region', { name: 'Saved records that could not be read' });
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    this.undoNotice = page.getByRole('status').filter({ hasText: 'Undo' });
    this.search = page.getByLabel('Search', { exact: true });
    this.statusFilter = page.getByLabel('Status', { exact: true });
    this.sort = page.getByLabel('Sort by last change', { exact: true });
    this.showArchived = page.getByLabel('Show archived', { exact: true });
    this.needsMe = page.getByLabel('Needs something from me', { exact: true });
    this.incidents = page.getByRole('list', { name: 'Incidents' });
    this.alert = page.getByRole('alert');
    this.files = page.getByRole('region', { name: 'Files' });
    this.exportAllButton = this.files.getByRole('button', { name: 'Export all' });
    this.importInput = page.getByLabel('Import', { exact: true });
    this.importStatus = this.files.getByRole('status').last();
    this.importAlert = this.files.getByRole('alert');
  }

  async goto() {
    await this.page.goto(this.baseUrl);
    await this.heading.waitFor();
    return this;
  }

  async newIncident() {
    await this.newIncidentButton.click();
    const incident = new IncidentPage(this.page);
    await incident.titleField.waitFor();
    return incident;
  }

  /** New incident, typed title, waits for "Saved". Returns the incident's page. */
  async createIncident(title) {
    const incident = await this.newIncident();
    await incident.typeTitle(title);
    await incident.waitUntilSaved();
    return incident;
  }

  /** The list entry of the incident with this title. */
  row(title) {
    // `has` is searched inside each item, so it starts from the page, not from the list.
    return this.incidents.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  incidentLink(title) {
    return this.incidents.getByRole('link', { name: title, exact: true });
  }

  /**
   * Waits until `count` rows are drawn: a long list draws its first 20 at once and the rest of
   * its first page a task later. Returns the rows.
   */
  async rowsDrawn(count) {
    const rows = this.incidents.getByRole('listitem');
    await rows.nth(count - 1).waitFor();
    return rows;
  }

  /** Each incident's title, in the list's order (its first link; Tell now is another). */
  async titles() {
    const items = await this.incidents.getByRole('listitem').all();
    return Promise.all(items.map((item) => item.getByRole('link').first().textContent()));
  }

  async archive(title) {
    await this.page.getByRole('button', { name: `Archive: ${title}`, exact: true }).click();
  }

  async open(title) {
    await this.incidentLink(title).click();
    const incident = new IncidentPage(this.page);
    await incident.titleField.waitFor();
    return incident;
  }

  async undoDelete() {
    await this.undoButton.click();
  }

  /** Clicks "Download raw record" and returns the downloaded text. */
  downloadRaw() {
    return readDownload(this.page, () => this.unreadable.getByRole('button', { name: 'Download raw record' }).click());
  }

  /** Clicks "Export all" and returns the file's name, text and parsed JSON. */
  async exportAll() {
    const { name, text } = await readDownload(this.page, () => this.exportAllButton.click());
    return { name, text, json: JSON.parse(text) };
  }

  /**
   * Picks a file in the Import input: a path, or `{ name, mimeType, buffer }`. Returns the
   * preview dialog, which opens only for a file that passes every check.
   */
  async chooseImportFile(file) {
    await this.importInput.setInputFiles(file);
    return new ImportDialog(this.page);
  }

  /** Drops a file's text onto the page, as dragging it from the desktop does. */
  async dropFile(name, text) {
    await this.page.evaluate(([name, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.querySelector('main');
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, [name, text]);
    return new ImportDialog(this.page);
  }
}
