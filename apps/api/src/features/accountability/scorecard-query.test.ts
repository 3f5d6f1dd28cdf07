import { describe, expect, it } from 'vitest'
import { createTestApp, json, loginAs, request } from '../../test/test-app'

const ctx = createTestApp()

/** The scorecard, its CSV and the staff dashboard read the same period parameters. */
const PATHS = ['/api/stats/scorecard', '/api/open-data/scorecard.csv']

async function expectRefused(path: string, field: string, cookie?: string) {
  const res = await request(ctx, path, cookie ? { cookie } : {})
  expect(res.status, path).toBe(422)
  const body = await json(res)
  expect(body.error.code, path).toBe('validation_failed')
  expect(Object.keys(body.error.fields ?? {}), path).toEqual([field])
  expect(body.error.fields[field], path).toMatch(/\S/)
}

describe('the scorecard’s period and theme', () => {
  it('refuses a reversed range with 422 naming "from", for the scorecard and its CSV', async () => {
    for (const path of PATHS) await expectRefused(`${path}?from=2026-Q3&to=2026-Q1`, 'from')
    for (const path of PATHS) await expectRefused(`${path}?from=2027-Q1&to=2026-Q4`, 'from')
    // Without "to", the current quarter stands in for it: a "from" after it runs backwards too.
    for (const path of PATHS) await expectRefused(`${path}?from=2100-Q1`, 'from')
    for (const path of PATHS) await expectRefused(`${path}?to=1970-Q1`, 'to')
  })

  it('refuses a year before 1970 or absurdly far ahead with 422 naming the field', async () => {
    for (const path of PATHS) {
      await expectRefused(`${path}?from=1969-Q4&to=1970-Q1`, 'from')
      await expectRefused(`${path}?from=0000-Q1&to=2026-Q1`, 'from')
      await expectRefused(`${path}?to=1969-Q1`, 'to')
      await expectRefused(`${path}?from=2026-Q1&to=9999-Q4`, 'to')
    }
  })

  it('refuses malformed quarters and themes with 422 naming the field', async () => {
    for (const path of PATHS) {
      for (const bad of [
        '2026-Q5',
        '2026-Q0',
        '2026Q1',
        '2026-q1',
        '26-Q1',
        '2026-Q1x',
        ' 2026-Q1',
        '',
        'abc',
        '２０２６-Q1',
      ]) {
        await expectRefused(`${path}?from=${encodeURIComponent(bad)}&to=2026-Q4`, 'from')
      }
      for (const bad of ['abc', '0', '-1', '1.5', '1e400', '99999999999999999999', '']) {
        await expectRefused(`${path}?theme=${encodeURIComponent(bad)}`, 'theme')
      }
    }
  })

  it('refuses a range longer than ten years, which it would otherwise cut short without saying so', async () => {
    for (const path of PATHS) await expectRefused(`${path}?from=2000-Q1&to=2026-Q4`, 'from')
  })

  it('answers the edges of what it accepts', async () => {
    for (const path of PATHS) {
      for (const query of [
        'from=1970-Q1&to=1970-Q1',
        'from=2026-Q1&to=2026-Q1',
        'from=2017-Q1&to=2026-Q4',
        'theme=1',
      ]) {
        const res = await request(ctx, `${path}?${query}`)
        expect(res.status, `${path}?${query}`).toBe(200)
      }
    }
    const ok = await json(await request(ctx, '/api/stats/scorecard?from=2017-Q1&to=2026-Q4'))
    expect(ok.quarters).toHaveLength(40)
    expect(ok.quarters.at(-1)).toBe('2026-Q4')
  })

  it('refuses the same malformed quarter on the staff dashboard', async () => {
    const staff = await loginAs(ctx, 'staff')
    for (const bad of ['1969-Q4', '2026-Q5', '9999-Q1']) {
      await expectRefused(`/api/staff/dashboard?quarter=${bad}`, 'quarter', staff.cookie)
    }
    expect((await request(ctx, '/api/staff/dashboard?quarter=2026-Q1', { cookie: staff.cookie })).status).toBe(200)
  })
})
