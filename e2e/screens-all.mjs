// Dev helper: a full-page screenshot of every page in apps/web/src/app/router.tsx, at 1280 and 320 px,
// as a visitor, the demo resident, the demo civil servant and the demo administrator.
//   node e2e/screens-all.mjs <base url> <out folder> [theme name]
// The server must run with DEMO_DATA=1 and DEV_MAILBOX=1 (e2e/serve.mjs does both) on a database you may
// change: the script adds a photo to one demo idea and a new idea by the demo resident, so that the idea
// page shows photos and the edit page has an idea to edit. Files: <theme>-<page>-<width>.png, and
// <theme>-metrics.json with, per screenshot, the page's width against the window's (horizontal scrolling),
// the elements that stick out, console errors and failed requests.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'

const [, , base = 'http://127.0.0.1:3720', out = 'screens', theme = 'midden-groningen'] = process.argv
const here = path.dirname(fileURLToPath(import.meta.url))
const PASSWORD = 'meedenken-demo'
const ACCOUNTS = {
  member: 'inwoner@midden-groningen.example',
  staff: 'medewerker@midden-groningen.example',
  admin: 'beheerder@midden-groningen.example',
}
const SIZES = [
  { width: 1280, height: 900 },
  { width: 320, height: 800 },
]

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
})

/** A browser context for one role, logged in through the API (the cookie lands in the context). */
async function contextFor(role, size) {
  const context = await browser.newContext({ viewport: size, locale: 'nl-NL', baseURL: base })
  if (role !== 'visitor') {
    const response = await context.request.post('/api/auth/login', {
      data: { email: ACCOUNTS[role], password: PASSWORD },
      headers: { origin: base },
    })
    if (response.status() !== 200) throw new Error(`login as ${role}: ${response.status()} ${await response.text()}`)
  }
  return context
}

async function json(context, url) {
  const response = await context.request.get(url)
  if (!response.ok()) throw new Error(`GET ${url}: ${response.status()}`)
  return response.json()
}

// Finding the pages' subjects in the demo data.
const setup = await contextFor('staff', SIZES[0])
const details = []
for (let id = 1; id <= 60; id++) {
  const response = await setup.request.get(`/api/ideas/${id}`)
  if (response.ok()) details.push((await response.json()).idea)
}
const score = (i) =>
  (i.officialAnswer ? 10 : 0) + Math.min(i.progressUpdates.length, 5) + (i.place ? 2 : 0) + Math.min(i.helperCount, 3)
const full = [...details].sort((a, b) => score(b) - score(a))[0]
const placed = details.find((i) => i.place && i.id !== full.id && i.status !== 'done') ?? details.find((i) => i.place)
if (full.photos.length === 0) {
  const upload = await setup.request.post(`/api/ideas/${full.id}/photos`, {
    headers: { origin: base },
    multipart: {
      file: {
        name: 'bankje.jpg',
        mimeType: 'image/jpeg',
        buffer: readFileSync(path.join(here, 'fixtures-files/bankje.jpg')),
      },
      altText: 'Een houten bankje langs het water, met een afvalbak ernaast',
    },
  })
  if (upload.status() !== 201) console.warn(`photo upload: ${upload.status()} ${await upload.text()}`)
}
const campaigns = (await json(setup, '/api/campaigns')).items
const inbox = await json(setup, '/api/staff/inbox')
const staffIdea = (inbox.items ?? inbox.ideas ?? [])[0]?.id ?? full.id
await setup.close()

const member = await contextFor('member', SIZES[0])
const themes = (await json(member, '/api/themes').catch(() => ({ items: [{ id: 1 }] }))).items ?? [{ id: 1 }]
const created = await member.request.post('/api/ideas', {
  headers: { origin: base },
  data: {
    title: 'Een bankje bij de bushalte aan de Kerkstraat',
    body: 'Bij de bushalte aan de Kerkstraat kun je nergens zitten. Voor ouderen is het wachten zwaar. Zet er een bankje neer.',
    themeId: themes[0].id,
  },
})
const ownIdea = created.ok() ? (await created.json()).idea?.id : null
if (!ownIdea) console.warn(`new idea as member: ${created.status()} ${await created.text()}`)
await member.close()
console.log(
  `idea with most: ${full.id}, idea with a place: ${placed?.id}, campaign: ${campaigns[0]?.id}, staff idea: ${staffIdea}, own idea: ${ownIdea}`,
)

