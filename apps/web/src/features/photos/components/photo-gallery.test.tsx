import type { IdeaPhoto } from '@meedenken/shared'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import '../../../lib/i18n'
import { PhotoGallery } from './photo-gallery'

const photo: IdeaPhoto = {
  id: 3,
  altText: 'Een kapotte bank in het park',
  width: 1280,
  height: 960,
  files: [
    { url: '/api/photos/a640', format: 'avif', width: 640 },
    { url: '/api/photos/w320', format: 'webp', width: 320 },
    { url: '/api/photos/w1280', format: 'webp', width: 1280 },
  ],
}

afterEach(cleanup)

describe('PhotoGallery', () => {
  it('shows each photo with its alt text, its shape, lazily, with a srcset per format', () => {
    const { container } = render(<PhotoGallery photos={[photo]} />)
    const img = screen.getByRole('img', { name: photo.altText })
    expect(img.getAttribute('width')).toBe('1280')
    expect(img.getAttribute('height')).toBe('960')
    expect(img.getAttribute('loading')).toBe('lazy')
    expect(img.getAttribute('decoding')).toBe('async')
    expect(img.getAttribute('src')).toBe('/api/photos/w1280')
    const sources = [...container.querySelectorAll('source')].map((s) => [s.type, s.getAttribute('srcset')])
    expect(sources).toEqual([
      ['image/avif', '/api/photos/a640 640w'],
      ['image/webp', '/api/photos/w320 320w, /api/photos/w1280 1280w'],
    ])
  })

  it('puts the page’s report control under each photo, numbered from 1', () => {
    render(
      <PhotoGallery
        photos={[photo, { ...photo, id: 4, altText: 'Een losse stoeptegel' }]}
        renderReport={(p, number) => <button type="button">{`Melden ${p.id} ${number}`}</button>}
      />,
    )
    const items = screen.getAllByRole('listitem')
    expect(items.map((li) => li.querySelector('button')?.textContent)).toEqual(['Melden 3 1', 'Melden 4 2'])
  })

  it('shows nothing for an idea without photos', () => {
    const { container } = render(<PhotoGallery photos={[]} />)
    expect(container.innerHTML).toBe('')
  })
})
