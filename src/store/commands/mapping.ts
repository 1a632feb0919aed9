import type { ScopeCategory } from '../../domain/types'
import type { HarvestDB } from '../db'
import { RecordMissing, write } from '../writer'

export interface NewOwnedItem {
  pair: string
  title: string
  category: ScopeCategory
}

/** What a pair owns, not yet tied to any OKR: the pair ties it next, on the same screen. */
export async function addOwnedItem(db: HarvestDB, workshopId: string, input: NewOwnedItem): Promise<string> {
  const title = input.title.trim()
  const pair = input.pair.trim()
  if (!title) throw new Error('Write what the pair owns before adding it.')
  if (!pair) throw new Error('Choose which pair is adding first.')
  return write(db, async writer => {
    const item = await writer.create('scopeItem', workshopId, {
      pair,
      title,
      category: input.category,
      objectiveIds: [],
      keyResultIds: [],
    })
    return item.id
  })
}

/**
 * Ties an owned item to an objective or a key result, or unties it. The list is read inside
 * the transaction, so quick taps on several chips each count, whatever the screen last showed.
 */
export async function tieOwnedItem(
  db: HarvestDB,
  itemId: string,
  target: { kind: 'objective' | 'keyResult'; id: string },
  tied: boolean,
): Promise<void> {
  await write(db, async writer => {
    const item = await writer.get(itemId, 'scopeItem')
    if (!item) throw new RecordMissing('owned item', itemId)
    const field = target.kind === 'objective' ? 'objectiveIds' : 'keyResultIds'
    const current = item.fields[field]
    const next = tied
      ? current.includes(target.id)
        ? current
        : [...current, target.id]
      : current.filter(id => id !== target.id)
    await writer.update(itemId, 'scopeItem', { [field]: next })
  })
}
