import type { TestContext } from './test-app'

export type Upload = { bytes?: Buffer; type?: string; name?: string; altText?: string }

/** A photo upload as a browser sends it: one multipart form, encoded once, with its length. */
export async function uploadPhoto(ctx: TestContext, ideaId: number, cookie: string, input: Upload): Promise<Response> {
  const form = new FormData()
  if (input.bytes)
    form.set('file', new File([input.bytes], input.name ?? 'foto.jpg', { type: input.type ?? 'image/jpeg' }))
  if (input.altText !== undefined) form.set('altText', input.altText)
  const encoded = new Request('http://localhost/', { method: 'POST', body: form })
  const body = Buffer.from(await encoded.arrayBuffer())
  return await ctx.app.request(`/api/ideas/${ideaId}/photos`, {
    method: 'POST',
    headers: {
      'content-type': encoded.headers.get('content-type') ?? '',
      'content-length': String(body.length),
      cookie,
    },
    body,
  })
}
