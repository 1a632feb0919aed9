import { createEffect, createSignal, on, onCleanup } from 'solid-js'
import { encodeQr, paintQr } from '../../exchange/qr'
import type { Transfer } from '../../exchange/transfer'

/**
 * Shows a transfer as an animated QR code: frames 0, 1, 2, … at `fps`, each painted with
 * whole pixels per module. A new transfer (another density, other records) starts at frame 0.
 */
export function AnimatedQr(props: {
  transfer: Transfer
  fps: number
  maxSize: number
  paused?: boolean
  /** A text shown as every 4th frame while set (a swap's "received" code among its own frames). */
  interleave?: string
}) {
  let canvas: HTMLCanvasElement | undefined
  const [shown, setShown] = createSignal(0)
  let timer: ReturnType<typeof setTimeout> | undefined
  let run = 0
  let lastTransfer: Transfer | undefined

  const stop = () => {
    run += 1
    clearTimeout(timer)
  }

  createEffect(
    on(
      () => [props.transfer, props.paused, props.maxSize] as const,
      ([transfer, paused, maxSize]) => {
        stop()
        if (paused || !canvas) return
        const mine = run
        // Resuming the same transfer goes on from where it was; a new one starts at frame 0.
        let next = transfer === lastTransfer ? shown() + 1 : 0
        lastTransfer = transfer
        const tick = async () => {
          const started = performance.now()
          const text = await transfer.frame(next)
          if (mine !== run || !canvas) return
          const drawStarted = performance.now()
          try {
            paintQr(canvas, encodeQr(text), { maxSize })
          } catch {
            // A canvas that cannot draw (no 2D context) shows nothing; the counter still runs.
          }
          // What the benchmark reads: encoding and drawing one frame, in ms.
          canvas.dataset.drawMs = (performance.now() - drawStarted).toFixed(2)
          // The frame and transfer, for a person counting and for the tests that film the screen.
          canvas.dataset.frame = String(next)
          canvas.dataset.transfer = String(transfer.transferId)
          setShown(next)
          next += 1
          // Drawing time comes out of the frame's time, so the rate holds.
          timer = setTimeout(() => void tick(), Math.max(0, 1000 / props.fps - (performance.now() - started)))
        }
        void tick()
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

/** Keeps the screen awake while a code is shown (where the browser offers a wake lock). */
export function holdWakeLock(): () => void {
  type Lock = { release(): Promise<void> }
  const wakeLock = (navigator as { wakeLock?: { request(type: 'screen'): Promise<Lock> } }).wakeLock
  if (!wakeLock) return () => {}
  let lock: Lock | undefined
  let released = false
  const acquire = () => {
    wakeLock
      .request('screen')
      .then(got => {
        if (released) void got.release().catch(() => {})
        else lock = got
      })
      .catch(() => {}) // refused (battery saver, say): the code still shows
  }
  // The browser drops the lock when the page is hidden; take it again on return.
  const onVisible = () => document.visibilityState === 'visible' && !released && acquire()
  acquire()
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    released = true
    document.removeEventListener('visibilitychange', onVisible)
    void lock?.release().catch(() => {})
  }
}
