import { byPosition, placeAt, positionAfterLast } from '../../domain/order'
import { autoPairs, checkTimebox, checkVoteRules } from '../../domain/setup-rules'
import type { Rec, Timeboxes } from '../../domain/types'
import type { HarvestDB } from '../db'
import { RecordMissing, write, type Writer } from '../writer'

/** The kinds that the Prepare screen lets a person put in order. */
export type OrderedKind = 'objective' | 'keyResult' | 'hypothesis' | 'participant'

type Ordered = Rec<OrderedKind>

async function liveOf<K extends OrderedKind>(db: HarvestDB, workshopId: string, kind: K): Promise<Rec<K>[]> {
  const records = (await db.records.where('[workshopId+kind]').equals([workshopId, kind]).toArray()) as Rec<K>[]
  return records.filter(record => record.deleted === undefined)
}

/**
 * The list a record is ordered within, as shown: key results and hypotheses are ordered
 * within their objective, objectives and participants within the workshop.
 */
async function siblingsOf(db: HarvestDB, record: Ordered): Promise<Ordered[]> {
  const all: Ordered[] = await liveOf(db, record.workshopId, record.kind)
  const objectiveId = 'objectiveId' in record.fields ? record.fields.objectiveId : undefined
  const same =
    objectiveId === undefined
      ? all
      : all.filter(sibling => 'objectiveId' in sibling.fields && sibling.fields.objectiveId === objectiveId)
  return same.sort((a, b) => byPosition(placed(a), placed(b)))
}

function placed(record: Ordered) {
  return { id: record.id, position: record.fields.position }
}

async function liveObjective(writer: Writer, objectiveId: string): Promise<Rec<'objective'>> {
  const objective = await writer.get(objectiveId, 'objective')
  if (!objective || objective.deleted !== undefined) throw new RecordMissing('objective', objectiveId)
  return objective
}

async function endOfObjective(db: HarvestDB, workshopId: string, kind: 'keyResult' | 'hypothesis', objectiveId: string) {
  const siblings = (await liveOf(db, workshopId, kind)).filter(record => record.fields.objectiveId === objectiveId)
  return positionAfterLast(siblings.map(record => record.fields.position))
}

export async function addKeyResult(db: HarvestDB, objectiveId: string, text: string): Promise<string> {
  return write(db, async writer => {
    const objective = await liveObjective(writer, objectiveId)
    const position = await endOfObjective(db, objective.workshopId, 'keyResult', objectiveId)
    return (await writer.create('keyResult', objective.workshopId, { objectiveId, text: text.trim(), position })).id
  })
}

export async function addHypothesis(db: HarvestDB, objectiveId: string, text: string): Promise<string> {
  return write(db, async writer => {
    const objective = await liveObjective(writer, objectiveId)
    const position = await endOfObjective(db, objective.workshopId, 'hypothesis', objectiveId)
    const fields = { objectiveId, keyResultIds: [], text: text.trim(), position }
    return (await writer.create('hypothesis', objective.workshopId, fields)).id
  })
}

export async function addParticipant(db: HarvestDB, workshopId: string, name: string): Promise<string> {
  return write(db, async writer => {
    const position = positionAfterLast((await liveOf(db, workshopId, 'participant')).map(p => p.fields.position))
    return (await writer.create('participant', workshopId, { name: name.trim(), pair: '', position })).id
  })
}

/**
 * Puts a record at index `to` of its list. The list is read inside the transaction, so the move
 * lands where the person saw it land even if another tablet's records were merged meanwhile.
 */
export async function moveTo(db: HarvestDB, id: string, kind: OrderedKind, to: number): Promise<void> {
  await write(db, async writer => {
    const record = (await writer.get(id, kind)) as Ordered | undefined
    if (!record || record.deleted !== undefined) throw new RecordMissing(kind, id)
    const siblings = await siblingsOf(db, record)
    for (const { id: movedId, position } of placeAt(siblings.map(placed), id, to)) {
      await writer.update(movedId, kind, { position })
    }
  })
}

/**
 * Ties a hypothesis to another objective: it goes to the end of that objective's hypotheses,
 * and lets go of the key results it had, which belong to the objective it leaves.
 */
