import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/domain/canonical'
import type { AnyRec, Rec } from '../../src/domain/types'
import { BACKUP_VERSION, backupMac, checkSameWorkshop, envelopeText, writeBackup, type Backup } from '../../src/exchange/backup'
import { readBackup } from '../../src/exchange/backup-read'
import { crc32 } from '../../src/exchange/crc32'
import { applyBackup, checkBackup, type CheckedBackup } from '../../src/store/commands/backup'
import { planIncoming, previewIncoming } from '../../src/store/commands/incoming'
import { addObjective, editObjective, removeObjective } from '../../src/store/commands/objectives'
import { createWorkshop, newSecret, removeWorkshopFromTablet } from '../../src/store/commands/workshops'
import { getWorkshop, workshopRecords } from '../../src/store/queries'
import type { HarvestDB } from '../../src/store/db'
import { dump, freshDb } from './db-helpers'

async function workshopWithObjectives() {
  const db = freshDb()
  const id = await createWorkshop(db, { title: 'Harvest “Q3”, Berlin', date: '2026-11-24' })
  const kept = await addObjective(db, id, 'Build trust through match experiences')
  const removed = await addObjective(db, id, 'Drive growth through social sharing')
  await removeObjective(db, removed)
  await editObjective(db, kept, 'Build trust through match experiences 🤝')
  const workshop = (await getWorkshop(db, id)) as Rec<'workshop'>
  const text = await writeBackup({ workshop, records: await workshopRecords(db, id), deviceId: 'dev1' })
  return { db, id, workshop, text }
}

function accepted(result: CheckedBackup): Exclude<CheckedBackup, { ok: false }> {
  if (!result.ok) throw new Error(result.message)
  return result
}

async function refusedWith(db: HarvestDB, text: string): Promise<string> {
  const before = await dump(db)
  const result = await checkBackup(db, text)
  if (result.ok) throw new Error(`expected the file to be refused, it would ${result.mode}`)
  expect(await dump(db)).toBe(before)
  return result.message
}

/** A file as a version 1 app wrote it: the same envelope with a CRC-32 anyone can recompute. */
function versionOneText(text: string): string {
  const { mac: _, ...body } = JSON.parse(text) as Backup & { mac: string }
  const old = { ...body, version: 1 }
  return envelopeText(old, { checksum: crc32(canonicalJson(old)) })
}

/** A backup rewritten and sealed again under `secret`: what a forger without the room's key can make. */
async function resealed(text: string, change: (backup: { -readonly [K in keyof Backup]: Backup[K] }) => void, secret: string) {
  const { mac: _, ...body } = JSON.parse(text) as Backup & { mac: string }
  const copy = structuredClone(body) as { -readonly [K in keyof Backup]: Backup[K] }
  change(copy)
  return envelopeText(copy, { mac: await backupMac(copy, secret) })
}

