// Loaded into the server under test with NODE_OPTIONS=--require (the server's own flags unchanged):
// on SIGUSR2 it collects garbage and writes the process's memory to HEAP_PROBE_FILE, so a trust
// run can read the heap of a server it only reaches over HTTP. Never part of the product.
const { renameSync, writeFileSync } = require('node:fs')
const v8 = require('node:v8')
const vm = require('node:vm')

const file = process.env.HEAP_PROBE_FILE
if (file) {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc')
  let seq = 0
  process.on('SIGUSR2', () => {
    gc()
    const { heapUsed, heapTotal, rss, external, arrayBuffers } = process.memoryUsage()
    const { heap_size_limit: heapLimit } = v8.getHeapStatistics()
    seq++
    writeFileSync(`${file}.tmp`, JSON.stringify({ seq, heapUsed, heapTotal, rss, external, arrayBuffers, heapLimit }))
    renameSync(`${file}.tmp`, file)
  })
}
