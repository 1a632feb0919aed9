import { screen } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import Cluster from '../../src/phases/cluster'
import type { Fields, Rec } from '../../src/domain/types'
import type { HarvestDB } from '../../src/store/db'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

export interface ClusterSeed {
  /** Card texts; `in` names the milestone (by title) a card starts in. */
  cards: { text: string; author?: 'Ana' | 'Ben'; in?: string }[]
  milestones?: string[]
  revealed?: boolean
  anonymous?: boolean
}

/** A workshop at Read & cluster: two people, their cards, and some milestones. */
export async function seedCluster(db: HarvestDB, workshopId: string, seed: ClusterSeed) {
  return write(db, async writer => {
    await writer.update(workshopId, 'workshop', {
      phase: 'cluster',
      revealed: seed.revealed ?? true,
      anonymous: seed.anonymous ?? true,
    })
    const people = new Map<string, Rec<'participant'>>()
    for (const [index, name] of ['Ana', 'Ben'].entries()) {
      people.set(name, await writer.create('participant', workshopId, { name, pair: 'Pair 1', position: index + 1 }))
    }
    const milestones = new Map<string, Rec<'milestone'>>()
    for (const title of seed.milestones ?? []) {
      milestones.set(title, await writer.create('milestone', workshopId, emptyMilestone(title)))
    }
    const cards: Rec<'card'>[] = []
    for (const [index, card] of seed.cards.entries()) {
      const author = people.get(card.author ?? (index % 2 === 0 ? 'Ana' : 'Ben'))!
      cards.push(
        await writer.create('card', workshopId, {
          authorId: author.id,
          text: card.text,
          hypothesisId: null,
          sealed: true,
          milestoneId: card.in ? milestones.get(card.in)!.id : null,
        }),
      )
    }
    return { cards, milestones, people }
  })
}

function emptyMilestone(title: string): Fields<'milestone'> {
  return { title, type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' }
}

export async function openCluster(seed: ClusterSeed) {
  const { db, workshopId } = await freshWorkshop()
  const seeded = await seedCluster(db, workshopId, seed)
  const rendered = renderPhase(Cluster, db, workshopId)
  await screen.findByRole('heading', { level: 2, name: 'Read & cluster' })
  return { db, workshopId, ...seeded, ...rendered, user: userEvent.setup() }
}

/** The card's button on the board, found by the words on it. */
export function cardButton(text: string | RegExp): HTMLElement {
  return screen.getByRole('button', { name: typeof text === 'string' ? new RegExp(escape(text)) : text })
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
