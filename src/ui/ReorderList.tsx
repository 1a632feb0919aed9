import { createEffect, createSignal, For, on, onCleanup, type Accessor, type JSX } from 'solid-js'
import { moveIndex } from '../domain/order'
import { createDragEngine } from './drag'
import './ReorderList.css'

interface ReorderListProps<T extends { readonly id: string }> {
  readonly items: readonly T[]
  /** The list's accessible name, e.g. "Key results of objective 1". */
  readonly label: string
  /** How the buttons name an item: "objective 1", "KR2 of objective 1". */
  readonly itemName: (item: T, index: number) => string
  /** Called once per move, drag or button, with the index the item should end at. */
  readonly onMove: (id: string, to: number) => void
  readonly children: (item: T, index: Accessor<number>) => JSX.Element
  /** Controls after the move buttons, such as "Remove". */
  readonly after?: (item: T, index: Accessor<number>) => JSX.Element
  /** What goes under the item's first line, across the whole row (a nested list, choices). */
  readonly below?: (item: T, index: Accessor<number>) => JSX.Element
  readonly class?: string
}

/**
 * A list a person can put in order two ways: by dragging an item's handle (pointer events, so
 * a finger, a pen and a mouse all work) or with its "Move up" / "Move down" buttons, which are
 * also the way for a keyboard or a screen reader.
 */
export function ReorderList<T extends { readonly id: string }>(props: ReorderListProps<T>) {
  const elements = new Map<string, HTMLLIElement>()
  // The order a drop asked for, shown until the stored order catches up, so the item does not
  // jump back for the moment the write takes.
  const [pending, setPending] = createSignal<readonly string[] | null>(null)
  const [refocus, setRefocus] = createSignal<{ id: string; direction: 'up' | 'down' } | null>(null)
  let pendingTimer: ReturnType<typeof setTimeout> | undefined

  const shown = () => {
    const order = pending()
    if (!order) return props.items
    const byId = new Map(props.items.map(item => [item.id, item]))
    const ordered = order.flatMap(id => byId.get(id) ?? [])
    return ordered.length === props.items.length ? ordered : props.items
  }

  createEffect(
    on(
      () => props.items.map(item => item.id).join(' '),
      () => {
        setPending(null)
        // After a button move the row is moved in the page; keep the keyboard on its button.
        const wanted = refocus()
        if (!wanted) return
        setRefocus(null)
        const row = elements.get(wanted.id)
        const button =
          row?.querySelector<HTMLButtonElement>(`:scope > .reorder-moves [data-move="${wanted.direction}"]:not(:disabled)`) ??
          row?.querySelector<HTMLButtonElement>(':scope > .reorder-moves button:not(:disabled)')
        button?.focus()
      },
      { defer: true },
    ),
  )
  onCleanup(() => clearTimeout(pendingTimer))

  function move(id: string, to: number) {
    const ids = shown().map(item => item.id)
    const from = ids.indexOf(id)
    if (from < 0 || to === from || to < 0 || to >= ids.length) return
    setPending(moveIndex(ids, from, to))
    clearTimeout(pendingTimer)
    // Should the write fail, the list goes back to what is stored.
    pendingTimer = setTimeout(() => setPending(null), 2000)
    props.onMove(id, to)
  }

  let list: HTMLOListElement | undefined
  const drag = createRowDrag({
    list: () => list,
    rows: () => shown().map(item => elements.get(item.id)),
    onDrop: (from, to) => {
      const item = shown()[from]
      if (item) move(item.id, to)
    },
  })

  return (
    <ol ref={list} class={`reorder-list ${props.class ?? ''}`} aria-label={props.label}>
      <For each={shown()}>
        {(item, index) => {
          const name = () => props.itemName(item, index())
          const state = (): DragState => drag.stateOf(index())
          return (
            <li
              ref={element => {
                elements.set(item.id, element)
                onCleanup(() => elements.get(item.id) === element && elements.delete(item.id))
              }}
              class="reorder-item"
              classList={{ dragging: state().dragging, shifting: state().shift !== 0 }}
              style={{ transform: state().offset ? `translateY(${state().offset}px)` : undefined }}
            >
              <div
                class="reorder-handle"
                aria-hidden="true"
                title={`Drag to move ${name()}`}
                onPointerDown={event => drag.start(event, index())}
              >
                <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                  <circle cx="9" cy="6" r="1.8" />
                  <circle cx="15" cy="6" r="1.8" />
                  <circle cx="9" cy="12" r="1.8" />
                  <circle cx="15" cy="12" r="1.8" />
                  <circle cx="9" cy="18" r="1.8" />
                  <circle cx="15" cy="18" r="1.8" />
                </svg>
              </div>
              <div class="reorder-body">{props.children(item, index)}</div>
              <div class="reorder-moves">
                <button
                  type="button"
                  class="button icon"
                  data-move="up"
                  aria-label={`Move ${name()} up`}
                  title="Move up"
                  disabled={index() === 0}
                  onClick={() => {
                    setRefocus({ id: item.id, direction: 'up' })
                    move(item.id, index() - 1)
                  }}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  type="button"
                  class="button icon"
                  data-move="down"
                  aria-label={`Move ${name()} down`}
                  title="Move down"
                  disabled={index() === shown().length - 1}
                  onClick={() => {
                    setRefocus({ id: item.id, direction: 'down' })
                    move(item.id, index() + 1)
                  }}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                {props.after?.(item, index)}
              </div>
              {props.below && <div class="reorder-below">{props.below(item, index)}</div>}
            </li>
          )
        }}
      </For>
    </ol>
  )
}

