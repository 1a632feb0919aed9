import type { Page } from 'playwright-core'
import { sampleBackupText } from '../fixtures/workshop'

/** Opens the sample workshop on a tablet through the app's own backup file input, as a person would. */
export async function openSampleWorkshop(page: Page, options: Parameters<typeof sampleBackupText>[0] = {}) {
  await page.getByRole('heading', { name: 'Workshops' }).waitFor()
  await page.getByLabel('Open a backup file', { exact: true }).setInputFiles({
    name: 'sample.json',
    mimeType: 'application/json',
    buffer: Buffer.from(await sampleBackupText(options)),
  })
  // A workshop this tablet does not hold: opening its backup restores it.
  await page.getByRole('button', { name: 'Restore on this tablet' }).click()
  await page.getByRole('button', { name: 'Open workshop' }).click()
  await page.getByRole('navigation', { name: 'Workshop steps' }).waitFor()
}
