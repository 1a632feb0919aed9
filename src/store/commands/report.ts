import type { Session1Plan } from '../../report/plan'
import { sameTitle } from '../../report/plan'
import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf } from '../queries'
import { write } from '../writer'
import { newWorkshop } from './workshops'

export type ImportTarget = { readonly workshopId: string } | { readonly title: string }

export class ImportRefused extends Error {}

/**
 * Writes what Session #1's files hold, all in one transaction: into a new workshop, or into
 * the current one while it is being prepared. An objective already there with the same title
 * is filled in rather than repeated, and a key result already there is not added twice.
 * Returns the workshop's id.
 */
export async function importSession1(db: HarvestDB, plan: Session1Plan, target: ImportTarget): Promise<string> {
  return write(db, async writer => {
    let workshopId: string
    if ('workshopId' in target) {
      const workshop = await writer.get(target.workshopId, 'workshop')
      if (!workshop || workshop.deleted) throw new ImportRefused('This workshop is not on this tablet.')
      if (workshop.fields.phase !== 'setup') {
        throw new ImportRefused('Session #1 files can only be imported while the workshop is in Prepare.')
      }
      workshopId = workshop.id
    } else {
      const created = newWorkshop(target.title.trim() || 'Session #2')
      workshopId = created.id
      await writer.create('workshop', workshopId, created.fields, workshopId)
    }
    // Read inside the transaction, so positions follow what is there at this moment.
    const objectives = await recordsOf(db, workshopId, 'objective')
    const keyResults = await recordsOf(db, workshopId, 'keyResult')
    const hypotheses = await recordsOf(db, workshopId, 'hypothesis')
    let objectivePosition = Math.max(0, ...objectives.map(o => o.fields.position))
    let hypothesisPosition = Math.max(0, ...hypotheses.map(h => h.fields.position))

    for (const planned of plan.objectives) {
      let objective: Rec<'objective'> | undefined = objectives.find(o => sameTitle(o.fields.title, planned.title))
      objective ??= await writer.create('objective', workshopId, { title: planned.title, position: ++objectivePosition })
      const mine = keyResults.filter(kr => kr.fields.objectiveId === objective.id)
      let krPosition = Math.max(0, ...mine.map(kr => kr.fields.position))
      // The plan's key result n → a record id: the one already there with that text, or a new one.
      const krIds: string[] = []
      for (const text of planned.keyResults) {
        const existing = mine.find(kr => kr.fields.text.trim() === text.trim())
        const id =
          existing?.id ??
          (await writer.create('keyResult', workshopId, { objectiveId: objective.id, text, position: ++krPosition })).id
        krIds.push(id)
      }
      for (const hypothesis of planned.hypotheses) {
        await writer.create('hypothesis', workshopId, {
          objectiveId: objective.id,
          keyResultIds: hypothesis.keyResults.map(n => krIds[n - 1]!).filter(Boolean),
          text: hypothesis.text,
          position: ++hypothesisPosition,
          ...(hypothesis.evidence ? { evidence: hypothesis.evidence } : {}),
          ...(hypothesis.importance ? { importance: hypothesis.importance } : {}),
        })
      }
    }
    return workshopId
  })
}
