// What index.html paints on its own while the app downloads.
export class LoadingShell {
  constructor(page) {
    this.page = page;
    this.banner = page.getByRole('banner');
    this.brand = this.banner.getByRole('link', { name: 'Mend' });
    this.note = page.getByText('Opening…', { exact: false });
  }
}
