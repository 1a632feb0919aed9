import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { preview } from 'vite'
import type {} from 'vitest'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

/** Serves the built app (dist/, with its service worker) on a free localhost port for the browser tests. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..')
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npx vite build` first (npm test does).')
  }
  const server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The preview server has no port.')
  project.provide('baseUrl', `http://localhost:${address.port}/`)
  return async () => {
    await server.close()
  }
}
