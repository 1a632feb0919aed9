import { createSignal, type Accessor, type Setter } from 'solid-js'
import { loadDraft, saveDraft } from '../store/drafts'

/**
 * Hands the text typed in an "add" field to a write. The field is emptied at once, not when
 * the write ends, so whatever the person types next while it runs is kept; should the write
 * fail, the text comes back unless something new was typed. Resolves to whether it was written.
 */
export async function commitDraft(
  draft: Accessor<string>,
  setDraft: Setter<string>,
  write: (text: string) => Promise<unknown>,
): Promise<boolean> {
  const text = draft().trim()
  if (!text) return false
  setDraft('')
  try {
    await write(text)
    return true
  } catch {
    if (!draft()) setDraft(text)
    return false
  }
}

/**
 * The text of an "add" field that survives a reload or a crash: every keystroke is kept on
 * this tablet under `key`, and emptying the field forgets it.
 */
export function createStoredDraft(key: string): [Accessor<string>, Setter<string>] {
  const [draft, setDraft] = createSignal(loadDraft(key))
  const set = ((value: string | ((previous: string) => string)) => {
    const next = setDraft(value as string)
    saveDraft(key, next)
    return next
  }) as Setter<string>
  return [draft, set]
}
