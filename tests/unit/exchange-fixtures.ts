import { makeStamp, tick, type ClockState } from '../../src/domain/clock'
import { newId } from '../../src/domain/ids'
import { createRecord, editRecord } from '../../src/domain/record'
import { DEFAULT_TIMEBOXES, type AnyRec, type Rec } from '../../src/domain/types'

/** A seeded generator (mulberry32), so a workshop made twice is the same workshop. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'run a signal test on onboarding with ten new players measure match completion rate build the referral link spike on push ' +
  'notifications enabler for the payment provider interview coaches about scheduling pain prototype the team chat check ' +
  'retention after the first week instrument the funnel try a leaderboard for clubs validate that parents pay for insurance'

/** What a real workshop holds by the handoff: objectives, key results, hypotheses, people, `cards` cards, clusters and votes. */
export function workshopRecords(options: { cards: number; seed?: number; secret?: string }): {
  workshop: Rec<'workshop'>
  records: AnyRec[]
  deviceId: string
} {
  const rand = seeded(options.seed ?? 1)
  const words = WORDS.split(' ')
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(rand() * (max - min))
    return Array.from({ length }, () => words[Math.floor(rand() * words.length)]!).join(' ')
  }
  const deviceId = newId().slice(0, 16)
  let clock: ClockState = { wall: 0, counter: 0 }
  let now = 1_790_000_000_000
  const stamp = () => {
    now += Math.floor(rand() * 5000)
    clock = tick(clock, now)
    return makeStamp(clock, deviceId)
  }
  const workshopId = newId()
  const workshop = createRecord(
    'workshop',
    workshopId,
    workshopId,
    {
      title: 'Harvest Q3 — Berlin',
      date: '2026-11-24',
      phase: 'ideation',
      secret: options.secret ?? 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I',
      votesPerPerson: 5,
      votesPerMilestone: 3,
      anonymous: true,
      timeboxes: DEFAULT_TIMEBOXES,
      revealed: false,
      votingClosed: false,
      timer: null,
    },
    stamp(),
  )
  const records: AnyRec[] = [workshop]
  const objectives = Array.from({ length: 4 }, (_, index) =>
    createRecord('objective', newId(), workshopId, { title: sentence(4, 9), position: index + 1 }, stamp()),
  )
  const keyResults = objectives.flatMap(objective =>
    Array.from({ length: 3 }, (_, index) =>
      createRecord('keyResult', newId(), workshopId, { objectiveId: objective.id, text: sentence(6, 14), position: index + 1 }, stamp()),
    ),
  )
  const hypotheses = Array.from({ length: 10 }, (_, index) => {
    const objective = objectives[index % objectives.length]!
    return createRecord(
      'hypothesis',
      newId(),
      workshopId,
      { objectiveId: objective.id, keyResultIds: [keyResults[index]!.id], text: sentence(10, 20), position: index + 1 },
      stamp(),
    )
  })
  const people = Array.from({ length: 12 }, (_, index) =>
    createRecord('participant', newId(), workshopId, { name: `Person ${index + 1}`, pair: `Pair ${(index >> 1) + 1}`, position: index + 1 }, stamp()),
  )
  const cards = Array.from({ length: options.cards }, () => {
    const card = createRecord(
      'card',
      newId(),
      workshopId,
      {
        authorId: people[Math.floor(rand() * people.length)]!.id,
        text: sentence(5, 16),
        hypothesisId: rand() < 0.7 ? hypotheses[Math.floor(rand() * hypotheses.length)]!.id : null,
        sealed: true,
        milestoneId: null,
      },
      stamp(),
    )
    // Most cards are typed, then edited: their fields carry stamps of their own.
    return rand() < 0.6 ? editRecord(card, { text: `${card.fields.text} ${sentence(1, 4)}` }, stamp()) : card
  })
  records.push(...objectives, ...keyResults, ...hypotheses, ...people, ...cards)
  return { workshop, records, deviceId }
}

/** Plays a transfer to a receiver as a camera would, missing each frame with probability `loss`; gives up after `limit` frames. */
export async function transmit<Step extends { status: string }>(
  transfer: { k: number; frame(n: number): Promise<string> },
  push: (text: string) => Promise<Step>,
  options: { loss: number; rand: () => number; start?: number; limit?: number },
): Promise<{ last: Step | null; shown: number }> {
  const limit = options.limit ?? transfer.k * 4 + 50
  let last: Step | null = null
  for (let shown = 1; shown <= limit; shown++) {
    const text = await transfer.frame((options.start ?? 0) + shown - 1)
    if (options.rand() < options.loss) continue
    last = await push(text)
    if (last.status !== 'progress') return { last, shown }
  }
  return { last, shown: limit }
}
