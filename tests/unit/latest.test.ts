import { describe, expect, it } from 'vitest'
import { makeLatestWrites } from '../../src/store/latest'

describe('latest writes', () => {
  it('runs one write per key at a time and drops the queued ones a newer one replaces', async () => {
    const latest = makeLatestWrites()
    const written: string[] = []
    let release: () => void = () => {}
    const slow = (value: string) => () =>
      new Promise<void>(resolve => {
        release = () => {
          written.push(value)
          resolve()
        }
      })
    const first = latest('title', slow('a'))
    const second = latest('title', async () => void written.push('ab'))
    const third = latest('title', async () => void written.push('abc'))
    const other = latest('date', async () => void written.push('date'))
    await other
    expect(written).toEqual(['date'])
    release()
    await Promise.all([first, second, third])
    expect(written).toEqual(['date', 'a', 'abc'])
  })

  it('rejects every call that a failed write stood for', async () => {
    const latest = makeLatestWrites()
    let release: () => void = () => {}
    const first = latest('k', () => new Promise<void>(resolve => (release = resolve)))
    const second = latest('k', async () => {
      throw new Error('disk full')
    })
    const third = latest('k', async () => {
      throw new Error('disk full')
    })
    release()
    await first
    await expect(second).rejects.toThrow('disk full')
    await expect(third).rejects.toThrow('disk full')
    await expect(latest('k', async () => 1)).resolves.toBeUndefined()
  })
})