describe('backup file', () => {
  it('restores a workshop the tablet does not hold, saying so, and the records are identical', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const before = await workshopRecords(db, id)
    await removeWorkshopFromTablet(db, id)
    expect(await workshopRecords(db, id)).toEqual([])

    const plan = accepted(await checkBackup(db, text))
    expect(plan.mode).toBe('restore')
    const preview = await previewIncoming(db, plan.backup.records)
    expect(preview.newCount).toBe(before.length)
    expect(preview.counts.objective.new).toBe(2)
    expect(await applyBackup(db, plan)).toMatchObject({ ok: true })

    const sortById = (records: readonly { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id))
    expect(sortById(await workshopRecords(db, id))).toEqual(sortById(before))
  })

  it('merges a sealed file of a workshop it holds, and changes nothing when opened twice', async () => {
    const { db, text } = await workshopWithObjectives()
    const plan = accepted(await checkBackup(db, text))
    expect(plan.mode).toBe('merge')
    await applyBackup(db, plan)
    const once = await dump(db)
    const preview = await previewIncoming(db, plan.backup.records)
    expect(preview.newCount + preview.changedCount).toBe(0)
    await applyBackup(db, accepted(await checkBackup(db, text)))
    expect(await dump(db)).toBe(once)
  })

  it('shows what a file from another tablet of the workshop changes, and merges it', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const other = freshDb()
    await applyBackup(other, accepted(await checkBackup(other, text)))
    const [objective] = (await workshopRecords(other, id)).filter(
      record => record.kind === 'objective' && record.deleted === undefined,
    )
    await editObjective(other, objective!.id, 'Edited on the other tablet')
    const workshop = (await getWorkshop(other, id)) as Rec<'workshop'>
    const back = accepted(await checkBackup(db, await writeBackup({ workshop, records: await workshopRecords(other, id), deviceId: 'dev2' })))
    expect(back.mode).toBe('merge')
    const preview = await previewIncoming(db, back.backup.records)
    expect(preview.changedCount).toBe(1)
    expect(preview.items[0]?.record.fields).toMatchObject({ title: 'Edited on the other tablet' })
    await applyBackup(db, back)
    // An edit made here after the merge still wins over the one received.
    await editObjective(db, objective!.id, 'Edited here later')
    const merged = (await workshopRecords(db, id)).find(record => record.id === objective!.id) as Rec<'objective'>
    expect(merged.fields.title).toBe('Edited here later')
  })

  it('writes the merge its preview showed, and works it out again when this tablet changed in between', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const other = freshDb()
    await applyBackup(other, accepted(await checkBackup(other, text)))
    const objective = (await workshopRecords(other, id)).find(
      record => record.kind === 'objective' && record.deleted === undefined,
    ) as Rec<'objective'>
    await editObjective(other, objective.id, 'Edited on the other tablet')
    const workshop = (await getWorkshop(other, id)) as Rec<'workshop'>
    const fileText = await writeBackup({ workshop, records: await workshopRecords(other, id), deviceId: 'dev2' })
    const titleHere = async (on: HarvestDB) =>
      ((await workshopRecords(on, id)).find(record => record.id === objective.id) as Rec<'objective'>).fields.title

    // Nothing changed since the preview: what it showed is what is written.
    const back = accepted(await checkBackup(db, fileText))
    const previewed = await planIncoming(db, back.backup.records)
    expect(previewed.summary.changedCount).toBe(1)
    expect(await applyBackup(db, back, previewed)).toMatchObject({ ok: true, summary: { changedCount: 1 } })
    expect(await titleHere(db)).toBe('Edited on the other tablet')

    // Edited here while the preview was open: the newer edit here is kept, not the preview's stale merge.
    const second = freshDb()
    await applyBackup(second, accepted(await checkBackup(second, text)))
    const again = accepted(await checkBackup(second, fileText))
    const stale = await planIncoming(second, again.backup.records)
    await editObjective(second, objective.id, 'Edited here while the file was open')
    expect(await applyBackup(second, again, stale)).toMatchObject({ ok: true })
    expect(await titleHere(second)).toBe('Edited here while the file was open')
  })

  it('refuses a file with any one byte changed, and the database stays byte for byte the same', async () => {
    const { db, text } = await workshopWithObjectives()
    const positions = [text.indexOf('Build trust') + 3, text.indexOf('"position"') + 12, text.length - 5, 40, text.indexOf('"mac"') + 9]
    for (const position of positions) {
      const code = text.charCodeAt(position)
      const changed = text.slice(0, position) + String.fromCharCode(code === 0x41 ? 0x42 : 0x41) + text.slice(position + 1)
      expect(changed).not.toBe(text)
      expect(await refusedWith(db, changed)).toMatch(/damaged|malformed|not an OKRA Harvest backup|does not carry the seal/)
    }
  })

  it('refuses a file rewritten and sealed again without the workshop’s key', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const forgedSecret = newSecret()
    const stolen = await resealed(text, backup => {
      backup.records = backup.records.map(record =>
        record.kind === 'workshop' ? ({ ...record, fields: { ...record.fields, secret: forgedSecret } } as AnyRec) : record,
      )
    }, forgedSecret)
    expect(await refusedWith(db, stolen)).toMatch(/does not carry the seal of “Harvest “Q3”, Berlin” as this tablet knows it/)
    // The file's own secret is never what a merge is checked with: the same forgery refused with a guess.
    const guessed = await resealed(text, backup => void (backup.title = 'Renamed'), newSecret())
    expect(await refusedWith(db, guessed)).toMatch(/does not carry the seal/)
    expect(id).toBeTruthy()
  })

  it('refuses an older, unsealed file of a workshop it holds, and restores one it does not hold', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const old = versionOneText(text)
    expect(readBackup(old)).toMatchObject({ ok: true, mac: null })
    expect(await refusedWith(db, old)).toMatch(/older version of OKRA Harvest, without its workshop’s seal/)
    await removeWorkshopFromTablet(db, id)
    expect(accepted(await checkBackup(db, old)).mode).toBe('restore')
  })

  it('refuses a restore that would reuse records of another workshop on this tablet', async () => {
    const { db, text } = await workshopWithObjectives()
    // The same records under a new workshop id, sealed with a secret of the forger's own.
    const secret = newSecret()
    const newId = 'f'.repeat(32)
    const moved = await resealed(text, backup => {
      backup.workshopId = newId
      backup.records = backup.records.map(record => {
        const fields = record.kind === 'workshop' ? { ...record.fields, secret } : record.fields
        return { ...record, id: record.kind === 'workshop' ? newId : record.id, workshopId: newId, fields } as AnyRec
      })
    }, secret)
    expect(await refusedWith(db, moved)).toMatch(/reuses records that belong to another workshop/)
  })

  it('writes nothing when the workshop changed between the check and the merge', async () => {
    const { db, id, text } = await workshopWithObjectives()
    const plan = accepted(await checkBackup(db, text))
    const workshop = (await db.records.get(id)) as Rec<'workshop'>
    await db.records.put({ ...workshop, fields: { ...workshop.fields, secret: newSecret() } })
    const before = await dump(db)
    expect(await applyBackup(db, plan)).toMatchObject({ ok: false, message: expect.stringContaining('open the file again') })
    expect(await dump(db)).toBe(before)
  })

  it('refuses a truncated file', async () => {
    const { db, text } = await workshopWithObjectives()
    expect(await refusedWith(db, text.slice(0, Math.floor(text.length / 2)))).toMatch(/damaged or incomplete/)
  })

  it('refuses a file of a newer format version, saying so', async () => {
    const { db, text } = await workshopWithObjectives()
    const newer = text.replace(`"version":${BACKUP_VERSION}`, `"version":${BACKUP_VERSION + 1}`)
    expect(await refusedWith(db, newer)).toMatch(/newer version of OKRA Harvest \(format 3/)
  })

  it('refuses another app’s JSON and text that is not JSON', async () => {
    const db = freshDb()
    expect(await refusedWith(db, '{"type":"excalidraw","version":2,"elements":[]}')).toMatch(/not an OKRA Harvest backup/)
    expect(await refusedWith(db, '[1,2,3]')).toMatch(/not an OKRA Harvest backup/)
    expect(await refusedWith(db, 'id,title\n1,hello')).toMatch(/not an OKRA Harvest backup/)
  })

  it('refuses well-formed JSON with malformed records or repeated ids, naming the record', async () => {
    const { db, text, workshop } = await workshopWithObjectives()
    const secret = workshop.fields.secret
    const badTitle = await resealed(text, backup => void ((backup.records[1] as { fields: { title: unknown } }).fields.title = 42), secret)
    expect(await refusedWith(db, badTitle)).toMatch(/malformed: record 2 \((objective|workshop)\), fields\.title/)
    const twice = await resealed(text, backup => void (backup.records = [...backup.records, backup.records[1]!]), secret)
    expect(await refusedWith(db, twice)).toMatch(/record 4 repeats the id of record 2/)
  })

  it('keeps markup as text', async () => {
    const db = freshDb()
    const id = await createWorkshop(db, { title: '<script>alert(1)</script>' })
    const workshop = (await getWorkshop(db, id)) as Rec<'workshop'>
    const result = readBackup(await writeBackup({ workshop, records: await workshopRecords(db, id), deviceId: 'd' }))
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
