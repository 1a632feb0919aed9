import { describe, expect, it } from 'vitest'
import { fileSlug } from '../../src/exchange/file'
import { handoffFileName } from '../../src/exchange/handoff-file'
import { printableName, printOffered, type PrintPlace } from '../../src/report/printable'
import { folderZipName } from '../../src/report/zip'

const IPAD_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'
const OLD_IPAD = 'Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148'
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'

const place = (patch: Partial<PrintPlace>): PrintPlace => ({
  print: true,
  userAgent: ANDROID,
  maxTouchPoints: 5,
  standalone: false,
  ...patch,
})

describe('whether the app can print here', () => {
  it('prints in a browser tab, an installed Android app and on a desktop Mac', () => {
    expect(printOffered(place({}))).toBe(true)
    expect(printOffered(place({ standalone: true }))).toBe(true)
    expect(printOffered(place({ userAgent: IPAD_SAFARI, maxTouchPoints: 0, standalone: true }))).toBe(true)
    // iPad Safari itself prints (through its share sheet).
    expect(printOffered(place({ userAgent: IPAD_SAFARI, maxTouchPoints: 5 }))).toBe(true)
  })

  it('does not print from an iPad or iPhone home-screen app, nor where there is no window.print', () => {
    expect(printOffered(place({ userAgent: IPAD_SAFARI, maxTouchPoints: 5, standalone: true }))).toBe(false)
    expect(printOffered(place({ userAgent: OLD_IPAD, standalone: true }))).toBe(false)
    expect(printOffered(place({ userAgent: IPHONE, standalone: true }))).toBe(false)
    expect(printOffered(place({ print: false }))).toBe(false)
  })

  it('names the page after the workshop and its date', () => {
    expect(printableName('Match experience off-site', '2026-11-24')).toBe('okra-session-2-match-experience-off-site-2026-11-24-inventory.html')
    expect(printableName('  ', '2026-11-24')).toBe('okra-session-2-workshop-2026-11-24-inventory.html')
  })

  it('names every file after the workshop the same way, accents dropped and never ending on a dash', () => {
    expect(fileSlug('Café “Q3”, Berlin')).toBe('cafe-q3-berlin')
    expect(fileSlug('Résumé of the off-site: what all learned, and more')).toBe('resume-of-the-off-site-what-all-learned')
    expect(fileSlug('«»')).toBe('workshop')
    expect(folderZipName('Café “Q3”, Berlin', '2026-11-24')).toBe('okra-session-2-cafe-q3-berlin-2026-11-24.zip')
    expect(handoffFileName('Café “Q3”, Berlin', 'join')).toBe('cafe-q3-berlin.join.harvest')
  })
})
