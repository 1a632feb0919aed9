import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { backupTextOf } from '../../src/report/open-zip'
import { MAX_ZIP_UNPACKED_BYTES } from '../../src/report/unzip'
import { readZip, zipFolder } from '../../src/report/zip'

/** Where the central directory's first entry starts in a zip fflate wrote (no comment). */
function centralEntry(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  return view.getUint32(zip.length - 22 + 16, true)
}

/** Rewrites the uncompressed size that an entry declares, in its local header and in the central directory. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  view.setUint32(22, size, true) // local header of the first entry, at offset 0
  view.setUint32(centralEntry(out) + 24, size, true)
  return out
}

// 30 MB of zeros packs into some 30 KB: made once, it serves every test below.
let packedBomb: Uint8Array | undefined
const zeroBomb = () => (packedBomb ??= zipSync({ 'okra/session-2/backup.json': new Uint8Array(30 * 1024 * 1024) }, { level: 1 }))

describe('zip import cap', () => {
  it('reads an exported folder back, compressed or stored', () => {
    const files = { 'okra/session-2/objectives.md': '# Objectives\n\n## Trust 🤝\n', 'okra/session-2/a.csv': 'id\r\n1\r\n' }
    expect(readZip(zipFolder(files))).toEqual({ ok: true, files })
    const stored = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])), { level: 0 })
    expect(readZip(stored)).toEqual({ ok: true, files })
  })

  it('refuses a zip that declares more than the limit, before inflating anything', () => {
    const small = zipSync({ 'okra/session-2/backup.json': strToU8('{"hello":"world"}') })
    const huge = declareSize(small, 3 * 1024 * 1024 * 1024)
    const read = readZip(huge)
    expect(read).toEqual({ ok: false, message: expect.stringContaining('more than 20 MB') })
    expect(!read.ok && read.message).toMatch(/Nothing was changed\.$/)
    // Several entries that together pass the total, each one under the per-entry limit.
    const parts = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`part-${i}.txt`, strToU8('x')]))
    const many = zipSync(parts, { level: 0 })
    const view = new DataView(many.buffer)
    let at = centralEntry(many)
    for (let i = 0; i < 3; i++) {
      view.setUint32(at + 24, 8 * 1024 * 1024, true)
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    }
    expect(readZip(many)).toEqual({ ok: false, message: expect.stringContaining('more than 20 MB') })
  })

  it('stops inflating an entry that unpacks to more than it declares', () => {
    const bomb = zeroBomb()
    expect(bomb.length).toBeLessThan(200_000)
    expect(readZip(bomb)).toEqual({ ok: false, message: expect.stringContaining('more than 20 MB') })
    const liar = declareSize(bomb, 100) // the entry claims 100 bytes
    expect(readZip(liar)).toEqual({ ok: false, message: expect.stringContaining('unpacks to more than it declares') })
    // Within the limits a liar is cut at the limit too: it never gets past what it declared.
    expect(readZip(declareSize(bomb, 4096), { total: 8192, entry: 8192, entries: 10 })).toMatchObject({ ok: false })
  })

  it('refuses to open a file larger than the cap without reading it, and a bomb inside a folder', async () => {
    const big = new Blob([new Uint8Array(MAX_ZIP_UNPACKED_BYTES + 1)])
    const opened = await backupTextOf(Object.assign(big, { name: 'huge.zip' }))
    expect(opened).toEqual({ ok: false, message: expect.stringContaining('“huge.zip” is larger than 20 MB') })
    const bomb = declareSize(zeroBomb(), 64)
    expect(await backupTextOf(new Blob([bomb as Uint8Array<ArrayBuffer>]))).toMatchObject({ ok: false })
  })

  it('says a file that is not a zip is not one', () => {
    expect(readZip(strToU8('PK\u0003\u0004 but not really'))).toEqual({ ok: false, message: expect.stringContaining('not a readable .zip') })
    const truncated = zipFolder({ 'a.md': 'hello' }).slice(0, 40)
    expect(readZip(truncated)).toMatchObject({ ok: false })
  })
})
