import { createSignal, createUniqueId, For, Show } from 'solid-js'
import type { Rec, ScopeCategory } from '../../domain/types'
import { addOwnedItem } from '../../store/commands/mapping'
import { useCommand } from '../../store/context'
import { CategoryChoice } from './CategoryChoice'
import { OwnedItem } from './OwnedItem'
import { commitDraft, createStoredDraft } from '../../ui/draft'

interface PairItemsProps {
  workshopId: string
  pair: string
  items: readonly Rec<'scopeItem'>[]
  objectives: readonly Rec<'objective'>[]
  keyResults: readonly Rec<'keyResult'>[]
}

/** What one pair owns: add an item, then tie it to the key results and objectives it moves. */
export function PairItems(props: PairItemsProps) {
  const add = useCommand(addOwnedItem)
  const inputId = createUniqueId()
  // Kept through a reload, per pair; a form is made for one pair (see the keyed Show that makes it).
  const [draft, setDraft] = createStoredDraft(`scopeItem:${props.workshopId}:${props.pair}`)
  const [category, setCategory] = createSignal<ScopeCategory>('feature')
  const [problem, setProblem] = createSignal('')
  const [added, setAdded] = createSignal('')
  /** The one item open for editing; the others stay short, so the grid is never far away. */
  const [open, setOpen] = createSignal<string | null>(null)
  let input: HTMLInputElement | undefined

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    const title = draft().trim()
    if (!title) {
      setAdded('')
      setProblem(`Write what ${props.pair} owns before adding it.`)
      return input?.focus()
    }
    setProblem('')
    input?.focus()
    await commitDraft(draft, setDraft, async text => {
      setOpen(await add(props.workshopId, { pair: props.pair, title: text, category: category() }))
      setAdded(`Added “${text}”. Tie it below to the key results it moves.`)
    })
  }

  return (
    <div class="panel pair-items">
      <h3>What {props.pair} owns</h3>
      <form class="owned-add" onSubmit={submit} novalidate>
        <div class="field grow">
          <label for={inputId}>New owned item</label>
          <input
            id={inputId}
            ref={input}
            value={draft()}
            maxLength={300}
            placeholder="e.g. Post-match screen"
            aria-invalid={problem() ? true : undefined}
            onInput={event => {
              setDraft(event.currentTarget.value)
              if (problem()) setProblem('')
            }}
          />
        </div>
        <CategoryChoice legend="Kind of the new item" value={category()} onChange={setCategory} />
        <button type="submit" class="button primary">
          Add item
        </button>
      </form>
      <p class="error" role="alert">
        {problem()}
      </p>
      <p class="muted" role="status">
        {added()}
      </p>
      <Show
        when={props.items.length > 0}
        fallback={<p class="empty">Nothing yet. Add the first feature, tool or initiative {props.pair} owns.</p>}
      >
        <ol class="owned-list" aria-label={`Owned by ${props.pair}`}>
          <For each={props.items}>
            {(item, index) => (
              <OwnedItem
                item={item}
                number={index() + 1}
                open={open() === item.id}
                onToggle={isOpen => setOpen(isOpen ? item.id : null)}
                objectives={props.objectives}
                keyResults={props.keyResults}
              />
            )}
          </For>
        </ol>
      </Show>
    </div>
  )
}
