import { PIN_HASH_PATTERN } from '../../domain/seat-pin'
import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { RecordMissing, write, type Writer } from '../writer'

export interface CardDraft {
  text: string
  hypothesisId: string | null
}

/** One idea on one card, written at a seat; it stays open to its author until passed on. */
export async function addCard(db: HarvestDB, workshopId: string, authorId: string, draft: CardDraft): Promise<string> {
  const text = draft.text.trim()
  if (!text) throw new Error('Write an idea on the card before adding it.')
  return write(db, async writer => {
    await requireAuthor(writer, authorId)
    return (await createCard(writer, workshopId, authorId, text, draft.hypothesisId, false)).id
  })
}

/**
 * "Done — pass it on": what is still typed in the new-card field becomes a card, then every
 * card of the seat is sealed, in one transaction, so no idea is lost on the way to the next
 * person. With `pinHash` (made by domain/seat-pin.ts before the transaction, as WebCrypto
 * cannot run inside one), the seat's PIN is set in that same transaction: the cards are never
 * sealed with a PIN half-chosen. Returns how many cards the seat now has.
 */
export async function passOn(
  db: HarvestDB,
  workshopId: string,
  authorId: string,
  draft: CardDraft | null = null,
  pinHash: string | null = null,
): Promise<number> {
  if (pinHash !== null && !PIN_HASH_PATTERN.test(pinHash)) throw new Error('That is not a seat PIN hash.')
  return write(db, async writer => {
    await requireAuthor(writer, authorId)
    if (pinHash !== null) await writer.update(authorId, 'participant', { pinHash })
    const text = draft?.text.trim() ?? ''
    if (text) await createCard(writer, workshopId, authorId, text, draft?.hypothesisId ?? null, true)
    const cards = (await db.records.where('[workshopId+kind]').equals([workshopId, 'card']).toArray()) as Rec<'card'>[]
    const own = cards.filter(card => card.deleted === undefined && card.fields.authorId === authorId)
    for (const card of own) if (!card.fields.sealed) await writer.update(card.id, 'card', { sealed: true })
    return own.length
  })
}

async function requireAuthor(writer: Writer, authorId: string) {
  const author = await writer.get(authorId, 'participant')
  if (!author || author.deleted !== undefined) throw new RecordMissing('participant', authorId)
}

function createCard(
  writer: Writer,
  workshopId: string,
  authorId: string,
  text: string,
  hypothesisId: string | null,
  sealed: boolean,
) {
  return writer.create('card', workshopId, { authorId, text, hypothesisId, sealed, milestoneId: null })
}
