import { createSignal, Show } from 'solid-js'
import { membersOf } from '../../domain/coverage-mapping'
import { mappingView } from '../../store/reads/mapping'
import { useLive } from '../../store/context'
import type { PhaseProps } from '../types'
import { OwnershipGrid } from './OwnershipGrid'
import { PairChoice } from './PairChoice'
import { PairItems } from './PairItems'
import './mapping.css'

/**
 * Team mapping, "divide and conquer": the tablet goes from pair to pair; each pair says who
 * it is, adds what it owns and ties it to the key results it moves. The grid beside shows the
 * room which key results nobody owns.
 */
export default function Mapping(props: PhaseProps) {
  const view = useLive(
    () => props.workshop.id,
    (db, id) => mappingView(db, id),
  )
  const [chosen, setChosen] = createSignal<string | null>(null)
  /** The pair holding the tablet; with one possible owner (the whole team) there is no choice to make. */
  const adding = () => {
    const pairs = view()?.pairs ?? []
    const pair = chosen()
    if (pair !== null && pairs.includes(pair)) return pair
    return pairs.length === 1 ? pairs[0]! : null
  }

  return (
    <section class="phase mapping" aria-labelledby="mapping-title">
      <div class="phase-head">
        <h2 id="mapping-title">Team mapping</h2>
        <p class="phase-now">Each pair: what it owns, and the key results it moves.</p>
      </div>
      <Show when={view()} fallback={<p class="muted">Loading…</p>}>
        {current => (
          <div class="mapping-layout" data-work-surface>
            <div class="mapping-work">
              <PairChoice
                pairs={current().pairs}
                selected={adding()}
                members={pair => membersOf(current().participants, pair)}
                itemCount={pair => current().items.filter(item => item.fields.pair === pair).length}
                onPick={setChosen}
              />
              {/* Keyed: another pair gets its own form, so words typed for one are never added for the other. */}
              <Show when={adding()} keyed>
                {pair => (
                  <PairItems
                    workshopId={props.workshop.id}
                    pair={pair}
                    items={current().items.filter(item => item.fields.pair === pair)}
                    objectives={current().objectives}
                    keyResults={current().keyResults}
                  />
                )}
              </Show>
            </div>
            <OwnershipGrid objectives={current().objectives} keyResults={current().keyResults} items={current().items} />
          </div>
        )}
      </Show>
    </section>
  )
}
