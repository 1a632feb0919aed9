import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const dist = resolve(import.meta.dirname, '../../dist')

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  )
}

/** The URLs that dist/sw.js precaches, read from the manifest Workbox writes into it. */
function precachedUrls(): string[] {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
  const urls = [...sw.matchAll(/\{\s*url:\s*"([^"]+)"/g)].map(match => match[1]!)
  return urls
}

describe('the service worker precaches everything the app needs offline', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'sw.js'))) throw new Error('dist/sw.js is missing: run `npx vite build` first.')
  })

  it('holds index.html, the manifest and every icon', () => {
    const urls = precachedUrls()
    for (const url of [
      'index.html',
      'manifest.webmanifest',
      'favicon.svg',
      'icons/icon-192.png',
      'icons/icon-512.png',
      'icons/maskable-512.png',
    ]) {
      expect(urls).toContain(url)
    }
  })

  it('holds the tiny video that keeps an iPad’s screen on', () => {
    const urls = precachedUrls()
    expect(urls).toContain('keep-awake.mp4')
    expect(urls).toContain('keep-awake.webm')
  })

  it('holds every JS, CSS and wasm file of the build', () => {
    const urls = new Set(precachedUrls())
    const assets = filesUnder(dist)
      .map(file => relative(dist, file).split('\\').join('/'))
      .filter(file => /\.(js|css|wasm)$/.test(file) && file !== 'sw.js' && !file.startsWith('workbox-'))
    expect(assets.length).toBeGreaterThan(0)
    expect(assets.filter(asset => !urls.has(asset))).toEqual([])
  })

  it('answers navigations with the cached app shell', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
    expect(sw).toMatch(/NavigationRoute\(\w+\.createHandlerBoundToURL\("index\.html"\)/)
  })
})
