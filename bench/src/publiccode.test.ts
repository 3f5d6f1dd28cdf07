import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { LOCALES } from '../../packages/shared/src/constants'
import { repoRoot } from './paths'
import { publiccodeProblems } from './publiccode-check'

const text = readFileSync(path.join(repoRoot, 'publiccode.yml'), 'utf8')
const rootPackage = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  license: string
  engines: { node: string }
}

describe('publiccode.yml at the repository root', () => {
  it('is valid under the rules of the publiccode.yml standard 0.4', () => {
    expect(publiccodeProblems(text)).toEqual([])
  })

  it('says what the project says: licence, languages, Node version, a web application', () => {
    const file = parse(text) as {
      legal: { license: string }
      localisation: { availableLanguages: string[] }
      description: Record<string, unknown>
      dependsOn: { open: { name: string; versionMin?: string }[] }
      softwareType: string
      platforms: string[]
    }
    expect(file.legal.license).toBe(rootPackage.license)
    expect(file.localisation.availableLanguages).toEqual([...LOCALES])
    expect(Object.keys(file.description).sort()).toEqual([...LOCALES].sort())
    const node = file.dependsOn.open.find((d) => d.name === 'Node.js')
    expect(rootPackage.engines.node.startsWith(`>=${node?.versionMin} `)).toBe(true)
    expect(file.softwareType).toBe('standalone/web')
    expect(file.platforms).toEqual(['web'])
  })
})

describe('the publiccode.yml check', () => {
  const minimal = `publiccodeYmlVersion: "0.4"
name: Example
url: "https://example.org/example.git"
platforms: [web]
categories: [online-community]
developmentStatus: beta
softwareType: standalone/web
description:
  en:
    shortDescription: A short description.
    longDescription: ${'A long description of what the software does for the people who use it. '.repeat(3)}
    features: [One feature]
legal:
  license: EUPL-1.2
maintenance:
  type: internal
  contacts:
    - name: Jane Example
localisation:
  localisationReady: true
  availableLanguages: [en]
`

  it('accepts a minimal valid file', () => {
    expect(publiccodeProblems(minimal)).toEqual([])
  })

  it('refuses missing keys, unknown keys, values outside the lists and texts of the wrong length', () => {
    const broken = minimal
      .replace('name: Example\n', '')
      .replace('developmentStatus: beta', 'developmentStatus: ready')
      .replace('categories: [online-community]', 'categories: [participation]')
      .replace('shortDescription: A short description.', `shortDescription: ${'x'.repeat(151)}`)
      .replace('  contacts:\n    - name: Jane Example\n', '')
      .concat('homepage: "https://example.org"\n')
    expect(publiccodeProblems(broken)).toEqual(
      expect.arrayContaining([
        'name: is required (a string)',
        'developmentStatus: must be one of concept, development, beta, stable, obsolete',
        "categories: 'participation' is not in the categories list",
        'description.en.shortDescription: has 151 characters, at most 150',
        'maintenance.contacts: is required when the type is internal',
        'homepage: is not a key of the standard',
      ]),
    )
  })

  it('refuses a version it does not describe and a duplicated key', () => {
    expect(publiccodeProblems(minimal.replace('"0.4"', '"0.2"'))).toContain(
      'publiccodeYmlVersion: must be one of 0.4, 0.4.0 (a quoted string)',
    )
    expect(publiccodeProblems(`${minimal}name: Twice\n`)[0]).toMatch(/^YAML: /)
  })
})
