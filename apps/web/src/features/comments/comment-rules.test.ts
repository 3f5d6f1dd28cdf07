import { COMMENT_EDIT_WINDOW_MS } from '@meedenken/shared'
import { describe, expect, it } from 'vitest'
import { EDIT_WINDOW_MS } from './comment-rules'

describe('the comment rules copied from the shared contract', () => {
  it('use the same edit window as the API', () => {
    expect(EDIT_WINDOW_MS).toBe(COMMENT_EDIT_WINDOW_MS)
  })
})
