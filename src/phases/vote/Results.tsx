import { createSignal, createUniqueId, For, Show } from 'solid-js'
import { ordinal, placeLabel } from '../../domain/places'
import type { Rec } from '../../domain/types'
import { settleTie } from '../../store/commands/tie-break'
import { setVotingClosed } from '../../store/commands/vote'
import { useCommand, useLive } from '../../store/context'
import { voteResults, type OpenTie, type VoteResults } from '../../store/reads/vote'
import { TieBreakRound } from './TieBreak'

/** Once voting is closed: the totals per milestone, ranked, ties shown as ties, and anything the rules flag. */
export function Results(props: { workshop: Rec<'workshop'> }) {
  const results = useLive(
    () => props.workshop.id,
    (db, id) => voteResults(db, id),
  )
  const setClosed = useCommand(setVotingClosed)
  const most = () => Math.max(1, ...(results()?.ranked.map(row => row.votes) ?? [0]))
  const round = () => {
    const tie = results()?.tie
    return tie?.state === 'voting' ? tie : null
  }

  return (
    <div class="panel results" data-work-surface>
      <div class="results-head">
        <h3>Totals</h3>
        <button type="button" class="button" onClick={() => void setClosed(props.workshop.id, false)}>
          Reopen voting
        </button>
      </div>
      <Show when={results()} fallback={<p class="muted">Counting…</p>}>
        {current => (
          <Show when={round()} fallback={<Totals results={current()} workshop={props.workshop} most={most()} />}>
            {tie => <TieBreakRound workshop={props.workshop} tie={tie()} />}
          </Show>
        )}
      </Show>
    </div>
  )
}

/** The ranked totals, the flags, and the best-placed open tie. */
function Totals(props: { results: VoteResults; workshop: Rec<'workshop'>; most: number }) {
  const current = () => props.results
  const most = () => props.most
  return (
    <>
      <p class="muted">
        {current().totalVotes === 1 ? '1 vote' : `${current().totalVotes} votes`} on{' '}
        {current().ranked.length === 1 ? '1 milestone' : `${current().ranked.length} milestones`}.
      </p>
      <Show when={current().flags.length > 0}>
        <section class="vote-flags" aria-labelledby="vote-flags-title">
          <h4 id="vote-flags-title">Check before relying on the totals</h4>
          <p>
            Votes cast on more than one tablet went past the rules. They are counted; the facilitator decides.
          </p>
          <ul>
            <For each={current().flags}>{flag => <li>⚠ {flag.text}</li>}</For>
          </ul>
        </section>
      </Show>
      <Show when={current().tie}>{tie => <TiePanel workshop={props.workshop} tie={tie()} />}</Show>
      <ol class="ranking" aria-label="Milestones by votes">
        <For each={current().ranked}>
          {row => (
            <li class="ranking-row" classList={{ tied: row.tied }}>
              <span class="place">{placeLabel(row.place, row.tied)}</span>
              <span class="ranking-title">
                {row.title}
                <Show when={row.typeLabel}>{label => <span class="tag">{label()}</span>}</Show>
              </span>
              <span class="ranking-votes">
                {row.votes === 1 ? '1 vote' : `${row.votes} votes`}
                <Show when={row.tieBreakVotes !== null}>
                  <span class="ranking-note">
                    {` · tie-break ${row.tieBreakVotes === 1 ? '1 dot' : `${row.tieBreakVotes} dots`}`}
                  </span>
                </Show>
                <Show when={row.tieAccepted}>
                  <span class="ranking-note"> · tie accepted</span>
                </Show>
              </span>
              <span class="bar" aria-hidden="true">
                <span class="bar-fill" style={{ width: `${(row.votes / most()) * 100}%` }} />
              </span>
            </li>
          )}
        </For>
      </ol>
    </>
  )
}

/** "A", "A and B", "A, B and C", each in quotes. */
function titleList(titles: readonly string[]): string {
  const quoted = titles.map(title => `“${title}”`)
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
}

/** The best-placed open tie, with the facilitator's two ways to settle it. */
function TiePanel(props: { workshop: Rec<'workshop'>; tie: OpenTie }) {
  const settle = useCommand(settleTie)
  const [problem, setProblem] = createSignal<string | null>(null)
  const titleId = createUniqueId()
  const ids = () => props.tie.milestones.map(m => m.id)
  const dots = (n: number) => (n === 1 ? '1 dot' : `${n} dots`)

  async function choose(state: 'voting' | 'accepted') {
    const result = await settle(props.workshop.id, ids(), props.tie.votes, state)
    setProblem(result.ok ? null : result.message)
  }

  return (
    <section class="tie-panel" aria-labelledby={titleId}>
      <h4 id={titleId}>Tied for {ordinal(props.tie.place)}</h4>
      <p>
        {titleList(props.tie.milestones.map(m => m.title))} have {props.tie.votes}{' '}
        {props.tie.votes === 1 ? 'vote' : 'votes'} each.{' '}
        <Show
          when={props.tie.state === 'level'}
          fallback="Settle it with a quick round, one dot per person among these only, or keep the tie."
        >
          The tie-break round ended level (
          {props.tie.milestones.map(m => `${m.title}: ${dots(props.tie.roundVotes[m.id] ?? 0)}`).join(', ')}). Vote
          again, or keep the tie.
        </Show>
      </p>
      <div class="tie-actions">
        <button type="button" class="button primary" onClick={() => void choose('voting')}>
          {props.tie.state === 'level' ? 'Vote again' : 'Break the tie'}
        </button>
        <button type="button" class="button" onClick={() => void choose('accepted')}>
          Accept the tie
        </button>
      </div>
      <Show when={problem()}>
        {message => (
          <p class="vote-refused" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </section>
  )
}
