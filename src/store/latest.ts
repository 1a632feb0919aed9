interface Job {
  run: () => Promise<unknown>
  settle: [resolve: () => void, reject: (error: unknown) => void][]
}

/**
 * Serializes writes by key and keeps only the newest one waiting: while one write of a field
 * runs, each keystroke replaces the one queued behind it instead of adding another. Typing
 * never builds a backlog, so what is on screen reaches IndexedDB within one write or two.
 * A superseded call settles when the write that replaced it does.
 */
export function makeLatestWrites() {
  const queued = new Map<string, Job>()
  const active = new Set<string>()

  async function pump(key: string) {
    active.add(key)
    for (let job = queued.get(key); job; job = queued.get(key)) {
      queued.delete(key)
      try {
        await job.run()
        for (const [resolve] of job.settle) resolve()
      } catch (error) {
        for (const [, reject] of job.settle) reject(error)
      }
    }
    active.delete(key)
  }

  return function latest(key: string, run: () => Promise<unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const superseded = queued.get(key)
      queued.set(key, { run, settle: [...(superseded?.settle ?? []), [resolve, reject]] })
      if (!active.has(key)) void pump(key)
    })
  }
}
