import { describe, expect, it } from 'vitest'
import { makeStamp } from '../../src/domain/clock'
import { createRecord } from '../../src/domain/record'
import type { AnyRec, Rec } from '../../src/domain/types'
import { holdsTheSame, makeHandoff, type Handoff, type ReceiveStep, type Shared } from '../../src/exchange/handoff'
import { progressText } from '../../src/phases/handoff/scanner'
import { mergeHandoff, recordReceipt } from '../../src/store/commands/handoff'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { createWorkshop } from '../../src/store/commands/workshops'
import type { HarvestDB } from '../../src/store/db'
import { workshopRecords } from '../../src/store/queries'
import { knownPeers, previewHandoff, recordsToShare } from '../../src/store/reads/handoff'
import { write } from '../../src/store/writer'
import { dump, freshDb } from './db-helpers'

const DAY = 86_400_000

/** Tablet A with a workshop of `objectives` objectives (random titles, so the bundle does not shrink to one frame), and tablet B that joined it. */
async function twoTablets(objectives = 60) {
  const a = freshDb()
  const workshopId = await createWorkshop(a, { title: 'Harvest at the lake', date: '2026-11-24' })
  await write(a, async writer => {
    for (let n = 0; n < objectives; n++) {
      const title = [...crypto.getRandomValues(new Uint8Array(24))].map(byte => byte.toString(36)).join(' ')
      await writer.create('objective', workshopId, { title, position: n + 1 })
    }
  })
  const b = freshDb()
  await mergeIncoming(b, await workshopRecords(a, workshopId))
  const workshop = (await a.records.get(workshopId)) as Rec<'workshop'>
  const side = { mode: 'sealed', workshopId, secret: workshop.fields.secret } as const
  return { a, b, workshopId, workshop, onA: makeHandoff(side), onB: makeHandoff(side) }
}

async function share(db: HarvestDB, handoff: Handoff, workshopId: string, sender: string, slower = false): Promise<Shared> {
  const records = await recordsToShare(db, { workshopId, scope: 'everything' })
  const shared = await handoff.share({ workshopId, sender, records, slower })
  if ('problem' in shared) throw new Error(shared.problem)
  return shared
}

/**
 * Shows frames 0, 1, 2, … to a receiver 50 ms apart, losing every third and showing every fifth twice, until it is done.
 * The mixed frames are random, so a transfer of a few fragments may need a dozen more than K: the bound leaves room
 * (a miss past it has odds below one in a billion).
 */
async function scan(handoff: Handoff, shared: Shared) {
  const receiver = handoff.receive()
  const steps: ReceiveStep[] = []
  let at = 1000
  for (let n = 0; n < shared.transfer.k * 4 + 48; n++) {
    at += 50
    if (n % 3 === 2) continue
    const text = await shared.transfer.frame(n)
    for (const shown of n % 5 === 0 ? [text, text] : [text]) {
      const step = await receiver.push(shown, at)
      steps.push(step)
      if (step.status === 'done') return { steps, done: step }
    }
  }
  throw new Error('The transfer never completed.')
}

const objectiveTitled = (records: readonly AnyRec[], title: string) =>
  records.find(record => record.kind === 'objective' && record.fields.title === title)

