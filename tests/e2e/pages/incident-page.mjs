// One incident's screen: the step navigation, the current step's form, Next and Back.
import { readDownload } from '../support/browser.mjs';

export const STEPS = ['Stop', 'Assess', 'Solutions', 'Own up', 'Fix', 'Follow up', 'Step it up'];

/** The seed's reassurance, one line on each of three steps. */
export const REASSURANCE = {
  'Stop': 'This is fixable. Most mistakes are.',
  'Own up': 'Telling them quickly is what people remember.',
  'Step it up': 'How you recover is what people will remember.',
};

export class IncidentPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.titleField = page.getByLabel('Title', { exact: true });
    this.incidentName = page.locator('.incident-name');
    this.statusTag = page.locator('.incident-line .status-tag').first();
    this.steps = page.getByRole('navigation', { name: 'Steps' });
    this.nextButton = page.getByRole('button', { name: 'Next', exact: true });
    this.backButton = page.getByRole('button', { name: 'Back', exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.archiveButton = page.getByRole('button', { name: /^(Archive|Unarchive)$/ });
    this.backLink = page.getByRole('link', { name: 'All incidents' });
    this.saved = page.getByText('Saved', { exact: true });
    this.alert = page.getByRole('alert');
    this.undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    this.briefing = page.getByLabel('What to say', { exact: true });
    this.freshDraftButton = page.getByRole('button', { name: 'Write a fresh draft' });
    this.freshDraftDialog = page.getByRole('dialog', { name: 'Write a fresh draft?' });
    this.exportButton = page.getByRole('button', { name: 'Export', exact: true });
    this.tellNowLink = page.getByRole('link', { name: 'Tell now', exact: true });
    this.clock = page.getByRole('timer');
    // Stop: the breathing guide, distress before and after, and the thought record.
    this.guide = page.getByRole('region', { name: 'Breathing pause' });
    this.startButton = this.guide.getByRole('button', { name: 'Start', exact: true });
    this.distressBefore = page.getByRole('group', { name: 'Before the pause: how distressed do you feel?' });
    this.distressAfter = page.getByRole('group', { name: 'After the pause: and now?' });
    this.distressChange = page.getByRole('region', { name: 'How you feel' }).getByRole('status');
    this.thoughtRecord = page.getByRole('region', { name: 'Thought record' });
    this.beliefBefore = page.getByRole('group', { name: 'How much do you believe the thought?' });
    this.beliefAfter = page.getByRole('group', { name: 'And now, after the balanced thought?' });
  }

  /** One button of a rating scale, by the number on it ("8", "40%"); the ends also say their word ("0 calm"). */
  rating(scale, value) {
    return scale.getByRole('radio', { name: new RegExp(`^${value}( |$)`) });
  }

  /** The number checked on a rating scale, or null. Waits for the scale: a step's form comes a
   * task after the incident's heading when it opens. */
  async rated(scale) {
    await scale.waitFor();
    const checked = scale.locator('input[type="radio"]:checked');
    return (await checked.count()) ? checked.getAttribute('value') : null;
  }

  /** Clicks "Export" and returns the file's name and parsed JSON. */
  async exportIncident() {
    const { name, text } = await readDownload(this.page, () => this.exportButton.click());
    return { name, json: JSON.parse(text) };
  }

  /** On Own up: makes the briefing the user's own if it isn't yet, then opens the dialog. */
  async openFreshDraftDialog() {
    if (!(await this.freshDraftButton.isVisible())) await this.type(this.briefing, ' Thank you.');
    await this.freshDraftButton.click();
    await this.freshDraftDialog.waitFor();
    return this.freshDraftDialog;
  }

  /** How many times `words` appear in the page's main content. */
  async timesShown(words) {
    return (await this.page.locator('main').textContent()).split(words).length - 1;
  }

  /** The link to a step in the "Steps" navigation. */
  stepLink(name) {
    return this.steps.getByRole('link', { name: new RegExp(`^\\d ${name}$`) });
  }

  async goToStep(name) {
    await this.stepLink(name).click();
    await this.page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  }

  async next(expected) {
    await this.nextButton.click();
    await this.page.getByRole('heading', { level: 1, name: expected, exact: true }).waitFor();
  }

  /** A field of the step (or of the incident), by its visible label. */
  field(label, within = this.page) {
    return within.getByLabel(label, { exact: true });
  }

  /** A list section inside a step, by its heading, e.g. "Key points to raise first". */
  list(name) {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** Solutions' options side by side: the column headings, as they read. */
  async sideBySide() {
    // The step's only table.
    const table = this.page.getByRole('table');
    await table.waitFor();
    return table.getByRole('columnheader').allTextContents();
  }

  /** One entry of a list, by its legend, e.g. "Key point 2". */
  entry(listName, legend) {
    return this.list(listName).getByRole('group', { name: legend, exact: true });
  }

  /**
   * Adds an entry to a list and returns the new entry's group: the last one drawn, since a new
   * entry is drawn even when earlier ones wait behind "Show more".
   */
  async addEntry(listName, noun) {
    const list = this.list(listName);
    const Noun = `${noun[0].toUpperCase()}${noun.slice(1)}`;
    const entries = list.getByRole('group', { name: new RegExp(`^${Noun} \\d+$`) });
    const before = await entries.count();
    await list.getByRole('button', { name: `Add ${noun}`, exact: true }).click();
    await entries.nth(before).waitFor();
    const legend = (await entries.last().locator('legend').first().textContent()).trim();
    return list.getByRole('group', { name: legend, exact: true });
  }

  /** Types like a person, one key at a time, after whatever the field already holds. */
  async type(locator, text) {
    await locator.click();
    // A click lands mid-text on narrow screens; End puts the caret after it.
    await locator.press('End');
    await locator.pressSequentially(text);
  }

  async typeTitle(text) {
    await this.type(this.titleField, text);
  }

  async waitUntilSaved() {
    await this.saved.waitFor();
  }

  async delete() {
    await this.deleteButton.click();
  }

  async backToList() {
    await this.backLink.click();
  }

  /** The incident id from the address, e.g. `#/incident/<id>/stop`. */
  id() {
    const match = /#\/incident\/([0-9a-f-]{36})/.exec(this.page.url());
    return match?.[1];
  }
}
