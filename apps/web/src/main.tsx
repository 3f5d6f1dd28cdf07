import './styles/global.css'
import { keepEarlyClicks } from './ssr/early-click'

/**
 * The browser paints the server-rendered page before the app's JavaScript runs (decision
 * 014). Evaluating React and the app takes a few hundred milliseconds on a slow phone,
 * and nothing is painted meanwhile; so this entry only waits for the first frame, then
 * loads and starts the app. A tab opened in the background gets no frames until it is
 * shown: the timer starts the app there.
 */
let started = false
function startApp(): void {
  if (started) return
  started = true
  void import('./start')
}
requestAnimationFrame(() => setTimeout(startApp, 0))
setTimeout(startApp, 1000)
// A tap on one of the app's buttons before it runs is not lost: it starts the app now.
keepEarlyClicks(startApp)
