// The list of incidents, as a screen-reader user meets it: by roles and names.
import { IncidentPage } from './incident-page.mjs';

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
    this.incidents = page.getByRole('list', { name: 'Incidents' });
    this.alert = page.getByRole('alert');
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

  incidentLink(title) {
    return this.incidents.getByRole('link', { name: title, exact: true });
  }

  /** The titles listed, in order. */
  titles() {
    return this.incidents.getByRole('link').allTextContents();
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
  async downloadRaw() {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.unreadable.getByRole('button', { name: 'Download raw record' }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
