import { createMemo, createSignal, For, Index, Show } from 'solid-js'
import { MILESTONE_CATALOGUE } from '../../domain/milestone-types'
import type { Rec } from '../../domain/types'
import { dotsOn, votesUsed } from '../../domain/votes'
import { castVote } from '../../store/commands/vote'
import { useCommand, useLive } from '../../store/context'
import { ballotOf } from '../../store/reads/vote'

interface BallotProps {
  workshop: Rec<'workshop'>
  participantId: string
  name: string
  onDone: () => void
}

/**
 * One voter's dots. Only this voter's own votes are read into the screen, and they show only
 * once the read has caught up with this voter, so the previous voter's dots never flash by.
 */
export function Ballot(props: BallotProps) {
  const ballot = useLive(
    () => ({ workshopId: props.workshop.id, participantId: props.participantId }),
    (db, source) => ballotOf(db, source.workshopId, source.participantId),
  )
  const cast = useCommand(castVote)
  const [refusal, setRefusal] = createSignal<{ milestoneId: string; message: string } | null>(null)
  const mine = () => {
    const current = ballot()
    return current && current.participantId === props.participantId ? current : undefined
  }
  const budget = () => props.workshop.fields.votesPerPerson
  const cap = () => props.workshop.fields.votesPerMilestone
  // Read once per change of this voter's dots, not once per milestone on the ballot.
  const dots = createMemo(() => (mine()?.votes ?? []).map(vote => vote.fields))
  const used = () => votesUsed(dots())
  const left = () => Math.max(0, budget() - used())
  const countOn = (milestoneId: string) => dotsOn(dots(), milestoneId)
  const titleOf = (milestone: Rec<'milestone'>) => milestone.fields.title.trim() || 'Untitled milestone'
  const hypothesisOf = (milestone: Rec<'milestone'>) => {
    const hypotheses = mine()?.hypotheses ?? []
    const index = hypotheses.findIndex(h => h.id === milestone.fields.hypothesisId)
    return index < 0 ? null : `H${index + 1}: ${hypotheses[index]!.fields.text}`
  }

  async function vote(milestoneId: string, delta: 1 | -1) {
    const result = await cast(props.workshop.id, props.participantId, milestoneId, delta)
    setRefusal(result.ok ? null : { milestoneId, message: result.message })
  }

  return (
    <Show when={mine()} fallback={<p class="muted">Opening {props.name}’s votes…</p>}>
      {current => (
        <div class="ballot" data-work-surface>
          <div class="ballot-bar">
            <div class="ballot-who">
              <h3>{props.name} is voting</h3>
              <p class="budget" role="status">
                <span class="budget-dots" aria-hidden="true">
                  <Index each={Array.from({ length: Math.max(budget(), used()) })}>
                    {(_, index) => <span class="dot" classList={{ spent: index < used(), over: index >= budget() }} />}
                  </Index>
                </span>
                {left()} of {budget()} votes left
              </p>
            </div>
            <button type="button" class="button primary pass-on-button" onClick={() => props.onDone()}>
              Done — pass it on
            </button>
          </div>
          <p class="muted ballot-rules">
            Put your dots on the milestones most critical to learn from: {budget()} in all, at most {cap()} on one
            milestone. Nobody sees your dots until the facilitator closes voting.
          </p>
          <Show
            when={current().milestones.length > 0}
            fallback={<p class="empty">No milestone to vote on yet. They come from Read &amp; cluster.</p>}
          >
            <ul class="ballot-list">
              <For each={current().milestones}>
                {milestone => {
                  // One dot changes one milestone's line, not all 500.
                  const count = createMemo(() => countOn(milestone.id))
                  return (
                    <li class="ballot-item" classList={{ voted: count() > 0 }}>
                      <div class="ballot-text">
                        <span class="ballot-title">{titleOf(milestone)}</span>
                        <span class="ballot-meta">
                          <Show when={milestone.fields.type}>
                            {type => <span class="tag">{MILESTONE_CATALOGUE[type()].label}</span>}
                          </Show>
                          <Show when={hypothesisOf(milestone)}>{text => <span class="muted">{text()}</span>}</Show>
                        </span>
                      </div>
                      <div class="ballot-controls">
                        <button
                          type="button"
                          class="button vote-button"
                          aria-label={`−1 vote on ${titleOf(milestone)}`}
                          disabled={count() === 0}
                          onClick={() => void vote(milestone.id, -1)}
                        >
                          −1 vote
                        </button>
                        <span
                          class="my-dots"
                          role="img"
                          aria-label={`Your votes on ${titleOf(milestone)}: ${count()}`}
                        >
                          <Index each={Array.from({ length: Math.max(cap(), count()) })}>
                            {(_, index) => <span class="dot" classList={{ spent: index < count() }} />}
                          </Index>
                        </span>
                        <button
                          type="button"
                          class="button vote-button"
                          aria-label={`+1 vote on ${titleOf(milestone)}`}
                          onClick={() => void vote(milestone.id, 1)}
                        >
                          +1 vote
                        </button>
                      </div>
                      <Show when={refusal()?.milestoneId === milestone.id ? refusal()!.message : null}>
                        {message => (
                          <p class="vote-refused" role="alert">
                            {message()}
                          </p>
                        )}
                      </Show>
                    </li>
                  )
                }}
              </For>
            </ul>
          </Show>
          <div class="pass-on">
            <p>When you are done, pass the tablet on. Your dots stay hidden until voting closes.</p>
            <button type="button" class="button primary pass-on-button" onClick={() => props.onDone()}>
              Done — pass it on
            </button>
          </div>
        </div>
      )}
    </Show>
  )
}
