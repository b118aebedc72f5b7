// Insights, as a screen-reader user meets it: charts are figures named by their captions,
// each with a "Show as table" toggle.
export class InsightsPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Insights' });
    this.recurring = page.getByRole('region', { name: 'What keeps coming back' });
  }

  async openFromList() {
    await this.page.getByRole('link', { name: 'Insights', exact: true }).click();
    await this.heading.waitFor();
    return this;
  }

  /** The chart whose caption starts with `caption`. */
  figure(caption) {
    return this.page.getByRole('figure', { name: new RegExp(`^${caption}`) });
  }

  /** Opens a chart's table and returns its rows as { label: shown }. */
  async table(caption) {
    const figure = this.figure(caption);
    await figure.getByRole('button', { name: 'Show as table' }).click();
    const table = figure.getByRole('table');
    await table.waitFor();
    const rows = await table.getByRole('row').all();
    const out = {};
    for (const row of rows.slice(1)) {
      out[await row.getByRole('rowheader').textContent()] = await row.getByRole('cell').textContent();
    }
    return out;
  }
}
