import { describe, expect, it } from 'vitest'
import { closeDatabase } from './db/open'
import { CONTENT_SECURITY_POLICY } from './http/security'
import { createTestApp, json, request } from './test/test-app'

const ctx = createTestApp()

describe('the error model', () => {
  it('answers an unknown API route with 404 in the one error shape', async () => {
    const res = await request(ctx, '/api/does-not-exist')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(await json(res)).toEqual({
      error: { code: 'not_found', message: 'Deze pagina of dit gegeven bestaat niet (meer).' },
    })
  })

  it('answers a known path with an unknown method with 404, not a stack trace', async () => {
    const res = await request(ctx, '/api/health', { method: 'PATCH' })
    expect(res.status).toBe(404)
    expect((await json(res)).error.code).toBe('not_found')
  })

  it('answers an id that is not a number with 404', async () => {
    const res = await request(ctx, '/api/ideas/abc')
    expect(res.status).toBe(404)
    expect((await json(res)).error.code).toBe('not_found')
  })

  it('answers invalid query parameters with 422 naming each field in Dutch', async () => {
    const res = await request(ctx, '/api/ideas?sort=random&limit=500&status=open')
    expect(res.status).toBe(422)
    const body = await json(res)
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.message).toBe('Niet alles is goed ingevuld. Kijk de velden met een melding na.')
    expect(body.error.fields).toEqual({
      sort: 'Kies een van de mogelijkheden.',
      limit: 'Kies een getal van hoogstens 50.',
      status: 'Kies een van de mogelijkheden.',
    })
  })

  it('speaks English when the caller asks for it', async () => {
    const res = await request(ctx, '/api/ideas?limit=0', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    expect(res.status).toBe(422)
    const body = await json(res)
    expect(body.error.message).toMatch(/^Not everything is filled in correctly/)
    expect(body.error.fields).toEqual({ limit: 'Choose a number of at least 1.' })
  })

  it('refuses a body over 64 KiB with 413 before reading it', async () => {
    const res = await request(ctx, '/api/ideas', { body: { title: 'x'.repeat(70 * 1024) } })
    expect(res.status).toBe(413)
    expect((await json(res)).error.code).toBe('payload_too_large')
  })

  it('answers a body that is not valid JSON with 400 and changes nothing', async () => {
    const res = await request(ctx, '/api/auth/login', {
      rawBody: '{"email": "a@b.nl", "password": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(await json(res)).toEqual({
      error: { code: 'malformed_request', message: 'Het verzoek kon niet worden gelezen. Stuur geldige JSON.' },
    })
  })

  it('answers a body of another type with 415', async () => {
    const res = await request(ctx, '/api/auth/login', {
      rawBody: 'email=a@b.nl&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(415)
    expect((await json(res)).error.code).toBe('unsupported_media_type')
    const plain = await request(ctx, '/api/auth/login', { rawBody: 'hallo', headers: { 'content-type': 'text/plain' } })
    expect(plain.status).toBe(415)
  })

  it('answers an invalid body with 422 and a message per field', async () => {
    const res = await request(ctx, '/api/auth/signup', { body: { email: 'x', password: 12, targetGroup: 'alien' } })
    expect(res.status).toBe(422)
    expect((await json(res)).error.fields).toEqual({
      email: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
      password: 'Vul hier tekst in.',
      displayName: 'Vul dit veld in.',
      targetGroup: 'Kies een van de mogelijkheden.',
    })
  })

  it('answers a JSON array or string body with 422, not 500', async () => {
    for (const rawBody of ['[]', '"tekst"', 'null', '12']) {
      const res = await request(ctx, '/api/auth/login', { rawBody, headers: { 'content-type': 'application/json' } })
      expect(res.status, rawBody).toBe(422)
    }
  })

  it('turns an unexpected failure into 500 with only a request id', async () => {
    const broken = createTestApp()
    await closeDatabase(broken.db)
    const res = await request(broken, '/api/themes')
    expect(res.status).toBe(500)
    const body = await json(res)
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'requestId'])
    expect(body.error.code).toBe('internal_error')
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'))
    expect(JSON.stringify(body)).not.toMatch(/database|sqlite|postgres|pool|at .*\.ts/i)
  })
})

describe('operations', () => {
  it('says it is alive at /api/health', async () => {
    const res = await request(ctx, '/api/health')
    expect(res.status).toBe(200)
    expect(await json(res)).toEqual({ status: 'ok' })
  })

  it('says it is ready when the database answers, and 503 when it does not', async () => {
    expect((await request(ctx, '/api/ready')).status).toBe(200)
    const broken = createTestApp()
    await closeDatabase(broken.db)
    const res = await request(broken, '/api/ready')
    expect(res.status).toBe(503)
    expect((await json(res)).error.code).toBe('unavailable')
  })
})

describe('security headers', () => {
  it('sends the exact content security policy and the other protective headers', async () => {
    const res = await request(ctx, '/api/health')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  it('adds HSTS when the public address is HTTPS', async () => {
    const https = createTestApp({ publicUrl: 'https://meedenken.midden-groningen.nl' })
    const res = await request(https, '/api/health')
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
  })
})

describe('the OpenAPI document', () => {
  it('describes every API route with who may call it', async () => {
    const res = await request(ctx, '/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = await json(res)
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/themes', '/api/districts', '/api/ideas', '/api/ideas/{id}']),
    )
    for (const [path, methods] of Object.entries<Record<string, { 'x-policy'?: string }>>(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        expect(op['x-policy'], `${method.toUpperCase()} ${path}`).toMatch(/^(public|member|staff|admin)$/)
      }
    }
    expect(doc.components.schemas.Idea.properties).toHaveProperty('voteCount')
  })

  it('names each route’s own body limit in its 413: 64 KiB for JSON, 15 MB for a photo upload', async () => {
    const doc = await json(await request(ctx, '/api/openapi.json'))
    const tooLarge = (path: string, method: string) => doc.paths[path][method].responses['413'].description
    expect(tooLarge('/api/ideas', 'post')).toBe('Body larger than 64 KiB')
    expect(tooLarge('/api/ideas/{id}/photos', 'post')).toBe(
      'Body larger than 15 MB for the file plus 64 KiB for the rest of the form',
    )
    expect(doc.paths['/api/ideas/{id}/photos'].post.responses['415'].description).toBe(
      'Body is not multipart/form-data',
    )
  })
})
