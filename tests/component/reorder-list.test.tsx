import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { ReorderList } from '../../src/ui/ReorderList'
import { moveIndex } from '../../src/domain/order'

type Item = { id: string; name: string }

function renderList() {
  const [items, setItems] = createSignal<Item[]>(['One', 'Two', 'Three'].map(name => ({ id: name, name })))
  render(() => (
    <ReorderList
      items={items()}
      label="Things"
      itemName={item => item.name}
      onMove={(id, to) => {
        const ids = items().map(item => item.id)
        setItems(moveIndex(ids, ids.indexOf(id), to).map(name => ({ id: name, name })))
      }}
    >
      {item => <span>{item.name}</span>}
    </ReorderList>
  ))
  const list = screen.getByRole('list', { name: 'Things' })
  return { list, rows: [...list.children] as HTMLElement[], order: () => items().map(item => item.name) }
}

/** jsdom lays nothing out: give the list and its rows boxes, rows 100 px apart, moving with `scrolled`. */
function layOut(list: HTMLElement, rows: HTMLElement[], scrolled: () => number) {
  const rect = (top: number, height: number) => () =>
    ({ top, bottom: top + height, height, left: 0, right: 600, width: 600, x: 0, y: top, toJSON: () => ({}) }) as DOMRect
  list.getBoundingClientRect = () => rect(200 - scrolled(), 300)()
  rows.forEach((row, index) => {
    row.getBoundingClientRect = () => rect(200 + index * 100 - scrolled(), 90)()
  })
}

describe('a list put in order by drag', () => {
  it('keeps the dragged row under the finger while what holds the list scrolls, and drops it there', async () => {
    const { list, rows, order } = renderList()
    let scrolled = 0
    layOut(list, rows, () => scrolled)
    const pointer = { pointerId: 4, pointerType: 'touch' }
    fireEvent.pointerDown(rows[0]!.querySelector('.reorder-handle')!, { ...pointer, clientY: 245 })
    fireEvent.pointerMove(window, { ...pointer, clientY: 300 })
    expect(rows[0]!.style.transform).toBe('translateY(55px)')

    // The work area scrolls 180 px under a still finger: the row travels with the list's content.
    scrolled = 180
    fireEvent.pointerMove(window, { ...pointer, clientY: 300 })
    expect(rows[0]!.style.transform).toBe('translateY(235px)')
    expect(rows[2]!.style.transform).toBe('translateY(-100px)')
    fireEvent.pointerUp(window, { ...pointer, clientY: 300 })
    // The click a browser sends after the release must not also press a button under the finger.
    fireEvent.click(screen.getByRole('button', { name: 'Move One up' }))

    await waitFor(() => expect(order()).toEqual(['Two', 'Three', 'One']))
    await new Promise(resolve => setTimeout(resolve, 0))
    expect(rows[0]!.style.transform).toBe('')
  })

  it('moves by buttons too, for a keyboard or a screen reader', async () => {
    const { order } = renderList()
    fireEvent.click(screen.getByRole('button', { name: 'Move Two up' }))
    await waitFor(() => expect(order()).toEqual(['Two', 'One', 'Three']))
  })
})
