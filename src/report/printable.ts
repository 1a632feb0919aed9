/**
 * The printable page: the inventory as one self-contained HTML file (its print stylesheet
 * inlined, no script, nothing fetched), for where the app cannot print, as in an installed iPad
 * app. Shared from the tablet, it prints from any browser as the app would have printed it.
 */

import { fileSlug } from '../exchange/file'

export const PRINTABLE_TYPE = 'text/html'

/** Where the app is running, as far as printing goes. */
export interface PrintPlace {
  /** Whether `window.print` exists. */
  readonly print: boolean
  readonly userAgent: string
  readonly maxTouchPoints: number
  /** Opened from the home screen: `navigator.standalone`, or `display-mode: standalone`. */
  readonly standalone: boolean
}

/**
 * Whether the browser's print is offered here. An app opened from an iPad's (or iPhone's) home
 * screen has `window.print`, but it may do nothing there, so it counts as no print.
 */
export function printOffered(place: PrintPlace): boolean {
  if (!place.print) return false
  // iPadOS says it is a Mac; a Mac has no touch screen.
  const apple = /\b(iPad|iPhone|iPod)\b/.test(place.userAgent) || (/\bMacintosh\b/.test(place.userAgent) && place.maxTouchPoints > 1)
  return !(apple && place.standalone)
}

export function printPlaceHere(): PrintPlace {
  const nav = navigator as Navigator & { standalone?: boolean }
  return {
    print: typeof window.print === 'function',
    userAgent: nav.userAgent,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone === true || (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches),
  }
}

export function printableName(title: string, date: string): string {
  return `okra-session-2-${fileSlug(title)}-${date}-inventory.html`
}

/** On screen the page reads like the paper: the printed header shows, and it scrolls as a page. */
const PAGE_CSS = `
html, body { height: auto !important; min-height: 0 !important; overflow: visible !important; }
body { margin: 0 auto; padding: 24px; max-width: 64rem; background: #fff; }
.inventory .inv-print-only { display: block; }
.inventory .inv-print-head { margin-bottom: 16px; }
.inventory .inv-print-head p { margin: 0 0 4px; }
.inventory .inv-kicker { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; }
.inventory .inv-workshop { font-size: 1.8rem; font-weight: 800; line-height: 1.15; }
@media print { body { padding: 0; max-width: none; } }
`

/** Nothing that runs, fetches or asks for input leaves with the page. */
const DROPPED = 'script, style, link, iframe, object, embed, button, input, select, textarea, dialog, form, img, video, audio, canvas, svg'

/**
 * The page for an inventory already rendered (`report`, the `.inv-report` the screen shows) and
 * the stylesheets it is drawn with.
 */
export function printablePage(input: { title: string; date: string; report: Element; css: string }): string {
  const report = input.report.cloneNode(true) as Element
  for (const dropped of report.querySelectorAll(DROPPED)) dropped.remove()
  for (const element of [report, ...report.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) element.removeAttribute(attribute.name)
    }
  }
  const heading = `${input.title || 'Untitled workshop'} · ${input.date} · Strategic inventory`
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing runs and nothing is fetched, wherever the file is opened.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)}</title>`,
    `<style>${inlineCss(input.css)}\n${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    // Wrapped as in the app, where the print stylesheet finds the inventory inside the page.
    `<div class="printable"><main class="inventory" data-work-surface>${report.outerHTML}</main></div>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** The rules of the stylesheets a document is drawn with, minus anything that would fetch. */
export function documentCss(document: Document): string {
  const rules: string[] = []
  for (const sheet of document.styleSheets) {
    let list: CSSRuleList
    try {
      list = sheet.cssRules
    } catch {
      continue // another origin's sheet: none of ours
    }
    for (const rule of list) {
      if (/^@(import|font-face)\b/i.test(rule.cssText) || /url\(/i.test(rule.cssText)) continue
      rules.push(rule.cssText)
    }
  }
  return rules.join('\n')
}

function inlineCss(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}
