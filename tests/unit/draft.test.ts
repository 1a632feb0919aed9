import { createRoot, createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { commitDraft } from '../../src/ui/draft'

function field(initial: string) {
  return createRoot(() => createSignal(initial))
}

describe('commitDraft', () => {
  it('empties the field at once, so what is typed during a slow write is kept', async () => {
    const [draft, setDraft] = field('First card')
    let finish: () => void = () => {}
    const written: string[] = []
    const pending = commitDraft(draft, setDraft, text => {
      written.push(text)
      return new Promise<void>(resolve => (finish = resolve))
    })
    expect(draft()).toBe('')
    setDraft('Second ca')
    finish()
    expect(await pending).toBe(true)
    expect(written).toEqual(['First card'])
    expect(draft()).toBe('Second ca')
  })

  it('gives the text back when the write fails, unless something new was typed', async () => {
    const [draft, setDraft] = field('  Keep me  ')
    expect(await commitDraft(draft, setDraft, () => Promise.reject(new Error('disk full')))).toBe(false)
    expect(draft()).toBe('Keep me')

    const pending = commitDraft(draft, setDraft, () => Promise.reject(new Error('disk full')))
    setDraft('Newer words')
    expect(await pending).toBe(false)
    expect(draft()).toBe('Newer words')
  })

  it('writes nothing for an empty field', async () => {
    const [draft, setDraft] = field('   ')
    let called = false
    expect(await commitDraft(draft, setDraft, async () => void (called = true))).toBe(false)
    expect(called).toBe(false)
  })
})
