// One incident's screen.
export class IncidentPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1 });
    this.titleField = page.getByLabel('Title', { exact: true });
    this.deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
    this.backLink = page.getByRole('link', { name: 'All incidents' });
    this.saved = page.getByText('Saved', { exact: true });
    this.alert = page.getByRole('alert');
  }

  /** Types like a person, one key at a time, after whatever the title already holds. */
  async typeTitle(text) {
    await this.titleField.click();
    // A click lands mid-text on narrow screens; End puts the caret after it.
    await this.titleField.press('End');
    await this.titleField.pressSequentially(text);
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

  /** The incident id from the address, e.g. `#/incident/<id>`. */
  id() {
    const match = /#\/incident\/([0-9a-f-]{36})/.exec(this.page.url());
    return match?.[1];
  }
}
