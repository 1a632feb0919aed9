import { createContext, useContext, type Accessor, type JSX } from 'solid-js'
import { createLiveQuery } from './live'
import type { HarvestDB } from './db'
import { makeActions, type Actions } from './index'
import { describeStorageError } from './persist'

interface StoreValue {
  readonly db: HarvestDB
  readonly actions: Actions
  readonly report: (message: string) => void
}

const StoreContext = createContext<StoreValue>()

/**
 * Gives screens their actions and live reads. A failed action (a full disk, say) is told
 * to `onProblem` in words for a person, and still rejects for the screen that called it.
 */
export function StoreProvider(props: { db: HarvestDB; onProblem?: (message: string) => void; children: JSX.Element }) {
  const report = (message: string) => props.onProblem?.(message)
  const value: StoreValue = { db: props.db, actions: reportFailures(makeActions(props.db), report), report }
  return <StoreContext.Provider value={value}>{props.children}</StoreContext.Provider>
}

function reporting<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  report: (message: string) => void,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await action(...args)
    } catch (error) {
      report(describeStorageError(error))
      throw error
    }
  }
}

function reportFailures(actions: Actions, report: (message: string) => void): Actions {
  const wrapped: Record<string, unknown> = {}
  for (const [name, action] of Object.entries(actions)) {
    wrapped[name] = reporting(action as (...args: unknown[]) => Promise<unknown>, report)
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

/**
 * A store command (`store/commands/…`, taking the database first) bound for a screen, with
 * its failures told to the person like every action's.
 */
export function useCommand<A extends unknown[], R>(
  command: (db: HarvestDB, ...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const { db, report } = useStoreValue()
  return reporting((...args: A) => command(db, ...args), report)
}

/** A live read of this tablet's database, as a signal that follows every change. */
export function useLive<S, T>(source: () => S, query: (db: HarvestDB, value: S) => Promise<T>): Accessor<T | undefined> {
  const { db } = useStoreValue()
  return createLiveQuery(source, value => query(db, value))
}
