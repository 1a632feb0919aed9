import { liveQuery } from 'dexie'
import { createEffect, onCleanup, type Accessor } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'

/**
 * A Dexie live query as a Solid signal. `source` is read reactively; each time it changes
 * the query is subscribed anew with its value, and whenever the records it read change in
 * IndexedDB (from this tab or another), the signal gets the new result.
 *
 * Results are reconciled by record id into what is already shown, so an edit to one record
 * updates that record in place: the rest of a list keeps its DOM, and a field being typed
 * in keeps its focus.
 */
export function createLiveQuery<S, T>(
  source: () => S,
  query: (value: S) => Promise<T>,
  onError: (error: unknown) => void = error => console.error(error),
): Accessor<T | undefined> {
  const [state, setState] = createStore<{ result: T | undefined }>({ result: undefined })
  createEffect(() => {
    const value = source()
    const subscription = liveQuery(() => query(value)).subscribe({
      // The first answer has nothing to reconcile with: set as is, it skips a walk of every record.
      next: next => setState('result', state.result === undefined ? next : reconcile(next, { key: 'id', merge: true })),
      error: onError,
    })
    onCleanup(() => subscription.unsubscribe())
  })
  return () => state.result
}