/** How one row of a list is drawn while an item is being dragged. */
interface DragState {
  /** This row is the one under the finger. */
  readonly dragging: boolean
  /** Pixels to draw the row away from its place: the finger's travel, or room made for the dragged row. */
  readonly offset: number
  /** Pixels this row steps aside to make room (0 for the dragged row itself). */
  readonly shift: number
}

interface RowDrag {
  readonly from: number
  readonly to: number
  /** Heights from the list's top, so a scrolling page, work area or column does not lose the place. */
  readonly startY: number
  readonly y: number
  readonly tops: readonly number[]
  readonly heights: readonly number[]
  /** How far the other rows step aside: the dragged row's height and the gap after it. */
  readonly space: number
}

const RESTING: DragState = { dragging: false, offset: 0, shift: 0 }

/**
 * Dragging a row of a vertical list by its handle, on the app's one drag engine (which also
 * scrolls whatever holds the list near its edges). Rows are measured once when the drag
 * starts; the target index is the number of other rows whose middle lies above the dragged
 * row's middle.
 */
function createRowDrag(options: {
  list: () => HTMLElement | undefined
  rows: () => readonly (HTMLElement | undefined)[]
  onDrop: (from: number, to: number) => void
}) {
  const [session, setSession] = createSignal<RowDrag | null>(null)
  const listTop = () => options.list()?.getBoundingClientRect().top ?? 0

  const engine = createDragEngine<number>({
    threshold: 0,
    onMove: (_from, point) => {
      const current = session()
      if (!current) return
      const y = point.y - listTop()
      const middle = current.tops[current.from]! + current.heights[current.from]! / 2 + (y - current.startY)
      let to = 0
      current.tops.forEach((top, index) => {
        if (index !== current.from && top + current.heights[index]! / 2 < middle) to += 1
      })
      setSession({ ...current, y, to })
    },
    onDrop: () => {
      const ended = session()
      setSession(null)
      if (ended && ended.to !== ended.from) options.onDrop(ended.from, ended.to)
    },
    // Escape or a cancelled touch: the rows go back, nothing is written.
    onCancel: () => setSession(null),
  })

  function start(event: PointerEvent, from: number) {
    if (session() || (event.pointerType === 'mouse' && event.button !== 0)) return
    const rows = options.rows()
    if (rows.some(row => !row)) return
    const top = listTop()
    const rects = rows.map(row => row!.getBoundingClientRect())
    const gapIndex = from > 0 ? from - 1 : from
    const gap = rects.length > 1 ? Math.max(0, rects[gapIndex + 1]!.top - rects[gapIndex]!.bottom) : 0
    const y = event.clientY - top
    setSession({
      from,
      to: from,
      startY: y,
      y,
      tops: rects.map(rect => rect.top - top),
      heights: rects.map(rect => rect.height),
      space: rects[from]!.height + gap,
    })
    engine.start(event, from)
  }

  return {
    start,
    stateOf(index: number): DragState {
      const current = session()
      if (!current) return RESTING
      if (index === current.from) return { dragging: true, offset: current.y - current.startY, shift: 0 }
      const shift =
        current.from < index && index <= current.to
          ? -current.space
          : current.to <= index && index < current.from
            ? current.space
            : 0
      return { dragging: false, offset: shift, shift }
    },
  }
}
