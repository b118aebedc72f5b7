// The passphrase lock: the lock screen, the header's "Lock now", and the Settings section
// that turns it on, changes it and turns it off. By roles and labels.

export class LockScreen {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { level: 1, name: 'Mend is locked' });
    this.passphrase = page.getByLabel('Passphrase', { exact: true });
    this.unlockButton = page.getByRole('button', { name: 'Unlock' });
    this.message = page.getByRole('status');
  }

  async unlock(passphrase) {
    await this.passphrase.fill(passphrase);
    await this.unlockButton.click();
  }
}

export class LockSettings {
  constructor(page) {
    this.page = page;
    this.section = page.getByRole('region', { name: 'Lock with a passphrase' });
    this.newPassphrase = this.section.getByLabel('New passphrase', { exact: true });
    this.repeat = this.section.getByLabel(/^Repeat the (new )?passphrase$/);
    this.current = this.section.getByLabel('Current passphrase', { exact: true });
    this.strength = this.section.locator('#lock-strength');
    this.turnOnButton = this.section.getByRole('button', { name: 'Turn on the lock' });
    this.changeButton = this.section.getByRole('button', { name: 'Change passphrase' });
    this.turnOffButton = this.section.getByRole('button', { name: 'Turn off the lock' });
    this.status = this.section.getByRole('status');
    this.alert = this.section.getByRole('alert').filter({ hasText: /\S/ });
    this.lockNowButton = page.getByRole('banner').getByRole('button', { name: 'Lock now' });
  }

  idleChoice(label) {
    return this.section.getByRole('radio', { name: label, exact: true });
  }

  /** Turns the lock on and waits until everything is encrypted. */
  async turnOn(passphrase) {
    await this.newPassphrase.fill(passphrase);
    await this.repeat.fill(passphrase);
    await this.turnOnButton.click();
    await this.status.filter({ hasText: 'The lock is on' }).waitFor({ timeout: 20_000 });
  }

  async change(current, next) {
    await this.current.fill(current);
    await this.newPassphrase.fill(next);
    await this.repeat.fill(next);
    await this.changeButton.click();
  }

  async turnOff() {
    await this.turnOffButton.click();
    await this.status.filter({ hasText: 'The lock is off' }).waitFor({ timeout: 20_000 });
  }
}

/** "Export all, encrypted" in Settings, and the passphrase an encrypted backup asks for on import. */
export class EncryptedBackup {
  constructor(page) {
    this.page = page;
    this.passphrase = page.getByLabel('Passphrase for an encrypted backup', { exact: true });
    this.repeat = page.getByLabel('Repeat the backup passphrase', { exact: true });
    this.exportButton = page.getByRole('button', { name: 'Export all, encrypted' });
    this.importPassphrase = page.getByLabel('Backup passphrase', { exact: true });
    this.openButton = page.getByRole('button', { name: 'Open backup' });
  }

  async open(passphrase) {
    await this.importPassphrase.fill(passphrase);
    await this.openButton.click();
  }
}
