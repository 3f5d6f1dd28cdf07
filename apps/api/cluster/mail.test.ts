import { expect, it } from 'vitest'
import { mailText, openDatabase, receivedMail, signUpMembers, waitFor } from './cluster-client'

const MAILS = 120

it(`each of ${MAILS} outbox mails reaches the SMTP sink exactly once, with all three processes sending`, async () => {
  // Every process has SMTP_URL, so each runs the mail worker: they all claim from one outbox.
  const members = await signUpMembers(MAILS, 'post')
  const addresses = new Set(members.map((m) => m.email))
  const db = await openDatabase()
  const rows = await waitFor(
    'our mail marked sent',
    async () => {
      const all = await db.query<{ id: number; to_address: string; status: string; text: string }>(
        "select id, to_address, status, text from mail_outbox where to_address like '%@example.org'",
      )
      const ours = all.filter((r) => addresses.has(r.to_address))
      return ours.length === MAILS && ours.every((r) => r.status === 'sent') ? ours : null
    },
    60_000,
  )
  // Every mail delivered so far in this run, ours and others': none twice.
  const mails = receivedMail()
  const seen = new Map<string, number>()
  for (const mail of mails) {
    const key = `${mail.to}\n${mailText(mail).trim()}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  const twice = [...seen.entries()].filter(([, n]) => n > 1).map(([key]) => key.split('\n')[0])
  const sentInDb = await db.query<{ n: number | string }>("select count(*) as n from mail_outbox where status = 'sent'")
  await db.close()
  for (const row of rows) {
    const key = `${row.to_address}\n${row.text.trim()}`
    expect(seen.get(key), `mail ${row.id} to ${row.to_address}`).toBe(1)
  }
  console.info(
    `mail: ${MAILS} confirmation mails queued at once, each received once; the sink has ${mails.length} mails in all this run, ` +
      `${Number(sentInDb[0]?.n)} outbox rows are marked sent, ${twice.length} received twice`,
  )
  expect(twice).toEqual([])
})
