import { PHOTO_LIMITS } from '@meedenken/shared'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../../../lib/i18n'
import '../../../lib/i18n-photos'
import { ChosenPhotos, PhotoPicker } from './photo-picker'
import { type PhotoChoice, usePhotoChoice } from './use-photo-choice'

let choice: PhotoChoice
function Harness({ slots, preview }: { slots?: number; preview?: boolean }) {
  choice = usePhotoChoice({ scope: 'intake', ...(slots === undefined ? {} : { slots }) })
  return (
    <>
      <PhotoPicker choice={choice} />
      {preview && <ChosenPhotos choice={choice} />}
    </>
  )
}

const jpeg = (name: string, bytes = 1000, type = 'image/jpeg') =>
  new File([new Uint8Array(Math.min(bytes, 10))], name, { type, lastModified: 0 })
const sized = (file: File, size: number) => Object.defineProperty(file, 'size', { value: size })

let made = 0
const createObjectURL = vi.fn(() => `blob:preview-${++made}`)
const revokeObjectURL = vi.fn()
beforeEach(() => {
  made = 0
  createObjectURL.mockClear()
  revokeObjectURL.mockClear()
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }))
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('PhotoPicker', () => {
  it('shows each chosen photo with a required description, tied to its error, named in the form’s check', async () => {
    render(<Harness />)
    const chooser = screen.getByLabelText('Foto’s kiezen') as HTMLInputElement
    expect(chooser.accept).toBe('image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif')
    expect(chooser.multiple).toBe(true)
    await userEvent.upload(chooser, [jpeg('bank.jpg'), jpeg('tegel.png', 1000, 'image/png')])
    expect(screen.getByText('Foto 1: bank.jpg')).toBeTruthy()
    expect(screen.getByText('Foto 2: tegel.png')).toBeTruthy()
    expect([...document.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([
      'blob:preview-1',
      'blob:preview-2',
    ])
    expect(screen.getByRole('status').textContent).toBe('2 foto’s gekozen. Beschrijf bij elke foto wat erop staat.')

    const first = screen.getByRole('textbox', { name: 'Wat staat er op foto 1?' })
    expect(first.getAttribute('aria-describedby')).toContain(
      screen.getAllByText(/Mensen die de foto niet kunnen zien, horen deze tekst/)[0]?.id,
    )
    await userEvent.type(screen.getByRole('textbox', { name: 'Wat staat er op foto 2?' }), 'Een losse stoeptegel')
    let found: Record<string, string> = {}
    act(() => {
      found = choice.check()
    })
    expect(Object.keys(found)).toEqual(['photos.p1.altText'])
    expect(choice.labels).toEqual({ 'photos.p1.altText': 'Foto 1', 'photos.p2.altText': 'Foto 2' })
    const error = screen.getByText(/^Beschrijf wat er op foto 1 staat, in minstens 5 tekens/)
    expect(first.id).toBe('field-intake.photos.p1.altText')
    expect(first.getAttribute('aria-invalid')).toBe('true')
    expect(first.getAttribute('aria-describedby')).toContain(error.id)
  })

  it('refuses files of another type or too large, saying why at the chooser, and keeps the limit', async () => {
    render(<Harness slots={2} />)
    const chooser = screen.getByLabelText('Foto’s kiezen')
    await userEvent.upload(
      chooser,
      [
        jpeg('notities.pdf', 10, 'application/pdf'),
        sized(jpeg('groot.jpg'), PHOTO_LIMITS.maxBytes + 1),
        jpeg('iphone.HEIC', 10, ''),
        jpeg('a.jpg'),
        jpeg('b.jpg'),
      ],
      { applyAccept: false },
    )
    expect(choice.items.map((i) => i.file.name)).toEqual(['iphone.HEIC', 'a.jpg'])
    const full = screen.getByText(/U heeft 2 foto’s\. Meer kan niet\./)
    expect(document.activeElement).toBe(full)
    expect(choice.refused).toEqual([
      'notities.pdf is geen foto die wij kunnen gebruiken. Kies een JPEG-, PNG-, WebP- of HEIC-foto.',
      'groot.jpg is te groot (15.0 MB). Een foto mag hoogstens 15 MB zijn.',
      'b.jpg is niet toegevoegd: een idee kan hoogstens 2 foto’s hebben.',
    ])
    // The chooser is gone (no room); after a removal it is back, with the reasons tied to it.
    await userEvent.click(screen.getByRole('button', { name: 'Foto 1 verwijderen' }))
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:preview-1')
    const again = screen.getByLabelText('Nog een foto kiezen (er kan nog 1 bij)')
    expect(document.activeElement).toBe(again)
    expect(again.getAttribute('aria-describedby')).toContain(screen.getByText(/notities\.pdf is geen foto/).id)
  })

  it('revokes every preview when the form goes away', async () => {
    const { unmount } = render(<Harness />)
    await userEvent.upload(screen.getByLabelText('Foto’s kiezen'), [jpeg('a.jpg'), jpeg('b.jpg')])
    unmount()
    expect(revokeObjectURL.mock.calls.map((c) => c[0])).toEqual(['blob:preview-1', 'blob:preview-2'])
  })

  it('shows the chosen photos in the preview with their descriptions, and says so when the browser cannot show one', async () => {
    render(<Harness preview />)
    await userEvent.upload(screen.getByLabelText('Foto’s kiezen'), [
      jpeg('a.jpg'),
      jpeg('iphone.heic', 10, 'image/heic'),
    ])
    await userEvent.type(screen.getByRole('textbox', { name: 'Wat staat er op foto 1?' }), 'Een bank')
    const preview = screen.getByRole('region', { name: 'Foto’s' })
    expect(preview.querySelectorAll('img')).toHaveLength(2)
    expect(screen.getByRole('img', { name: 'Een bank' })).toBeTruthy()
    // HEIC: most browsers cannot decode it (the API converts it).
    for (const img of document.querySelectorAll('img[src="blob:preview-2"]')) fireEvent.error(img)
    expect(screen.getAllByText(/kan uw browser geen voorbeeld laten zien/)).toHaveLength(2)
  })
})
