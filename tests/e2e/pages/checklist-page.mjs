// The pre-flight checklist: groups by tag, each item with its buttons, and the files out.
export class ChecklistPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Pre-flight checklist' });
    this.status = page.getByRole('status').first();
    this.retired = page.getByRole('region', { name: 'Retired' });
    this.showMore = page.getByRole('button', { name: /^Show \d+ more \(\d+ of \d+ shown\)$/ });
  }

  async openFromList() {
    await this.page.getByRole('link', { name: 'Pre-flight checklist', exact: true }).click();
    await this.heading.waitFor();
    return this;
  }

  /** The items of one group (a list named for its tag), in order. */
  items(group, within = this.page) {
    return within.getByRole('list', { name: group, exact: true }).getByRole('listitem')
      .locator('.check-text').allTextContents();
  }

  item(text) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByText(text, { exact: true }) });
  }

  async edit(text, to) {
    await this.page.getByRole('button', { name: `Edit: ${text}`, exact: true }).click();
    const field = this.page.getByLabel('Edit this check', { exact: true });
    await field.fill(to);
    await this.page.getByRole('button', { name: 'Done', exact: true }).click();
  }

  button(action, text) {
    return this.page.getByRole('button', { name: `${action}: ${text}`, exact: true });
  }
}
