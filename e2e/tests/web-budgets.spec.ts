import { expect, expectAccessible, test } from '../fixtures'
import { commentByApi, newApiMember, proposeByApi, tag } from '../staff-helpers'

test('a visitor reading a long conversation finds the login link clear of "Meer reacties laden" (24 px targets)', async ({
  page,
}) => {
  const member = await newApiMember('lang-gesprek', 'Lotte Lang')
  const id = await proposeByApi(member, {
    title: `Meer bankjes langs het kanaal ${tag()}`,
    body: 'Langs het kanaal kunnen wandelaars nergens even zitten.',
  })
  for (let n = 1; n <= 21; n++) await commentByApi(member, id, `Reactie nummer ${n}.`)
  await member.api.dispose()

  await page.goto(`/ideeen/${id}`)
  const comments = page.getByRole('region', { name: /Reacties/ })
  await expect(comments.getByRole('button', { name: 'Meer reacties laden' })).toBeVisible()
  await expect(comments.getByRole('link', { name: 'Log in om te reageren' })).toBeVisible()
  // axe's target-size rule (WCAG 2.2, 2.5.8): the link had 2 px to the button above it.
  await expectAccessible(page, 'a long conversation, for a visitor')
})
