import { For, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { setVotingClosed } from '../../store/commands/vote'
import { useCommand, useLive } from '../../store/context'
import { voteResults } from '../../store/reads/vote'

/** Once voting is closed: the totals per milestone, ranked, and anything the rules flag. */
export function Results(props: { workshop: Rec<'workshop'> }) {
  const results = useLive(
    () => props.workshop.id,
    (db, id) => voteResults(db, id),
  )
  const setClosed = useCommand(setVotingClosed)
  const most = () => Math.max(1, ...(results()?.ranked.map(row => row.votes) ?? [0]))

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
            <ol class="ranking" aria-label="Milestones by votes">
              <For each={current().ranked}>
                {row => (
                  <li class="ranking-row">
                    <span class="place">
                      <span aria-hidden="true">#{row.place}</span>
                      <span class="visually-hidden">{`Place ${row.place}${row.tied ? ', tied' : ''}: `}</span>
                    </span>
                    <span class="ranking-title">
                      {row.title}
                      <Show when={row.typeLabel}>{label => <span class="tag">{label()}</span>}</Show>
                    </span>
                    <span class="ranking-votes">{row.votes === 1 ? '1 vote' : `${row.votes} votes`}</span>
                    <span class="bar" aria-hidden="true">
                      <span class="bar-fill" style={{ width: `${(row.votes / most()) * 100}%` }} />
                    </span>
                  </li>
                )}
              </For>
            </ol>
          </>
        )}
      </Show>
    </div>
  )
}