export async function tieHypothesisToObjective(db: HarvestDB, hypothesisId: string, objectiveId: string): Promise<void> {
  await write(db, async writer => {
    const hypothesis = await writer.get(hypothesisId, 'hypothesis')
    if (!hypothesis || hypothesis.deleted !== undefined) throw new RecordMissing('hypothesis', hypothesisId)
    if (hypothesis.fields.objectiveId === objectiveId) return
    await liveObjective(writer, objectiveId)
    const position = await endOfObjective(db, hypothesis.workshopId, 'hypothesis', objectiveId)
    await writer.update(hypothesisId, 'hypothesis', { objectiveId, keyResultIds: [], position })
  })
}

/** Ties a hypothesis to one of its objective's key results, or lets go of it. */
export async function setHypothesisKeyResult(
  db: HarvestDB,
  hypothesisId: string,
  keyResultId: string,
  tied: boolean,
): Promise<void> {
  await write(db, async writer => {
    // Read here, not from the screen: two quick taps on two key results must both count.
    const hypothesis = await writer.get(hypothesisId, 'hypothesis')
    if (!hypothesis || hypothesis.deleted !== undefined) throw new RecordMissing('hypothesis', hypothesisId)
    const others = hypothesis.fields.keyResultIds.filter(id => id !== keyResultId)
    await writer.update(hypothesisId, 'hypothesis', { keyResultIds: tied ? [...others, keyResultId] : others })
  })
}

/** Removes an objective and, with it, its key results and hypotheses: all of them or none. */
export async function removeObjectiveWithItems(db: HarvestDB, objectiveId: string): Promise<void> {
  await write(db, async writer => {
    const objective = await writer.get(objectiveId, 'objective')
    if (!objective) throw new RecordMissing('objective', objectiveId)
    const keyResults = await liveOf(db, objective.workshopId, 'keyResult')
    const hypotheses = await liveOf(db, objective.workshopId, 'hypothesis')
    for (const item of [...keyResults, ...hypotheses]) {
      if (item.fields.objectiveId === objectiveId) await writer.remove(item.id)
    }
    await writer.remove(objectiveId)
  })
}

/** Removes a key result, and the ties hypotheses had to it. */
export async function removeKeyResult(db: HarvestDB, keyResultId: string): Promise<void> {
  await write(db, async writer => {
    const keyResult = await writer.get(keyResultId, 'keyResult')
    if (!keyResult) throw new RecordMissing('keyResult', keyResultId)
    for (const hypothesis of await liveOf(db, keyResult.workshopId, 'hypothesis')) {
      if (!hypothesis.fields.keyResultIds.includes(keyResultId)) continue
      const keyResultIds = hypothesis.fields.keyResultIds.filter(id => id !== keyResultId)
      await writer.update(hypothesis.id, 'hypothesis', { keyResultIds })
    }
    await writer.remove(keyResultId)
  })
}

/** Pairs the whole roster two by two, in roster order (an odd one out makes the last pair a trio). */
export async function autoPair(db: HarvestDB, workshopId: string): Promise<void> {
  await write(db, async writer => {
    const roster = (await liveOf(db, workshopId, 'participant')).sort((a, b) => byPosition(placed(a), placed(b)))
    const pairs = autoPairs(roster.length)
    for (const [index, person] of roster.entries()) {
      await writer.update(person.id, 'participant', { pair: pairs[index]! })
    }
  })
}

/** Thrown when a setting would break a rule; the screen checks first and shows the message. */
export class SettingRefused extends Error {}

/** Sets the vote budget and cap together, so the rule "cap within budget" always holds in storage. */
export async function setVoteRules(
  db: HarvestDB,
  workshopId: string,
  votesPerPerson: number,
  votesPerMilestone: number,
): Promise<void> {
  const checked = checkVoteRules(String(votesPerPerson), String(votesPerMilestone))
  if (!checked.ok) throw new SettingRefused(checked.message)
  await write(db, writer => writer.update(workshopId, 'workshop', checked.value))
}

/**
 * Sets one phase's time-box. The other phases' minutes are read inside the transaction, so
 * quick edits of two phases, one after the other, both stay.
 */
export async function setTimebox(
  db: HarvestDB,
  workshopId: string,
  phase: keyof Timeboxes,
  minutes: number,
): Promise<void> {
  const checked = checkTimebox(String(minutes), phase)
  if (!checked.ok) throw new SettingRefused(checked.message)
  await write(db, async writer => {
    const workshop = await writer.get(workshopId, 'workshop')
    if (!workshop) throw new RecordMissing('workshop', workshopId)
    await writer.update(workshopId, 'workshop', { timeboxes: { ...workshop.fields.timeboxes, [phase]: checked.value } })
  })
}
