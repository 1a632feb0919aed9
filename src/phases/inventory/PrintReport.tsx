import { For, Show } from 'solid-js'
import { milestonesById, type Inventory, type InventoryMilestone } from '../../domain/inventory'
import type { Rec } from '../../domain/types'
import { SeedCard } from '../../ui/SeedCard'
import '../../report/print.css'

/**
 * The inventory on paper: a cover, then each objective with its key results, hypotheses and
 * ranked milestones, every milestone as the seed's card in rank order, the coverage gaps and
 * the order of work. Hidden on screen; the print
 * stylesheet shows only this. Every milestone block ends with its place in the ranking, so a
 * reader (or a test reading the PDF) can see a block was never cut across pages.
 */
export function PrintReport(props: { inventory: Inventory; workshop: Rec<'workshop'>; participants: readonly string[] }) {
  const byId = () => milestonesById(props.inventory)
  const entries = (ids: readonly string[]) => ids.map(id => byId().get(id)).filter(m => m !== undefined)
  const indexOf = (id: string) => props.inventory.milestones.findIndex(m => m.id === id) + 1
  const Milestone = (p: { m: InventoryMilestone }) => (
    <li class="print-milestone">
      <p class="print-milestone-head">
        <Show when={p.m.votes !== null}>
          <span class="print-place">#{p.m.place}</span>
        </Show> <span class="print-title">{p.m.title}</span>{' '}
        <TypeBadge milestone={p.m} />{' '}
        <Show when={p.m.votes !== null}>
          <span class="print-votes">{p.m.votes === 1 ? '1 vote' : `${p.m.votes} votes`}</span>
        </Show>
      </p>
      <p class="print-line">
        <strong>Link:</strong> {p.m.card[3]!.value ?? 'not set'}
      </p>
      <p class="print-line">
        <strong>Unlocks:</strong> {p.m.unlocks.length > 0 ? p.m.unlocks.map(u => u.title).join(', ') : 'nothing named'}
      </p>
      <Show when={p.m.unlockedBy.length > 0}>
        <p class="print-line">
          <strong>Unlocked by:</strong> {p.m.unlockedBy.map(u => u.title).join(', ')}
        </p>
      </Show>
      <p class="print-line">
        <strong>Validates:</strong> {p.m.validates.trim() || 'not said'}
      </p>
      <p class="print-end">
        Milestone {indexOf(p.m.id)} of {props.inventory.milestones.length} in rank order
      </p>
    </li>
  )
  return (
    <article class="print-report" aria-hidden="true">
      <section class="print-cover">
        <p class="print-kicker">OKRA Session #2: Harvesting Milestones · Strategic inventory</p>
        <h1>{props.workshop.fields.title}</h1>
        <p class="print-date">{props.workshop.fields.date}</p>
        <Show
          when={!props.workshop.fields.anonymous}
          fallback={<p>An anonymous workshop: participants are not named.</p>}
        >
          <p>
            <strong>Participants:</strong> {props.participants.join(', ') || 'none listed'}
          </p>
        </Show>
        <p>
          {props.inventory.milestones.length} milestones ·{' '}
          {props.inventory.votingClosed ? 'ranked by the room’s votes' : 'voting still open: listed by title'} ·{' '}
          {props.inventory.gaps.length} coverage gaps
        </p>
      </section>

      <For each={props.inventory.objectives}>
        {objective => (
          <section class="print-objective">
            <h2>{objective.label}</h2>
            <ul class="print-krs">
              <For each={objective.keyResults}>
                {kr => (
                  <li>
                    <strong>{kr.label}</strong> {kr.text || '(empty key result)'}
                    {kr.milestoneCount === 0 ? ' (no milestone)' : ''}
                  </li>
                )}
              </For>
            </ul>
            <For each={objective.hypotheses}>
              {hypothesis => (
                <section class="print-hypothesis">
                  <h3>
                    {hypothesis.label}: {hypothesis.text || '(empty hypothesis)'}
                  </h3>
                  <Show when={hypothesis.gap}>
                    {gap => (
                      <p class="print-gap">
                        Gap: {gap() === 'no-milestone' ? 'no milestone yet' : 'no Spike or Signal Test to test it'}
                      </p>
                    )}
                  </Show>
                  <ol class="print-milestones">
                    <For each={entries(hypothesis.milestoneIds)}>{m => <Milestone m={m} />}</For>
                  </ol>
                </section>
              )}
            </For>
            <Show when={objective.withoutHypothesis.length > 0}>
              <section class="print-hypothesis">
                <h3>No hypothesis chosen yet</h3>
                <ol class="print-milestones">
                  <For each={entries(objective.withoutHypothesis)}>{m => <Milestone m={m} />}</For>
                </ol>
              </section>
            </Show>
          </section>
        )}
      </For>
      <Show when={props.inventory.unplaced.length > 0}>
        <section class="print-objective">
          <h2>Not linked to an objective yet</h2>
          <ol class="print-milestones">
            <For each={entries(props.inventory.unplaced)}>{m => <Milestone m={m} />}</For>
          </ol>
        </section>
      </Show>

      <section class="print-cards">
        <h2>Milestone cards, in rank order</h2>
        <ol class="print-milestones">
          <For each={props.inventory.milestones}>
            {(m, index) => (
              <li class="print-card">
                <p class="print-card-head">
                  <Show when={m.votes !== null}>#{m.place} </Show>
                  <TypeBadge milestone={m} />{' '}
                  <Show when={m.votes !== null}>{m.votes === 1 ? '1 vote' : `${m.votes} votes`}</Show>
                </p>
                <SeedCard lines={m.card} />
                <p class="print-end">
                  Card {index() + 1} of {props.inventory.milestones.length}
                </p>
              </li>
            )}
          </For>
        </ol>
      </section>

      <section class="print-gaps">
        <h2>Coverage gaps ({props.inventory.gaps.length})</h2>
        <Show when={props.inventory.gaps.length > 0} fallback={<p>Every hypothesis and key result is covered.</p>}>
          <ul>
            <For each={props.inventory.gaps}>{gap => <li>{gap.text}</li>}</For>
          </ul>
        </Show>
        <h2>Order of work</h2>
        <ol>
          <For each={props.inventory.order}>{id => <li>{byId().get(id)?.title}</li>}</For>
        </ol>
      </section>
    </article>
  )
}

/** The type as a word in a box whose border differs by type, so it reads in black and white. */
function TypeBadge(props: { milestone: InventoryMilestone }) {
  return (
    <span class={`print-type print-type-${props.milestone.type ?? 'none'}`}>
      {props.milestone.typeLabel ?? 'No type'}
    </span>
  )
}
