import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { parseCsv, writeCsv } from '../../src/report/csv'

const HARD = [
  ['plain', 'with, comma', 'with "quotes"'],
  ['line\nbreak', 'crlf\r\ninside', '🎯 emoji 👩🏽‍💻'],
  ['שלום עולם, مرحبا', ' leading space', ''],
]

describe('CSV (RFC 4180)', () => {
  it('writes quotes, commas and line breaks as RFC 4180 says, records ended by CRLF', () => {
    expect(writeCsv([['a', 'b,c', 'say "hi"'], ['x\ny', '', 'z']])).toBe('a,"b,c","say ""hi"""\r\n"x\ny",,z\r\n')
  })

  it('reads back exact fields for commas, quotes, line breaks, emoji and right-to-left script', () => {
    const parsed = parseCsv(writeCsv(HARD))
    expect(parsed).toEqual({ ok: true, rows: HARD, lines: [1, 2, 5] }) // row 2 spans lines 2–4
  })

  it('puts a BOM first only when asked, and the parser drops it', () => {
    const withBom = writeCsv(HARD, { bom: true })
    expect(withBom.charCodeAt(0)).toBe(0xfeff)
    expect(writeCsv(HARD).charCodeAt(0)).toBe(0x70)
    const parsed = parseCsv(withBom)
    expect(parsed.ok && parsed.rows[0]![0]).toBe('plain')
  })

  it('reads a quoted empty field on its own line as a row, and skips blank lines', () => {
    expect(parseCsv('""\r\n\r\na,b\n')).toEqual({ ok: true, rows: [[''], ['a', 'b']], lines: [1, 3] })
  })

  it('names the line of malformed input', () => {
    expect(parseCsv('a,b\r\nc,"never closed\r\nmore')).toMatchObject({ ok: false, line: 2 })
    expect(parseCsv('a,b\nc,d\ne,"x"y')).toMatchObject({ ok: false, line: 3, message: expect.stringContaining('Line 3') })
    expect(parseCsv('a,b\nc,d"e')).toMatchObject({ ok: false, line: 2 })
  })

  it('reads back whatever it writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '😀', 'ש') })
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), rows => {
        const parsed = parseCsv(writeCsv(rows))
        expect(parsed.ok && parsed.rows).toEqual(rows)
      }),
    )
  })

  describe('formula guard', () => {
    const RISKY = [
      '=HYPERLINK("http://evil.example","click")',
      '+1+cmd|\' /C calc\'!A0',
      '-2+3+cmd|\' /C calc\'!A0',
      '@SUM(A1:A9)',
      '\t=1+1',
      '\r=1+1',
      "'=already guarded by hand",
      "''@twice",
      '=a, "quoted"\nand on a second line',
    ]
    const HARMLESS = ['-5', '+3.5', '-0.25', '1e6', '-5% churn', 'It’s -5 °C', "'quoted' words", '', 'plain']

    it('writes every cell a spreadsheet would run as text, as an independent reader sees it', () => {
      const text = writeCsv([RISKY, HARMLESS])
      const read = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data
      expect(read).toHaveLength(2)
      for (const cell of read[0]!) expect(cell).toMatch(/^'/)
      expect(read[0]!.some(cell => /^[=+\-@\t\r]/.test(cell))).toBe(false)
      // A plain number stays a number, and text that only looks like one is left alone.
      expect(read[1]!.slice(0, 4)).toEqual(['-5', '+3.5', '-0.25', '1e6'])
      expect(read[1]![4]).toBe("'-5% churn")
    })

    it('reads the exact original text back, commas, quotes and line breaks included', () => {
      const parsed = parseCsv(writeCsv([RISKY, HARMLESS]))
      expect(parsed.ok && parsed.rows).toEqual([RISKY, HARMLESS])
    })

    it('reads back whatever it writes, whatever the apostrophes and signs', () => {
      const cell = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', 'e', 'a', ',', '"', '\n', ' ') })
      fc.assert(
        fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), rows => {
          const text = writeCsv(rows)
          expect(parseCsv(text)).toMatchObject({ ok: true, rows })
          for (const row of Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data) {
            for (const field of row) expect(/^[=+\-@\t\r]/.test(field) && !/^[-+][\d.e]*$/.test(field)).toBe(false)
          }
        }),
        { numRuns: 300 },
      )
    })
  })
})
