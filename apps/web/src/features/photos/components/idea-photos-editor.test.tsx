import type { IdeaPhoto } from '@meedenken/shared'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import '../../../lib/i18n-photos'
import { IdeaPhotosEditor } from './idea-photos-editor'
import { PhotoGallery } from './photo-gallery'

const photo: IdeaPhoto = {
  id: 31,
  altText: 'Een kapotte bank in het park',
  width: 640,
  height: 480,
  files: [{ url: '/api/photos/w320', format: 'webp', width: 320 }],
}

const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
  init?.method === 'DELETE' ? new Response(null, { status: 204 }) : Response.json({ photo }, { status: 200 }),
)
const onChanged = vi.fn()

beforeEach(() => {
  fetchMock.mockClear()
  onChanged.mockClear()
  vi.stubGlobal('fetch', fetchMock)
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:preview', revokeObjectURL: () => {} }))
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderEditor(problem?: string) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <IdeaPhotosEditor ideaId={7} photos={[photo]} problem={problem} onChanged={onChanged} />
    </QueryClientProvider>,
  )
}

const calls = () => fetchMock.mock.calls.map(([url, init]) => [String(url), init?.method] as const)

describe('IdeaPhotosEditor', () => {
  it('changes a description (checked first) and removes a photo, each at once', async () => {
    renderEditor('Foto 2 (nep.jpg) is niet opgeslagen. Dit bestand is geen foto die wij kunnen lezen.')
    expect(screen.getByText(/Foto 2 \(nep\.jpg\) is niet opgeslagen/)).toBeTruthy()
    const alt = screen.getByRole('textbox', { name: 'Wat staat er op foto 1?' })
    expect((alt as HTMLTextAreaElement).value).toBe(photo.altText)
    await userEvent.clear(alt)
    await userEvent.type(alt, 'Bank')
    await userEvent.click(screen.getByRole('button', { name: 'Beschrijving van foto 1 opslaan' }))
    expect(fetchMock).not.toHaveBeenCalled()
    expect(alt.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(alt)
    await userEvent.type(alt, 'je bij de vijver')
    await userEvent.click(screen.getByRole('button', { name: 'Beschrijving van foto 1 opslaan' }))
    await screen.findByText('De beschrijving van foto 1 is opgeslagen.')
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect([url, init.method]).toEqual(['/api/ideas/7/photos/31', 'PATCH'])
    expect(JSON.parse(String(init.body))).toEqual({ altText: 'Bankje bij de vijver' })
    await userEvent.click(screen.getByRole('button', { name: 'Foto 1 verwijderen' }))
    await screen.findByText('Foto 1 is verwijderd.')
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Foto’s' }))
    expect(calls()[1]).toEqual(['/api/ideas/7/photos/31', 'DELETE'])
    expect(onChanged).toHaveBeenCalledTimes(2)
  })

  it('adds a chosen photo as a multipart form: the file and its description, no JSON content type', async () => {
    fetchMock.mockResolvedValueOnce(Response.json({ photo: { ...photo, id: 32 } }, { status: 201 }))
    renderEditor()
    const file = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'tegel.jpg', { type: 'image/jpeg' })
    await userEvent.upload(screen.getByLabelText('Foto’s kiezen'), file)
    // Numbered after the idea's own photo.
    expect(screen.getByText('Foto 2: tegel.jpg')).toBeTruthy()
    const alt = screen.getByRole('textbox', { name: 'Wat staat er op foto 2?' })
    await userEvent.type(alt, 'x')
    await userEvent.click(screen.getByRole('button', { name: 'Gekozen foto’s toevoegen' }))
    // Too short: the summary names it, nothing is sent.
    expect(fetchMock).not.toHaveBeenCalled()
    expect(screen.getByRole('link', { name: /^Foto 2: Beschrijf wat er op foto 2 staat/ })).toBeTruthy()
    await userEvent.type(alt, ' een losse tegel')
    await userEvent.click(screen.getByRole('button', { name: 'Gekozen foto’s toevoegen' }))
    await screen.findByText('De foto is toegevoegd.')
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect([url, init.method]).toEqual(['/api/ideas/7/photos', 'POST'])
    const body = init.body as FormData
    expect(body).toBeInstanceOf(FormData)
    expect((body.get('file') as File).name).toBe('tegel.jpg')
    expect(body.get('altText')).toBe('x een losse tegel')
    expect(new Headers(init.headers).get('content-type')).toBeNull()
    expect(onChanged).toHaveBeenCalledTimes(1)
  })

  it('on the staff page, next to the gallery, is a region with a name of its own (axe landmark-unique)', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <PhotoGallery photos={[photo]} />
        <IdeaPhotosEditor forStaff ideaId={7} photos={[photo]} onChanged={onChanged} />
      </QueryClientProvider>,
    )
    const names = screen.getAllByRole('region').map((region) => region.getAttribute('aria-labelledby'))
    const texts = names.map((id) => document.getElementById(id ?? '')?.textContent)
    expect(texts).toEqual(['Foto’s', 'Foto’s van dit idee veranderen'])
  })
})
