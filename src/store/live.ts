import { liveQuery } from 'dexie'
import { createEffect, createMemo, onCleanup, type Accessor } from 'solid-js'
import { createStore, reconcile } from 'solid-js/store'

/**
 * A Dexie live query as a Solid signal. `source` is read reactively; each time its value
 * changes (a plain object compared key by key, so a new object with the same values is no
 * change) the query is subscribed anew with it, and whenever the records it read change in
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
  // A screen's source is often built from the workshop record, which changes with every timer
  // press: the same ids must not query (and reconcile) thousands of records again.
  const value = createMemo(source, undefined, { equals: sameSource })
  createEffect(() => {
    const current = value()
    const subscription = liveQuery(() => query(current)).subscribe({
      // The first answer has nothing to reconcile with: set as is, it skips a walk of every record.
      next: next => setState('result', state.result === undefined ? next : reconcile(next, { key: 'id', merge: true })),
      error: onError,
    })
    onCleanup(() => subscription.unsubscribe())
  })
  return () => state.result
}

/** Whether two sources are the same: equal values, or plain objects with equal values key by key. */
export function sameSource(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (!isPlain(a) || !isPlain(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every(key => Object.hasOwn(b, key) && Object.is(a[key], b[key]))
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}
