import { cleanup, render, screen } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { createSignal } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveFile, sharesFiles } from '../../src/exchange/file'
import { savedWords, SaveFileButton, type FileOut } from '../../src/ui/SaveFileButton'
import { catchDownloads, restoreShareSheet, stubShareSheet } from './share-stub'

afterEach(() => {
  cleanup()
  restoreShareSheet()
  vi.restoreAllMocks()
})

const zip = () => new File([new Uint8Array([80, 75, 5, 6])], 'folder.zip', { type: 'application/zip' })

describe('saveFile', () => {
  it('downloads where the browser cannot share files', async () => {
    const downloads = catchDownloads()
    expect(sharesFiles('folder.zip', 'application/zip')).toBe(false)
    expect(await saveFile(zip(), 'okra.zip', 'on-tap')).toEqual({ outcome: 'saved' })
    expect(downloads.map(d => d.name)).toEqual(['okra.zip'])
    expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(new Uint8Array([80, 75, 5, 6]))
  })

  it('opens the share sheet before its first await, so the tap still counts', async () => {
    const downloads = catchDownloads()
    const share = stubShareSheet()
    const saving = saveFile(zip(), 'okra.zip', 'on-tap')
    // Called in the same turn as saveFile itself: nothing was awaited before the share sheet.
    expect(share).toHaveBeenCalledTimes(1)
    expect(share.mock.calls[0]![0].files!.map(f => [f.name, f.type])).toEqual([['okra.zip', 'application/zip']])
    expect(await saving).toEqual({ outcome: 'shared' })
    expect(downloads).toEqual([])
  })

  it('downloads a file the share sheet will not take (a .zip on Android)', async () => {
    const downloads = catchDownloads()
    const share = stubShareSheet({ takes: file => !file.name.endsWith('.zip') })
    expect(sharesFiles('folder.zip', 'application/zip')).toBe(false)
    expect(sharesFiles('page.html', 'text/html')).toBe(true)
    expect(await saveFile(zip(), 'okra.zip', 'on-tap')).toEqual({ outcome: 'saved' })
    expect(share).not.toHaveBeenCalled()
    expect(downloads.map(d => d.name)).toEqual(['okra.zip'])
  })

  it('says “cancelled” when the person closes the share sheet, and downloads nothing', async () => {
    const downloads = catchDownloads()
    stubShareSheet({ answers: ['AbortError'] })
    expect(await saveFile(zip(), 'okra.zip', 'on-tap')).toEqual({ outcome: 'cancelled' })
    expect(downloads).toEqual([])
  })

  it('asks for a tap of its own when the tap was spent making the file; refused on a tap, it downloads', async () => {
    const downloads = catchDownloads()
    stubShareSheet({ answers: ['NotAllowedError', 'NotAllowedError'] })
    expect(await saveFile(zip(), 'okra.zip', 'after-wait')).toEqual({ outcome: 'needs-tap' })
    expect(downloads).toEqual([])
    // Straight from a tap and still refused: sharing is not allowed here at all.
    expect(await saveFile(zip(), 'okra.zip', 'on-tap')).toEqual({ outcome: 'saved' })
    expect(downloads.map(d => d.name)).toEqual(['okra.zip'])
  })

  it('downloads when the share sheet fails otherwise, and says so when a sheet is already open', async () => {
    const downloads = catchDownloads()
    stubShareSheet({ answers: ['DataError', 'InvalidStateError'] })
    expect(await saveFile(zip(), 'okra.zip', 'after-wait')).toEqual({ outcome: 'saved' })
    expect(downloads.length).toBe(1)
    const busy = await saveFile(zip(), 'okra.zip', 'on-tap')
    expect(busy.outcome).toBe('failed')
    expect(busy.outcome === 'failed' && busy.reason).toBe('A share sheet is already open: finish or close it, then try again. Nothing was sent.')
    expect(downloads.length).toBe(1)
  })

  it('says when even a download cannot be made', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      throw new Error('no blob URLs here')
    })
    expect(await saveFile(zip(), 'okra.zip', 'on-tap')).toEqual({
      outcome: 'failed',
      reason: 'This browser could not save the file. Nothing was saved.',
    })
  })
})

describe('the file button', () => {
  function renderButton(prepare: () => File | string | Promise<File | string>) {
    const [said, setSaid] = createSignal('')
    const done = vi.fn((out: FileOut, name: string) => setSaid(savedWords(out, name)))
    render(() => (
      <>
        <SaveFileButton
          label={{ share: 'Share folder (.zip)', save: 'Download folder (.zip)' }}
          like={{ name: 'folder.zip', type: 'application/zip' }}
          prepare={prepare}
          onDone={done}
        />
        <p role="status">{said()}</p>
      </>
    ))
    return done
  }

  it('is labelled for what it does on this tablet', () => {
    stubShareSheet()
    renderButton(zip)
    expect(screen.getByRole('button', { name: 'Share folder (.zip)' })).toBeTruthy()
    cleanup()
    restoreShareSheet()
    renderButton(zip)
    expect(screen.getByRole('button', { name: 'Download folder (.zip)' })).toBeTruthy()
  })

  it('on a slow file, turns into “Share <name>”, which opens the share sheet from its own tap', async () => {
    catchDownloads()
    const share = stubShareSheet({ answers: ['NotAllowedError', null] })
    let made = 0
    renderButton(async () => {
      made += 1
      return new File(['PK'], 'okra-session-2.zip', { type: 'application/zip' })
    })
    await userEvent.click(screen.getByRole('button', { name: 'Share folder (.zip)' }))
    const again = await screen.findByRole('button', { name: 'Share okra-session-2.zip' })
    expect(screen.getByRole('status').textContent).toBe('Ready: tap “Share okra-session-2.zip” to send it.')
    // The second tap shares the file already made, within the tap.
    again.click()
    expect(share).toHaveBeenCalledTimes(2)
    expect(await screen.findByText('Sent okra-session-2.zip through the share sheet.')).toBeTruthy()
    expect(made).toBe(1)
    expect(screen.getByRole('button', { name: 'Share folder (.zip)' })).toBeTruthy()
  })

  it('shares a file made beforehand straight from the tap', async () => {
    const share = stubShareSheet({ answers: ['AbortError'] })
    renderButton(() => new File(['x'], 'ready.zip', { type: 'application/zip' }))
    screen.getByRole('button', { name: 'Share folder (.zip)' }).click()
    expect(share).toHaveBeenCalledTimes(1)
    expect(await screen.findByText('Nothing was sent: the share sheet was closed.')).toBeTruthy()
  })

  it('says why there is no file, and sends nothing', async () => {
    const downloads = catchDownloads()
    renderButton(async () => 'This workshop is no longer on this tablet.')
    await userEvent.click(screen.getByRole('button', { name: 'Download folder (.zip)' }))
    expect(await screen.findByText('This workshop is no longer on this tablet.')).toBeTruthy()
    renderButton(async () => {
      throw new Error('disk full')
    })
    await userEvent.click(screen.getAllByRole('button', { name: 'Download folder (.zip)' })[1]!)
    expect(await screen.findByText('The file could not be made. Nothing was saved.')).toBeTruthy()
    expect(downloads).toEqual([])
  })

  it('says where a download went', async () => {
    catchDownloads()
    renderButton(async () => new File(['x'], 'okra.zip', { type: 'application/zip' }))
    await userEvent.click(screen.getByRole('button', { name: 'Download folder (.zip)' }))
    expect(await screen.findByText('Saved okra.zip to this tablet’s downloads.')).toBeTruthy()
  })
})
