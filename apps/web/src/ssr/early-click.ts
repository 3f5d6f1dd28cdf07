/**
 * The server-rendered list shows its buttons before the app has taken the page over
 * (decisions 011 and 014). Links and the filter form work as plain HTML meanwhile, but a
 * button only the app handles (the language switch, "Meer ideeën laden", "Uitloggen")
 * would ignore a tap: on a slow phone that window lasts a second or more. The entry keeps
 * the last such click, starts the app at once, and the app clicks it again once it owns
 * the page.
 */
let kept: HTMLButtonElement | null = null
let onKept: (() => void) | null = null

function keep(event: MouseEvent): void {
  const button = event.target instanceof Element ? event.target.closest('button') : null
  // Submit buttons send their plain HTML form; they need no app.
  if (button?.type !== 'button') return
  kept = button
  onKept?.()
}

/** From the first script on: keeps early clicks, calling `startNow` at each. */
export function keepEarlyClicks(startNow: () => void): void {
  onKept = startNow
  document.addEventListener('click', keep, true)
}

/**
 * Right before hydration starts: React replays clicks that come during hydration itself,
 * so from here on keeping them too would click twice.
 */
export function stopKeepingClicks(): void {
  document.removeEventListener('click', keep, true)
  onKept = null
}

/** Once hydrated: the kept click, if any, now reaches the app. */
export function replayEarlyClick(): void {
  const button = kept
  kept = null
  if (button?.isConnected) button.click()
}
