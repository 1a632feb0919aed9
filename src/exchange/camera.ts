/**
 * One camera stream for a whole scanning session: the facilitator receiving from eight tablets
 * in a row opens the camera once. An installed iPad web app asks for the camera again at every
 * `getUserMedia`, so each scan reuses the session's stream instead of asking for its own; the
 * screen that opened the session releases it when the person leaves.
 */
import { MESSAGES, ScanError, cameraError } from './scan-errors'

export type Facing = 'environment' | 'user'

export interface CameraSession {
  /**
   * The session's stream from the camera on this side: opened on the first call, the same one
   * after, unless it ended (the page was hidden long, another app took the camera). Rejects
   * with a ScanError the screen can show as it is.
   */
  acquire(facing?: Facing): Promise<MediaStream>
  /** Stops the camera. A later `acquire` opens it again. */
  release(): void
  /** Whether the camera is open (or being opened). */
  readonly open: boolean
}

export interface CameraSessionOptions {
  /** Hidden this long, the page lets the camera go (the light goes off); it is asked again on return. */
  readonly hiddenMs?: number
  readonly devices?: () => MediaDevices | undefined
}

/** A page hidden for two minutes is left, not glanced away from. */
const HIDDEN_MS = 120_000

export function cameraConstraints(facing: Facing): MediaStreamConstraints {
  // Plain values are preferences: a laptop with only a front camera still works.
  return { video: { facingMode: facing, width: 1280, height: 720 }, audio: false }
}

export function openCameraSession(options: CameraSessionOptions = {}): CameraSession {
  const hiddenMs = options.hiddenMs ?? HIDDEN_MS
  const devicesOf = options.devices ?? (() => (globalThis.navigator as Navigator | undefined)?.mediaDevices)
  let current: { facing: Facing; pending: Promise<MediaStream>; stream?: MediaStream } | undefined
  let hiddenAt: number | undefined
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined
  let watching = false

  const live = (stream: MediaStream) => stream.getTracks().some(track => track.readyState !== 'ended')

  const onVisibility = () => {
    clearTimeout(hiddenTimer)
    if (document.visibilityState === 'hidden') {
      hiddenAt = Date.now()
      hiddenTimer = setTimeout(release, hiddenMs)
    } else {
      // A suspended page runs no timers: the time hidden is measured on return as well.
      if (hiddenAt !== undefined && Date.now() - hiddenAt >= hiddenMs) release()
      hiddenAt = undefined
    }
  }

  const watch = (on: boolean) => {
    if (on === watching || typeof document === 'undefined') return
    watching = on
    if (on) document.addEventListener('visibilitychange', onVisibility)
    else {
      document.removeEventListener('visibilitychange', onVisibility)
      clearTimeout(hiddenTimer)
      hiddenAt = undefined
    }
  }

  function release() {
    const was = current
    current = undefined
    watch(false)
    was?.stream?.getTracks().forEach(track => track.stop())
  }

  function acquire(facing: Facing = 'environment'): Promise<MediaStream> {
    if (current && current.facing === facing && (!current.stream || live(current.stream))) return current.pending
    release()
    const devices = devicesOf()
    if (!devices?.getUserMedia) return Promise.reject(new ScanError('insecure', MESSAGES.insecure))
    const opening: NonNullable<typeof current> = {
      facing,
      pending: devices.getUserMedia(cameraConstraints(facing)).then(
        stream => {
          if (current !== opening) {
            // Released while the person was answering the browser's question: not kept.
            stream.getTracks().forEach(track => track.stop())
          } else opening.stream = stream
          return stream
        },
        (error: unknown) => {
          if (current === opening) release()
          throw cameraError(error)
        },
      ),
    }
    current = opening
    watch(true)
    return opening.pending
  }

  return {
    acquire,
    release,
    get open() {
      return current !== undefined
    },
  }
}

export type CameraPermission = 'granted' | 'denied' | 'prompt' | 'unknown'

/** What the browser says of the camera permission; 'unknown' where it will not say (Safari before 16, Firefox). */
export async function cameraPermission(): Promise<CameraPermission> {
  const permissions = (globalThis.navigator as Navigator | undefined)?.permissions
  if (!permissions?.query) return 'unknown'
  try {
    const status = await permissions.query({ name: 'camera' as PermissionName })
    return status.state
  } catch {
    return 'unknown' // a browser that knows no "camera" permission throws a TypeError
  }
}

/** From a tap: opens the camera once, closes it, and says what happened (a ScanError's message on failure). */
export async function tryCamera(): Promise<{ ok: true } | { ok: false; message: string }> {
  const session = openCameraSession()
  try {
    await session.acquire('environment')
    return { ok: true }
  } catch (error) {
    return { ok: false, message: error instanceof ScanError ? error.message : MESSAGES['camera-failed'] }
  } finally {
    session.release()
  }
}
