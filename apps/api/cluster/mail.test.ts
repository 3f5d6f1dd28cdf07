import { expect, it } from 'vitest'
import {
  brokenSmtpSessions,
  cluster,
  clusterScript,
  mailText,
  openDatabase,
  receivedMail,
  signUp,
  signUpMembers,
  waitFor,
} from './cluster-client'

const MAILS = 120

type Row = { id: number; to_address: string; status: string; text: string }

/** Each of these addresses' mail: its outbox rows, and how often the sink received each. */
async function deliveries(addresses: Set<string>) {
  const db = await openDatabase()
  const rows = (
    await db.query<Row>("select id, to_address, status, text from mail_outbox where to_address like '%@example.org'")
  ).filter((r) => addresses.has(r.to_address))
  await db.close()
  const received = new Map<string, number>()
  for (const mail of receivedMail()) {
    const key = `${mail.to}\n${mailText(mail).trim()}`
    received.set(key, (received.get(key) ?? 0) + 1)
  }
  const times = (row: Row) => received.get(`${row.to_address}\n${row.text.trim()}`) ?? 0
  const byStatus: Record<string, number> = {}
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1
  return { rows, times, byStatus, twice: [...received.values()].filter((n) => n > 1).length }
}

it(`each of ${MAILS} outbox mails reaches the SMTP sink exactly once, with all three processes sending`, async () => {
  // Every process has SMTP_URL, so each runs the mail worker: they all claim from one outbox.
  const members = await signUpMembers(MAILS, 'post')
  const addresses = new Set(members.map((m) => m.email))
  const done = await waitFor(
    'our mail marked sent',
    async () => {
      const d = await deliveries(addresses)
      return d.rows.length === MAILS && d.byStatus.sent === MAILS ? d : null
    },
    60_000,
  )
  console.info(
    `mail: ${MAILS} confirmation mails queued at once, received once each: ${done.rows.filter((r) => done.times(r) === 1).length}; ` +
      `the sink has ${receivedMail().length} mails from this run, ${done.twice} of them received twice`,
  )
  for (const row of done.rows) expect(done.times(row), `mail ${row.id} to ${row.to_address}`).toBe(1)
  expect(done.twice).toBe(0)
})

it('mail queued during a rolling restart is sent once, none left claimed by a stopped process', async () => {
  let restarting = true
  const burst = signUp(600, 'herstart', 6, () => !restarting)
  await (await clusterScript()).rollingRestart(cluster().stateFile)
  restarting = false
  const addresses = new Set(await burst)
  // Senders take 20 mails every 2 s each (30 a second for three): a burst of up to 600 needs
  // 20 s of sending after the restart at best; give each mail 100 ms more, then look. A mail
  // left claimed by a stopped process would stay 'sending' for 10 minutes and still fail.
  let last = await deliveries(addresses)
  try {
    await waitFor(
      'every mail of the burst sent',
      async () => {
        last = await deliveries(addresses)
        return last.byStatus.sent === addresses.size
      },
      30_000 + addresses.size * 100,
    )
  } catch {
    // The figures below say what was left.
  }
  console.info(
    `mail during a rolling restart: ${addresses.size} mails queued while each process was stopped and started again; ` +
      `outbox ${JSON.stringify(last.byStatus)}; received once ${last.rows.filter((r) => last.times(r) === 1).length}, ` +
      `twice ${last.rows.filter((r) => last.times(r) > 1).length}, not yet ${last.rows.filter((r) => last.times(r) === 0).length}; ` +
      `SMTP sessions broken off by a stopping process: ${brokenSmtpSessions()}`,
  )
  expect(last.byStatus).toEqual({ sent: addresses.size })
  for (const row of last.rows) expect(last.times(row), `mail ${row.id} to ${row.to_address}`).toBe(1)
})
