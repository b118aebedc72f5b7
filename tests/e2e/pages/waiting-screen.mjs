// The screen shown in place of any but the list while a large store's records are still read.
export class WaitingScreen {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Opening your incidents…' });
  }
}