/** [file name part, path, role]: every route of router.tsx. */
const PAGES = [
  ['ideeen', '/', 'visitor'],
  ['idee-volledig', `/ideeen/${full.id}`, 'visitor'],
  ['idee-plaats', `/ideeen/${placed?.id ?? full.id}`, 'visitor'],
  ['meedenkvragen', '/meedenkvragen', 'visitor'],
  ['meedenkvraag', `/meedenkvragen/${campaigns[0]?.id ?? 1}`, 'visitor'],
  ['plannen', '/plannen', 'visitor'],
  ['resultaten', '/resultaten', 'visitor'],
  ['jij-zei-wij-deden', '/jij-zei-wij-deden', 'visitor'],
  ['open-data', '/open-data', 'visitor'],
  ['open-data-api', '/open-data/api', 'visitor'],
  ['toegankelijkheid', '/toegankelijkheid', 'visitor'],
  ['inloggen', '/inloggen', 'visitor'],
  ['aanmelden', '/aanmelden', 'visitor'],
  ['wachtwoord-vergeten', '/wachtwoord-vergeten', 'visitor'],
  ['nieuw-wachtwoord', '/nieuw-wachtwoord', 'visitor'],
  ['bevestigen', '/bevestigen', 'visitor'],
  ['account-verwijderd', '/account-verwijderd', 'visitor'],
  ['afmelden', '/afmelden', 'visitor'],
  ['niet-gevonden', '/deze-pagina-bestaat-niet', 'visitor'],
  ['dev-mail', '/dev/mail', 'visitor'],
  ['nieuw-idee', '/ideeen/nieuw', 'member'],
  ['idee-bewerken', `/ideeen/${ownIdea ?? full.id}/bewerken`, 'member'],
  ['profiel', '/profiel', 'member'],
  ['meldingen', '/meldingen', 'member'],
  ['idee-als-inwoner', `/ideeen/${full.id}`, 'member'],
  ['medewerkers', '/medewerkers', 'staff'],
  ['medewerkers-idee', `/medewerkers/ideeen/${staffIdea}`, 'staff'],
  ['medewerkers-nieuw-idee', '/medewerkers/nieuw-idee', 'staff'],
  ['medewerkers-moderatie', '/medewerkers/moderatie', 'staff'],
  ['medewerkers-deelnemers', '/medewerkers/deelnemers', 'staff'],
  ['medewerkers-dashboard', '/medewerkers/dashboard', 'staff'],
  ['medewerkers-meedenkvragen', '/medewerkers/meedenkvragen', 'staff'],
  ['medewerkers-antwoordteksten', '/medewerkers/antwoordteksten', 'staff'],
  ['beheer-gebruikers', '/beheer/gebruikers', 'admin'],
  ['beheer-afdelingen', '/beheer/afdelingen', 'admin'],
  ['beheer-themas', '/beheer/themas', 'admin'],
  ['beheer-logboek', '/beheer/logboek', 'admin'],
]

const metrics = []
for (const size of SIZES) {
  const contexts = {}
  for (const [name, url, role] of PAGES) {
    contexts[role] ??= await contextFor(role, size)
    const page = await contexts[role].newPage()
    const errors = []
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    page.on('pageerror', (e) => errors.push(String(e)))
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url().replace(base, '')}`))
    let status = 0
    try {
      status = (await page.goto(url, { waitUntil: 'networkidle', timeout: 20_000 }))?.status() ?? 0
    } catch {
      // A page with a live connection may never be idle: it is loaded, take it as it is.
      await page.waitForLoadState('load')
    }
    // Maps load when they scroll into view (features/map/base-map.tsx): scroll through the page first.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        window.scrollTo(0, y)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      window.scrollTo(0, 0)
    })
    await page.waitForTimeout(500)
    const layout = await page.evaluate(() => {
      const width = document.documentElement.clientWidth
      const sticking = []
      for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect()
        if (box.width > 0 && box.right > width + 1 && getComputedStyle(el).position !== 'fixed') {
          const parentSticks = el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1
          if (!parentSticks) {
            const cls =
              typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
            sticking.push(`${el.tagName.toLowerCase()}${cls} (right ${Math.round(box.right)})`)
          }
        }
      }
      return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: width,
        title: document.title,
        lang: document.documentElement.lang,
        sticking: sticking.slice(0, 8),
      }
    })
    const file = `${theme}-${name}-${size.width}.png`
    await page.screenshot({ path: path.join(out, file), fullPage: true })
    metrics.push({ file, url, role, status, ...layout, errors })
    const flag = layout.scrollWidth > layout.clientWidth ? ` SCROLLS ${layout.scrollWidth}px` : ''
    console.log(`${file} ${status}${flag}${errors.length ? ` errors: ${errors.length}` : ''}`)
    await page.close()
  }
  for (const context of Object.values(contexts)) await context.close()
}
writeFileSync(path.join(out, `${theme}-metrics.json`), `${JSON.stringify(metrics, null, 2)}\n`)
await browser.close()
