/** The largest code the screen has room for beside (landscape) or above (portrait) the controls. */
export function qrRoom(): number {
  const width = window.innerWidth || 1024
  const height = window.innerHeight || 768
  return width > height ? Math.min(width - 380, height - 110) : Math.min(width - 40, height - 420)
}
