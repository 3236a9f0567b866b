/**
 * "The first rows are on screen": what the first paint does not need (the menus' Radix code,
 * sonner's Toaster, the drawer's strings) waits for it, so it neither delays nor weighs on the
 * table (bench/first-load.ts counts every file asked for before the first row shows). The
 * dashboard marks it when its first list answer or list error renders; `SAFETY_MS` after start at
 * the latest, so a page that never shows rows still gets its menus.
 */
const SAFETY_MS = 10_000

let resolveShown: () => void = () => {}
const shown = new Promise<void>((resolve) => {
  resolveShown = resolve
})
if (typeof window !== 'undefined') setTimeout(resolveShown, SAFETY_MS)

/** Resolves in an idle moment after the first rows (or the list's error) are on screen. */
export function afterFirstRows(): Promise<void> {
  return shown
}

/** Called by the dashboard once its first rows (or its list error) have rendered. */
export function markFirstRowsShown(): void {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(resolveShown, { timeout: 500 })
  } else {
    setTimeout(resolveShown, 50)
  }
}
