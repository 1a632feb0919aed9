import { createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js'
import { encodeQr, paintQr, type QrMatrix } from '../../exchange/qr'
import type { Transfer } from '../../exchange/transfer'
import { RefreshMeter, frameDue } from './frame-clock'

/**
 * Frames encoded ahead of the one on screen. Sealing a frame's text is async WebCrypto and a
 * version-30 matrix takes milliseconds, so both happen here, between paints; showing a frame
 * is only painting it.
 */
const LOOK_AHEAD = 4
/** With `interleave` set, every 4th frame shown is that text. */
const INTERLEAVE_EVERY = 4

interface Encoded {
  readonly n: number
  readonly matrix: QrMatrix | undefined
}

export interface AnimatedQrProps {
  transfer: Transfer
  /** The rate asked for; the code shows at the largest whole-refresh-period rate at or below it. */
  fps: number
  maxSize: number
  paused?: boolean
  /** While set, every 4th frame shown is this text instead (a swap's "received" code); data frames keep counting. */
  interleave?: string | undefined
}

/**
 * Shows a transfer as an animated QR code: frames 0, 1, 2, … each for a whole number of the
 * screen's refresh periods, painted with whole pixels per module. A new transfer (another
 * density, other records) starts at frame 0; resuming the same one goes on where it was.
 */
export function AnimatedQr(props: AnimatedQrProps) {
  let canvas: HTMLCanvasElement | undefined
  const [shown, setShown] = createSignal(0)
  const meter = new RefreshMeter()
  let run = 0
  let lastTransfer: Transfer | undefined
  let cancel = () => {}

  const interleaved = createMemo(() => {
    const text = props.interleave
    if (!text) return undefined
    try {
      return encodeQr(text)
    } catch {
      return undefined // too long for a code: the data frames go on alone
    }
  })

  const stop = () => {
    run += 1
    cancel()
  }

  const paint = (matrix: QrMatrix | undefined, maxSize: number) => {
    if (!canvas || !matrix) return
    const started = performance.now()
    try {
      paintQr(canvas, matrix, { maxSize })
    } catch {
      // A canvas that cannot draw (no 2D context) shows nothing; the counter still runs.
    }
    // What the benchmark reads: painting one frame, in ms (its encoding was done ahead).
    canvas.dataset.drawMs = (performance.now() - started).toFixed(2)
  }

  createEffect(
    on(
      () => [props.transfer, props.paused, props.maxSize] as const,
      ([transfer, paused, maxSize]) => {
        stop()
        if (paused || !canvas) return
        const mine = run
        const live = () => mine === run
        // Resuming the same transfer goes on from where it was; a new one starts at frame 0.
        let toEncode = transfer === lastTransfer ? shown() + 1 : 0
        lastTransfer = transfer
        const ahead: Encoded[] = []
        let encoding = false
        let slot = 0
        let shownAt: number | undefined

        const encodeAhead = async () => {
          if (encoding) return
          encoding = true
          try {
            while (live() && ahead.length < LOOK_AHEAD) {
              const n = toEncode++
              const text = await transfer.frame(n)
              if (!live()) return
              let matrix: QrMatrix | undefined
              try {
                matrix = encodeQr(text, { mask: n })
              } catch {
                matrix = undefined
              }
              ahead.push({ n, matrix })
            }
          } finally {
            encoding = false
          }
        }

        const show = (now: number) => {
          const interleave = interleaved()
          if (interleave && slot % INTERLEAVE_EVERY === INTERLEAVE_EVERY - 1) {
            paint(interleave, maxSize)
            canvas!.dataset.shows = 'interleave'
            // No frame number while it is up: whoever films the screen by data-frame skips it.
            delete canvas!.dataset.frame
          } else {
            const next = ahead.shift()
            if (!next) return // not encoded yet: the frame on screen stays one more refresh
            paint(next.matrix, maxSize)
            // The frame and transfer, for a person counting and for the tests that film the screen.
            canvas!.dataset.frame = String(next.n)
            canvas!.dataset.transfer = String(transfer.transferId)
            canvas!.dataset.shows = 'data'
            setShown(next.n)
            keepEncoding()
          }
          slot += 1
          shownAt = now
        }

        const tick = (now: number) => {
          if (!live()) return
          meter.add(now)
          if (frameDue(now, shownAt, meter.period, props.fps)) show(now)
          schedule()
        }

        const schedule = () => {
          if (typeof requestAnimationFrame === 'function') {
            const handle = requestAnimationFrame(tick)
            cancel = () => cancelAnimationFrame(handle)
          } else {
            const handle = setTimeout(() => tick(performance.now()), meter.period)
            cancel = () => clearTimeout(handle)
          }
        }

        // A frame that cannot be sealed leaves the last one on screen; the screen around says what failed.
        const keepEncoding = () => void encodeAhead().catch(() => {})
        keepEncoding()
        schedule()
      },
    ),
  )
  onCleanup(stop)

  return (
    <figure class="animated-qr">
      <canvas ref={canvas} class="qr-canvas" role="img" aria-label="Animated QR code: point the other tablet's camera here" />
      <figcaption class="frame-counter">
        frame {shown() + 1} · {props.transfer.k} {props.transfer.k === 1 ? 'fragment' : 'fragments'}
      </figcaption>
    </figure>
  )
}
