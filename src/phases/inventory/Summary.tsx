import { For, Show } from 'solid-js'
import { milestonesById, type Inventory } from '../../domain/inventory'
import { placeLabel } from '../../domain/places'
import type { Rec } from '../../domain/types'
import { LearnMost } from './LearnMost'
import { votesText } from './MilestoneEntry'

/**
 * What the inventory leads with, on screen and as the printout's first page: the workshop,
 * its objectives, every milestone in one ranked table, where to learn the most, and the coverage gaps. The table is the
 * one place a milestone's title sits beside its rank and votes; the detail below names each once more.
 */
export function Summary(props: { inventory: Inventory; workshop: Rec<'workshop'>; participants: readonly string[] }) {
  const closed = () => props.inventory.votingClosed
  const stepOf = (id: string) => milestonesById(props.inventory).get(id)?.step
  return (
    <div class="inv-summary">
      {/* On screen the workshop bar already says this; the page handed to leadership must say it itself. */}
      <header class="inv-print-only inv-print-head">
        <p class="inv-kicker">OKRA Session #2: Harvesting Milestones · Strategic inventory</p>
        <p class="inv-workshop">{props.workshop.fields.title || 'Untitled workshop'}</p>
        <p>
          {props.workshop.fields.date}
          {' · '}
          <Show when={!props.workshop.fields.anonymous} fallback="An anonymous workshop: participants are not named.">
            Participants: {props.participants.join(', ') || 'none listed'}
          </Show>
        </p>
      </header>

      <section class="inv-objectives" aria-labelledby="inv-objectives-title">
        <h3 id="inv-objectives-title">Objectives ({props.inventory.objectives.length})</h3>
        <Show when={props.inventory.objectives.length > 0} fallback={<p class="muted">No objective yet: they come from Prepare.</p>}>
          <ol>
            <For each={props.inventory.objectives}>
              {objective => (
                <li>
                  {objective.title}{' '}
                  <span class="inv-count">
                    ({objective.keyResults.length === 1 ? '1 key result' : `${objective.keyResults.length} key results`})
                  </span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>

      <section class="inv-ranked" aria-labelledby="inv-ranked-title">
        <h3 id="inv-ranked-title">{closed() ? 'Milestones by the room’s votes' : 'Milestones (voting still open)'}</h3>
        <Show
          when={props.inventory.milestones.length > 0}
          fallback={<p class="muted">No milestone yet: they come from Read &amp; cluster.</p>}
        >
          <div class="inv-table-wrap">
            <table class="inv-table" aria-labelledby="inv-ranked-title">
              <thead>
                <tr>
                  <Show when={closed()}>
                    <th scope="col">Rank</th>
                  </Show>
                  <th scope="col">Milestone</th>
                  <th scope="col">Type</th>
                  <th scope="col">Objective (key result)</th>
                  <Show when={closed()}>
                    <th scope="col" class="inv-num">
                      Votes
                    </th>
                  </Show>
                  <th scope="col" class="inv-num">
                    Step
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={props.inventory.milestones}>
                  {m => (
                    <tr>
                      <Show when={closed()}>
                        <td class="inv-rank">{placeLabel(m.place, m.tied)}</td>
                      </Show>
                      <th scope="row" class="inv-row-title">
                        {m.title}
                      </th>
                      <td class="inv-type" classList={{ unset: m.typeLabel === null }}>{m.typeLabel ?? 'not set'}</td>
                      <td classList={{ unset: m.link === null }}>
                        {m.link ? `${m.link.objective}${m.link.keyResult ? ` (${m.link.keyResult})` : ''}` : 'not linked'}
                      </td>
                      <Show when={closed()}>
                        <td class="inv-num">{votesText(m.votes ?? 0)}</td>
                      </Show>
                      <td class="inv-num">{m.step}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <p class="inv-note">
            {closed() ? 'Ranked by votes; equal votes share a rank.' : 'Listed by title: ranks and votes show once voting is closed.'}{' '}
            Step: the order of work, where what unlocks comes before what it unlocks, otherwise by rank.
          </p>
          <For each={props.inventory.cycles}>
            {cycle => (
              <p class="inv-flag" role="note">
                ⚠ These unlock one another in a circle: {[...cycle, cycle[0]!].map(id => `Step ${stepOf(id)}`).join(' → ')}
              </p>
            )}
          </For>
        </Show>
      </section>

      <LearnMost inventory={props.inventory} />

      <section class="panel gaps" aria-labelledby="gaps-title">
        <h3 id="gaps-title">Coverage gaps ({props.inventory.gaps.length})</h3>
        <Show when={props.inventory.gaps.length > 0} fallback={<p class="muted">Every hypothesis and key result is covered.</p>}>
          <ul>
            <For each={props.inventory.gaps}>{gap => <li>{gap.text}</li>}</For>
          </ul>
        </Show>
      </section>
    </div>
  )
}
