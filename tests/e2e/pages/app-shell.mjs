// What every screen shares: the banner and the update prompt.
export class AppShell {
  constructor(page) {
    this.page = page;
    this.updatePrompt = page.getByText('A new version is ready');
    this.reloadButton = page.getByRole('button', { name: 'Reload', exact: true });
  }

  /** Presses Reload on the prompt and waits for the page it loads. */
  async reloadToUpdate() {
    await Promise.all([this.page.waitForEvent('load'), this.reloadButton.click()]);
  }
}
