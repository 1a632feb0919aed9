/**
 * CSV as RFC 4180 writes it: fields joined by commas, records ended by CRLF, a field quoted
 * when it holds a comma, a quote, a line break or edge spaces, and quotes inside it doubled.
 * A cell that a spreadsheet would run as a formula is written as text (see guardFormula).
 * Spreadsheet programs guess the encoding of a file without a byte-order mark, so the BOM is
 * offered as an option; the parser drops one if it is there.
 */

const BOM = '\uFEFF'

/**
 * A cell a spreadsheet would run as a formula (OWASP's "CSV injection"): it begins with
 * = + - @, a tab or a carriage return, after any apostrophes already there (so that a cell
 * the guard wrote reads back unchanged). A plain number such as -5 or +3.5 runs nothing and
 * stays a number.
 */
function runsAsFormula(value: string): boolean {
  return /^'*[=+\-@\t\r]/.test(value) && !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(value)
}

/** A leading apostrophe makes a spreadsheet show the cell as text; `unguard` takes it off again. */
export function guardFormula(value: string): string {
  return runsAsFormula(value) ? `'${value}` : value
}

/** The exact text of a cell `guardFormula` wrote: only an apostrophe the guard added is removed. */
export function unguardFormula(field: string): string {
  return field.startsWith("'") && runsAsFormula(field.slice(1)) ? field.slice(1) : field
}

export function csvField(value: string): string {
  const cell = guardFormula(value)
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

export function writeCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map(row => row.map(csvField).join(',') + '\r\n').join('')
  return (options.bom ? BOM : '') + body
}

export type CsvResult =
  | { readonly ok: true; readonly rows: string[][]; readonly lines: number[] }
  | { readonly ok: false; readonly line: number; readonly message: string }

/**
 * Reads CSV text back into rows of exact fields, taking off the apostrophe that the formula
 * guard put before a cell. `lines[i]` is the line where row i begins,
 * so a later check can name the line a person should look at. Accepts CRLF or bare LF
 * between records (files pass through editors); line breaks inside quoted fields are kept
 * as they were written.
 */
export function parseCsv(text: string): CsvResult {
  const source = text.startsWith(BOM) ? text.slice(1) : text
  const rows: string[][] = []
  const lines: number[] = []
  let row: string[] = []
  let field = ''
  let line = 1
  let rowLine = 1
  let i = 0
  let quoted = false
  const endRow = () => {
    // A blank line between records is not a record of one empty field ("" on a line is).
    const blank = row.length === 0 && field === '' && !quoted
    row.push(unguardFormula(field))
    if (!blank) {
      rows.push(row)
      lines.push(rowLine)
    }
    row = []
    field = ''
    quoted = false
  }
  while (i < source.length) {
    const char = source[i]!
    if (char === '"') {
      if (field !== '' || quoted) {
        return { ok: false, line, message: `Line ${line}: a quote inside a field that does not begin with a quote.` }
      }
      const start = line
      i++
      for (;;) {
        if (i >= source.length) {
          return { ok: false, line: start, message: `Line ${start}: a quoted field is never closed.` }
        }
        const c = source[i]!
        if (c === '"') {
          if (source[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        if (c === '\n') line++
        field += c
        i++
      }
      const next = source[i]
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        return { ok: false, line, message: `Line ${line}: text after the closing quote of a field.` }
      }
      quoted = true
      continue
    }
    if (char === ',') {
      row.push(unguardFormula(field))
      field = ''
      quoted = false
      i++
      continue
    }
    if (char === '\r' || char === '\n') {
      endRow()
      i += char === '\r' && source[i + 1] === '\n' ? 2 : 1
      line++
      rowLine = line
      continue
    }
    field += char
    i++
  }
  if (field !== '' || quoted || row.length > 0) endRow()
  return { ok: true, rows, lines }
}
