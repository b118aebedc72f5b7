// Tell now: the one short screen for the first fifteen minutes.
export class TellNowPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Tell now' });
    this.clock = page.getByRole('timer');
    this.whatHappened = page.getByLabel('What happened', { exact: true });
    this.impact = page.getByLabel('What it means', { exact: true });
    this.doneSoFar = page.getByLabel("What I've done so far", { exact: true });
    this.need = page.getByLabel('What I need from them', { exact: true });
    this.options = page.getByRole('region', { name: 'Options' });
    this.briefing = page.getByLabel('What to say', { exact: true });
    this.email = page.getByLabel('Their email address (optional)', { exact: true });
    this.copyButton = page.getByRole('button', { name: 'Copy', exact: true });
    this.shareButton = page.getByRole('button', { name: 'Share', exact: true });
    this.mailLink = page.getByRole('link', { name: 'Open in mail app' });
    this.told = page.getByLabel(/^I told them/);
    this.backLink = page.getByRole('link', { name: 'Back to the steps' });
  }
}
