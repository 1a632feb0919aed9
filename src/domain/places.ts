/** How a place in the ranking reads: "1st", "tied for 2nd". One wording for screen and print. */

/** "1st", "2nd", "3rd", "4th", "11th", "21st", "112th". */
export function ordinal(n: number): string {
  const lastTwo = n % 100
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${suffix}`
}

/** A shared place says so, so two milestones never both read as plainly first. */
export function placeLabel(place: number, tied: boolean): string {
  return tied ? `tied for ${ordinal(place)}` : ordinal(place)
}