describe('a handoff, end to end', () => {
  it('shares, survives loss and repeats with live progress and goodput, previews, merges once and takes the receipt', async () => {
    const { a, b, workshopId, onA, onB } = await twoTablets()
    await write(a, writer => writer.create('objective', workshopId, { title: 'Fans trust the ratings', position: 99 }))
    await write(b, writer => writer.create('objective', workshopId, { title: 'Only on tablet B', position: 98 }))
    const shared = await share(a, onA, workshopId, 'abcd000011112222')
    expect(shared.fps).toBe(15)
    expect(shared.transfer.k).toBeGreaterThan(2)

    const { steps, done } = await scan(onB, shared)
    const progress = steps.flatMap(step => (step.status === 'progress' ? [step.progress] : []))
    expect(progress[0]).toMatchObject({ solved: 1, total: shared.transfer.k, kbPerSecond: null, framesPerSecond: null })
    // Solved fragments never step back, and the rates come from the texts' own times.
    for (let n = 1; n < progress.length; n++) expect(progress[n]!.solved).toBeGreaterThanOrEqual(progress[n - 1]!.solved)
    const last = progress.at(-1)!
    expect(last.framesPerSecond).toBeGreaterThan(10)
    expect(last.framesPerSecond).toBeLessThan(40)
    expect(last.kbPerSecond).toBeGreaterThan(0)
    expect(done.bundle.sender).toBe('abcd000011112222')

    const before = await dump(b)
    const preview = await previewHandoff(b, workshopId, done.bundle.records)
    expect(preview.summary.newCount).toBe(1)
    expect(preview.summary.items.map(item => item.record.kind)).toEqual(['objective'])
    expect(await dump(b)).toBe(before) // a preview writes nothing

    const merged = await mergeHandoff(b, preview)
    expect(merged.summary).toBe(preview.summary) // the preview's merge is the one written
    const onBNow = await workshopRecords(b, workshopId)
    expect(objectiveTitled(onBNow, 'Fans trust the ratings')).toBeDefined()
    expect(Object.keys(merged.held).length).toBe(onBNow.length)

    const receipt = await onB.receipt({ transferId: done.transferId, deviceId: merged.deviceId, held: merged.held })
    expect(receipt).toMatch(new RegExp(`^OHR1 ${workshopId} ${done.transferId} `))
    const taken = await onA.takeReceipt(receipt!)
    if (!taken.ok) throw new Error(taken.message)
    expect(taken.deviceId).toBe(merged.deviceId)
    const mine = await recordReceipt(a, { workshopId, deviceId: taken.deviceId, held: taken.held })
    // B also holds its own objective, which A lacks: not the same workshop yet.
    expect(await holdsTheSame(taken, mine)).toBe(false)
    expect(await knownPeers(a, workshopId)).toEqual([expect.objectContaining({ deviceId: merged.deviceId, lacking: 0 })])
  })

  it('works the merge out again when a record it touches changed here after the preview', async () => {
    const { a, b, workshopId, onA, onB } = await twoTablets(3)
    const [objective] = (await workshopRecords(a, workshopId)).filter(record => record.kind === 'objective')
    await write(a, writer => writer.update(objective!.id, 'objective', { title: 'Renamed on A' }))
    const { done } = await scan(onB, await share(a, onA, workshopId, 'abcd000011112222'))
    const preview = await previewHandoff(b, workshopId, done.bundle.records)
    expect(preview.summary.changedCount).toBe(1)

    // Between preview and merge, someone moves the same objective on B.
    await write(b, writer => writer.update(objective!.id, 'objective', { position: 42 }))
    await mergeHandoff(b, preview)
    const after = (await b.records.get(objective!.id)) as Rec<'objective'>
    expect(after.fields).toMatchObject({ title: 'Renamed on A', position: 42 })
  })

  it('carries the same sealed bytes in a file, and refuses another workshop’s file in words about a file', async () => {
    const { a, b, workshopId, workshop, onA, onB } = await twoTablets(2)
    await write(a, writer => writer.create('objective', workshopId, { title: 'Sent by file', position: 9 }))
    const file = await onA.file({
      workshopId,
      title: workshop.fields.title,
      sender: 'feed000011112222',
      records: await workshopRecords(a, workshopId),
    })
    expect(file.name).toBe('harvest-at-the-lake.handoff.harvest')

    const other = freshDb()
    const otherId = await createWorkshop(other, { title: 'Another room', date: '2026-11-24' })
    const otherWorkshop = (await other.records.get(otherId)) as Rec<'workshop'>
    const foreign = await makeHandoff({ mode: 'sealed', workshopId: otherId, secret: otherWorkshop.fields.secret }).file({
      workshopId: otherId,
      title: 'Another room',
      sender: 'feed000011112222',
      records: [otherWorkshop],
    })
    const refused = await onB.openFile(new Blob([foreign.bytes as Uint8Array<ArrayBuffer>]))
    expect(refused).toMatchObject({ ok: false, message: 'This file is from another workshop. Nothing was changed.' })

    const opened = await onB.openFile(new Blob([file.bytes as Uint8Array<ArrayBuffer>]))
    if (!opened.ok) throw new Error(opened.message)
    expect(opened.transferId).toBe(file.transferId)
    await mergeHandoff(b, await previewHandoff(b, workshopId, opened.bundle.records))
    expect(objectiveTitled(await workshopRecords(b, workshopId), 'Sent by file')).toBeDefined()
    // The file's receipt is one A knows.
    const merged = await mergeHandoff(b, await previewHandoff(b, workshopId, opened.bundle.records))
    const receipt = await onB.receipt({ transferId: opened.transferId, deviceId: merged.deviceId, held: merged.held })
    expect((await onA.takeReceipt(receipt!)).ok).toBe(true)
  })

  it('writes nothing for refusals: records far ahead of this tablet’s clock, a foreign frame, a receipt of another transfer', async () => {
    const { b, workshopId, workshop, onA, onB } = await twoTablets(1)
    const ahead = createRecord(
      'objective',
      'objective-from-the-future',
      workshopId,
      { title: 'Written three days ahead', position: 7 },
      makeStamp({ wall: Date.now() + 3 * DAY, counter: 0 }, 'otherdevice00001'),
    ) as AnyRec
    const shared = await onA.share({ workshopId, sender: 'otherdevice00001', records: [workshop, ahead] })
    if ('problem' in shared) throw new Error(shared.problem)
    const { done } = await scan(onB, shared)
    const before = await dump(b)
    const preview = await previewHandoff(b, workshopId, done.bundle.records)
    expect(preview.summary.ahead).toEqual([expect.objectContaining({ deviceId: 'otherdevice00001', count: 1 })])
    await mergeHandoff(b, preview)
    expect(await dump(b)).toBe(before)

    const stranger = makeHandoff({ mode: 'sealed', workshopId: 'another-workshop', secret: workshop.fields.secret })
    const strangers = await stranger.share({ workshopId: 'another-workshop', sender: 'x', records: [] })
    if ('problem' in strangers) throw new Error(strangers.problem)
    expect(await onB.receive().push(await strangers.transfer.frame(0))).toMatchObject({
      status: 'rejected',
      message: 'This code is from another workshop. Nothing was changed.',
      tell: true,
    })

    // B never showed transfer 7 (nor any): A's receipt of it is not one B takes.
    const receipt = await onA.receipt({ transferId: 7, deviceId: 'abcd000011112222', held: {} })
    expect(await onB.takeReceipt(receipt!)).toMatchObject({
      ok: false,
      message: 'This receipt is for another transfer than the one shown here. Nothing was changed.',
    })
  })

  it('joins without a key: the join code carries the workshop, and a joining tablet makes no receipt', async () => {
    const { a, workshopId } = await twoTablets(1)
    const join = makeHandoff({ mode: 'join' })
    const records = await recordsToShare(a, { workshopId, scope: 'join' })
    const shared = await join.share({ workshopId, sender: 'abcd000011112222', records, slower: true })
    if ('problem' in shared) throw new Error(shared.problem)
    expect(shared.fps).toBe(8)
    const { done } = await scan(makeHandoff({ mode: 'join' }), shared)
    expect(done.bundle.records.some(record => record.kind === 'workshop' && record.id === workshopId)).toBe(true)
    expect(await join.receipt({ transferId: done.transferId, deviceId: 'x', held: {} })).toBeNull()
  })
})

describe('what the receiver says while scanning', () => {
  it('reads fragments of K, then KB/s of payload and frames read a second once it can tell', () => {
    expect(progressText(null)).toBe('Looking for a code…')
    expect(progressText({ solved: 1, total: 23, kbPerSecond: null, framesPerSecond: null })).toBe('1 of 23 fragments')
    expect(progressText({ solved: 12, total: 23, kbPerSecond: 14.24, framesPerSecond: 17.2 })).toBe(
      '12 of 23 fragments · 14.2 KB/s · 17 frames/s',
    )
  })
})
