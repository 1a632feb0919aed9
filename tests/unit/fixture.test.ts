import { describe, expect, it } from 'vitest'
import { readBackup } from '../../src/exchange/backup-read'
import { sampleBackupText, sampleWorkshop } from '../fixtures/workshop'

describe('the sample workshop fixture', () => {
  it('is a valid backup that the app would open', async () => {
    const result = readBackup(await sampleBackupText({ cards: 30 }))
    if (!result.ok) throw new Error(result.message)
    expect(result.backup.records.filter(record => record.kind === 'card')).toHaveLength(30)
  })

  it('has unique ids', () => {
    const { records } = sampleWorkshop({ cards: 500 })
    expect(new Set(records.map(record => record.id)).size).toBe(records.length)
  })
})
