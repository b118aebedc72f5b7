// What index.html paints on its own while the app downloads.
export class LoadingShell {
  constructor(page) {
    this.page = page;
    this.banner = page.getByRole('banner');
    this.brand = this.banner.getByRole('link', { name: 'Mend' });
    this.note = page.getByText('Opening…', { exact: false });
    // The app's own banner, found by its place: it has the shell's role and name, and the two
    // are in the page together for a task while the app draws its frame.
    this.appBanner = page.locator('body > .banner');
  }
}
