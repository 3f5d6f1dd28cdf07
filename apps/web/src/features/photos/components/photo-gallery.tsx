import type { IdeaPhoto } from '@meedenken/shared'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import '../../../lib/i18n-photos'
import '../photos.css'

/** The width the page gives a photo: the whole column on a phone, half of it from 40em on. */
const SIZES = '(min-width: 40em) 24rem, calc(100vw - 2rem)'

function srcset(photo: IdeaPhoto, format: string): string {
  return photo.files
    .filter((f) => f.format === format)
    .map((f) => `${f.url} ${f.width}w`)
    .join(', ')
}

/**
 * An idea's photos: each a <picture> with AVIF where the API made it and WebP for the rest,
 * its own width and height (the page does not shift when it arrives), loaded lazily and
 * described by its alt text. Rendered on the server as well.
 */
export function PhotoGallery({
  photos,
  renderReport,
}: {
  photos: IdeaPhoto[]
  /** Under each photo: the page's "Melden" control for it (number: its place, from 1). */
  renderReport?: (photo: IdeaPhoto, number: number) => ReactNode
}) {
  const { t } = useTranslation('photos')
  if (photos.length === 0) return null
  return (
    <section className="photo-gallery" aria-labelledby="idea-photos-heading">
      <h2 id="idea-photos-heading" className="visually-hidden">
        {t('gallery.heading')}
      </h2>
      <ul className="photo-gallery__list">
        {photos.map((photo, index) => {
          const webp = photo.files.filter((f) => f.format === 'webp')
          const fallback = webp.at(-1) ?? photo.files.at(-1)
          const avif = srcset(photo, 'avif')
          return (
            <li key={photo.id} className="photo-gallery__item">
              <picture>
                {avif && <source type="image/avif" srcSet={avif} sizes={SIZES} />}
                <source type="image/webp" srcSet={srcset(photo, 'webp')} sizes={SIZES} />
                <img
                  src={fallback?.url}
                  alt={photo.altText}
                  width={photo.width}
                  height={photo.height}
                  loading="lazy"
                  decoding="async"
                />
              </picture>
              {renderReport?.(photo, index + 1)}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
