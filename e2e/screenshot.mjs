// Dev helper: node e2e/screenshot.mjs <url> <out.png> [width] [height] [locale]; FULL=0 for the viewport only.
import { chromium } from '@playwright/test'

const [, , url, out, width = '1280', height = '900', lang] = process.argv
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
})
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, locale: 'nl-NL' })
if (lang) await page.addInitScript((l) => localStorage.setItem('meedenken.locale', l), lang)
await page.goto(url, { waitUntil: 'networkidle' })
await page.screenshot({ path: out, fullPage: process.env.FULL !== '0' })
await browser.close()
