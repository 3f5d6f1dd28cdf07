import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

const ALLOWED_SCHEMES = ['http', 'https', 'mailto']

// The small subset residents need: paragraphs, bold, italic, lists, links. Raw HTML off.
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'list',
  'emphasis',
  'link',
  'autolink',
  'newline',
  'escape',
  'linkify',
  'entity',
])

md.validateLink = (url) => {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase()
  return scheme !== undefined && ALLOWED_SCHEMES.includes(scheme)
}

/**
 * Second line of defence: even if the parser ever let something through, only these
 * tags and attributes survive, and every link gets a safe `rel`.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: 'nofollow noopener noreferrer' },
    }),
  },
}

export const MARKDOWN_ALLOWED_TAGS = SANITIZE.allowedTags as string[]

/** Markdown source to HTML that is safe to insert into a page as is. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE).trim()
}
