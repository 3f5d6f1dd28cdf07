/**
 * A progress bar on stderr. On a terminal it redraws in place (at most ten times a second);
 * elsewhere (CI logs) it prints one line when a phase ends, so logs stay short.
 */
export type Progress = {
  phase: (name: string, total: number) => void
  tick: (done: number) => void
  done: () => void
  log: (line: string) => void
}

const WIDTH = 30

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true
  let name = ''
  let total = 1
  let current = 0
  let started = 0
  let drawnAt = 0

  const draw = (force: boolean) => {
    const now = performance.now()
    if (!tty || (!force && now - drawnAt < 100)) return
    drawnAt = now
    const share = Math.min(1, current / total)
    const filled = Math.round(share * WIDTH)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`
    const seconds = ((now - started) / 1000).toFixed(1)
    stream.write(
      `\r  ${bar} ${(share * 100).toFixed(0).padStart(3)} %  ${name} ${current.toLocaleString('en')}/${total.toLocaleString('en')} (${seconds} s)\x1b[K`,
    )
  }

  const finish = () => {
    if (!name) return
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (tty) draw(true)
    stream.write(`${tty ? '\n' : ''}${tty ? '' : `  [done] ${name} ${current.toLocaleString('en')} in ${seconds} s\n`}`)
    name = ''
  }

  return {
    phase: (next, size) => {
      finish()
      name = next
      total = Math.max(1, size)
      current = 0
      started = performance.now()
      draw(true)
    },
    tick: (done) => {
      current = done
      draw(false)
    },
    done: finish,
    log: (line) => {
      if (tty && name) stream.write('\r\x1b[K')
      stream.write(`${line}\n`)
      if (name) draw(true)
    },
  }
}
