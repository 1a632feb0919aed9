import { For } from 'solid-js'
import { dismissConflict, takeConflict } from '../store/commands/conflicts'
import { useCommand, useLive } from '../store/context'
import { conflictsOfRecord } from '../store/reads/conflicts'
import './notices.css'

/**
 * The other value of a record's title or text that a merge did not keep ("also named … on
 * tablet X"), with one tap to take it (a new edit here, so it wins everywhere after) or to
 * keep the current one.
 */
export function ConflictNote(props: { recordId: string }) {
  const rows = useLive(() => props.recordId, conflictsOfRecord)
  const take = useCommand(takeConflict)
  const dismiss = useCommand(dismissConflict)
  return (
    <For each={rows() ?? []}>
      {row => {
        const verb = row.field === 'title' ? 'named' : 'written'
        return (
          <div class="merge-notice" role="note">
            <p>
              Also {verb} “{row.value}” on {row.tablet}.
            </p>
            <div class="notice-actions">
              <button type="button" class="button" onClick={() => void take(row.key)}>
                Use “{row.value}”
              </button>
              <button type="button" class="button" onClick={() => void dismiss(row.key)}>
                Keep the current {row.field === 'title' ? 'name' : 'text'}
              </button>
            </div>
          </div>
        )
      }}
    </For>
  )
}
