import { createContext, useContext, type Accessor, type JSX } from 'solid-js'
import { createLiveQuery } from './live'
import type { HarvestDB } from './db'
import { makeActions, type Actions } from './index'
import { describeStorageError } from './persist'

interface StoreValue {
  readonly db: HarvestDB
  readonly actions: Actions
}

const StoreContext = createContext<StoreValue>()

/**
 * Gives screens their actions and live reads. A failed action (a full disk, say) is told
 * to `onProblem` in words for a person, and still rejects for the screen that called it.
 */
export function StoreProvider(props: { db: HarvestDB; onProblem?: (message: string) => void; children: JSX.Element }) {
  const actions = reportFailures(makeActions(props.db), message => props.onProblem?.(message))
  const value: StoreValue = { db: props.db, actions }
  return <StoreContext.Provider value={value}>{props.children}</StoreContext.Provider>
}

function reportFailures(actions: Actions, report: (message: string) => void): Actions {
  const wrapped: Record<string, unknown> = {}
  for (const [name, action] of Object.entries(actions)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (action as (...a: unknown[]) => Promise<unknown>)(...args)
      } catch (error) {
        report(describeStorageError(error))
        throw error
      }
    }
  }
  return wrapped as Actions
}

function useStoreValue(): StoreValue {
  const value = useContext(StoreContext)
  if (!value) throw new Error('useActions and useLive need a <StoreProvider> above them.')
  return value
}

export function useActions(): Actions {
  return useStoreValue().actions
}

/** A live read of this tablet's database, as a signal that follows every change. */
export function useLive<S, T>(source: () => S, query: (db: HarvestDB, value: S) => Promise<T>): Accessor<T | undefined> {
  const { db } = useStoreValue()
  return createLiveQuery(source, value => query(db, value))
}
