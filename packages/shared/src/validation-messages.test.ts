import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { issueMessage } from './validation-messages'

function messagesFor(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value)
  if (result.success) throw new Error('expected a failure')
  return result.error.issues.map((i) => [issueMessage(i, 'nl', false), issueMessage(i, 'en', false)])
}

describe('validation messages', () => {
  it('says how long a text must be, in both languages', () => {
    expect(messagesFor(z.string().min(10), 'kort')).toEqual([
      ['Gebruik minstens 10 tekens.', 'Use at least 10 characters.'],
    ])
    expect(messagesFor(z.string().max(3), 'te lang')).toEqual([
      ['Gebruik hoogstens 3 tekens.', 'Use at most 3 characters.'],
    ])
  })

  it('asks for a valid e-mail address with an example', () => {
    expect(messagesFor(z.email(), 'geen-adres')[0]?.[0]).toMatch(/naam@voorbeeld\.nl/)
  })

  it('asks to fill in a missing field', () => {
    const issue = z.object({ title: z.string() }).safeParse({}).error?.issues[0]
    expect(issue && issueMessage(issue, 'nl', true)).toBe('Vul dit veld in.')
  })

  it('uses a custom message a schema names', () => {
    const schema = z.string().refine(() => false, { params: { messageKey: 'passwordCommon' } })
    expect(messagesFor(schema, 'welkom123')[0]?.[0]).toMatch(/komt te vaak voor/)
  })
})
