import { describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import { BACKUP_VERSION, checkSameWorkshop, writeBackup } from '../../src/exchange/backup'
import { readBackup } from '../../src/exchange/backup-read'
import { mergeIncoming, previewIncoming } from '../../src/store/commands/incoming'
import { addObjective, editObjective, removeObjective } from '../../src/store/commands/objectives'
import { createWorkshop, removeWorkshopFromTablet } from '../../src/store/commands/workshops'
import { getWorkshop, workshopRecords } from '../../src/store/queries'
import { dump, freshDb } from './db-helpers'

async function workshopWithObjectives() {
  const db = freshDb()
  const id = await createWorkshop(db, { title: 'Harvest “Q3”, Berlin', date: '2026-11-24' })
  const kept = await addObjective(db, id, 'Build trust through match experiences')
  const removed = await addObjective(db, id, 'Drive growth through social sharing')
  await removeObjective(db, removed)
  await editObjective(db, kept, 'Build trust through match experiences 🤝')
  const workshop = (await getWorkshop(db, id)) as Rec<'workshop'>
  const text = writeBackup({ workshop, records: await workshopRecords(db, id), deviceId: 'dev1' })
  return { db, id, workshop, text }
}

function refusedWith(text: string): string {
  const result = readBackup(text)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.message
}

describe('backup file', () => {
  it('round trips: save, delete the workshop, open the file, and the records are identical', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const before = await workshopRecords(db, id)
    await removeWorkshopFromTablet(db, id)
    expect(await workshopRecords(db, id)).toEqual([])

    const result = readBackup(text)
    if (!result.ok) throw new Error(result.message)
    const preview = await previewIncoming(db, result.backup.records)
    expect(preview.newCount).toBe(before.length)
    expect(preview.counts.objective.new).toBe(2)
    await mergeIncoming(db, result.backup.records)

    const sortById = (records: readonly { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))
    expect(sortById(await workshopRecords(db, id))).toEqual(sortById(before))
  })

  it('changes nothing when the same file is opened twice', async () => {
    const { db, text } = await workshopWithObjectives()
    const result = readBackup(text)
    if (!result.ok) throw new Error(result.message)
    await mergeIncoming(db, result.backup.records)
    const once = await dump(db)
    const preview = await previewIncoming(db, result.backup.records)
    expect(preview.newCount + preview.changedCount).toBe(0)
    await mergeIncoming(db, result.backup.records)
    expect(await dump(db)).toBe(once)
  })

  it('shows what a file from another tablet changes', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const other = freshDb()
    const opened = readBackup(text)
    if (!opened.ok) throw new Error(opened.message)
    await mergeIncoming(other, opened.backup.records)
    const [objective] = (await workshopRecords(other, id)).filter(
      record => record.kind === 'objective' && record.deleted === undefined,
    )
    await editObjective(other, objective!.id, 'Edited on the other tablet')
    const workshop = (await getWorkshop(other, id)) as Rec<'workshop'>
    const back = readBackup(writeBackup({ workshop, records: await workshopRecords(other, id), deviceId: 'dev2' }))
    if (!back.ok) throw new Error(back.message)
    const preview = await previewIncoming(db, back.backup.records)
    expect(preview.changedCount).toBe(1)
    expect(preview.items[0]?.record.fields).toMatchObject({ title: 'Edited on the other tablet' })
    await mergeIncoming(db, back.backup.records)
    // An edit made here after the merge still wins over the one received.
    await editObjective(db, objective!.id, 'Edited here later')
    const merged = (await workshopRecords(db, id)).find(record => record.id === objective!.id) as Rec<'objective'>
    expect(merged.fields.title).toBe('Edited here later')
  })

  it('refuses a file with any one byte changed, and the database stays byte for byte the same', async () => {
    const { db, text } = await workshopWithObjectives()
    const before = await dump(db)
    const positions = [text.indexOf('Build trust') + 3, text.indexOf('"position"') + 12, text.length - 5, 40]
    for (const position of positions) {
      const code = text.charCodeAt(position)
      const changed = text.slice(0, position) + String.fromCharCode(code === 0x41 ? 0x42 : 0x41) + text.slice(position + 1)
      expect(changed).not.toBe(text)
      expect(refusedWith(changed)).toMatch(/damaged|malformed|not an OKRA Harvest backup/)
    }
    expect(await dump(db)).toBe(before)
  })

  it('refuses a truncated file', async () => {
    const { text } = await workshopWithObjectives()
    expect(refusedWith(text.slice(0, Math.floor(text.length / 2)))).toMatch(/damaged or incomplete/)
  })

  it('refuses a file of a newer format version, saying so', async () => {
    const { text } = await workshopWithObjectives()
    const newer = text.replace(`"version":${BACKUP_VERSION}`, `"version":${BACKUP_VERSION + 1}`)
    expect(refusedWith(newer)).toMatch(/newer version of OKRA Harvest \(format 2/)
  })

  it('refuses another app’s JSON and text that is not JSON', () => {
    expect(refusedWith('{"type":"excalidraw","version":2,"elements":[]}')).toMatch(/not an OKRA Harvest backup/)
    expect(refusedWith('[1,2,3]')).toMatch(/not an OKRA Harvest backup/)
    expect(refusedWith('id,title\n1,hello')).toMatch(/not an OKRA Harvest backup/)
  })

  it('refuses well-formed JSON with malformed records, naming the record', async () => {
    const { text } = await workshopWithObjectives()
    const parsed = JSON.parse(text)
    parsed.records[1].fields.title = 42
    const { checksum: _, ...body } = parsed
    const { canonicalJson } = await import('../../src/domain/canonical')
    const { crc32 } = await import('../../src/exchange/crc32')
    const resealed = JSON.stringify({ ...body, checksum: crc32(canonicalJson(body)) })
    expect(refusedWith(resealed)).toMatch(/malformed: record 2 \((objective|workshop)\), fields\.title/)
  })

  it('keeps markup as text', async () => {
    const db = freshDb()
    const id = await createWorkshop(db, { title: '<script>alert(1)</script>' })
    const workshop = (await getWorkshop(db, id)) as Rec<'workshop'>
    const result = readBackup(writeBackup({ workshop, records: await workshopRecords(db, id), deviceId: 'd' }))
    expect(result.ok && result.backup.title).toBe('<script>alert(1)</script>')
  })

  it('refuses to merge another workshop’s backup into this one', async () => {
    const { text } = await workshopWithObjectives()
    const db = freshDb()
    const otherId = await createWorkshop(db, { title: 'Another workshop' })
    const other = (await getWorkshop(db, otherId)) as Rec<'workshop'>
    const result = readBackup(text)
    if (!result.ok) throw new Error(result.message)
    expect(checkSameWorkshop(result.backup, other)).toMatch(/another workshop \("Harvest “Q3”, Berlin"\)/)
    const own = result.backup.records.find(record => record.kind === 'workshop') as Rec<'workshop'>
    expect(checkSameWorkshop(result.backup, own)).toBeNull()
  })
})
