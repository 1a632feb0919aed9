import { addObjective } from '../../src/store/commands/objectives'
import { addHypothesis, addKeyResult, addParticipant, setHypothesisKeyResult } from '../../src/store/commands/setup'
import type { HarvestDB } from '../../src/store/db'

/** The room of the seed's example: two objectives, three key results each, three hypotheses. */
export async function seedOutline(db: HarvestDB, workshopId: string, options: { people?: readonly string[] } = {}) {
  const trust = await addObjective(db, workshopId, 'Build trust through match experiences')
  const growth = await addObjective(db, workshopId, 'Drive growth through social sharing')
  const trustKrs = [
    await addKeyResult(db, trust, 'Match rating submissions up 30%'),
    await addKeyResult(db, trust, 'Reported bad matches down 20%'),
    await addKeyResult(db, trust, 'Feedback form completion above 60%'),
  ]
  const growthKrs = [
    await addKeyResult(db, growth, '15% of new players come from invites'),
    await addKeyResult(db, growth, 'Shares per match up 2×'),
    await addKeyResult(db, growth, 'Invite conversion above 25%'),
  ]
  const hypotheses = [
    await addHypothesis(db, trust, 'If we make feedback easier, then more players will submit ratings'),
    await addHypothesis(db, trust, 'If rankings reflect skill better, then fewer matches feel unfair'),
    await addHypothesis(db, growth, "If users can share with attribution, then they'll invite more friends"),
  ]
  await setHypothesisKeyResult(db, hypotheses[0]!, trustKrs[0]!, true)
  await setHypothesisKeyResult(db, hypotheses[0]!, trustKrs[2]!, true)
  await setHypothesisKeyResult(db, hypotheses[1]!, trustKrs[1]!, true)
  await setHypothesisKeyResult(db, hypotheses[2]!, growthKrs[0]!, true)
  const people = []
  for (const name of options.people ?? []) people.push(await addParticipant(db, workshopId, name))
  return { trust, growth, trustKrs, growthKrs, hypotheses, people }
}
