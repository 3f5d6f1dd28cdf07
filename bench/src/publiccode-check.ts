import { parseDocument } from 'yaml'

/**
 * The rules of the publiccode.yml standard, version 0.4 (core, without a country
 * section), as its reference parser (publiccode-parser-go, which is not on the npm
 * registry) applies them offline: required keys, no unknown key, allowed values,
 * lengths. Network checks (is the url reachable, is it a repository) are left out.
 * Returns the problems, one line each; none means valid.
 */
export function publiccodeProblems(text: string): string[] {
  const problems: string[] = []
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false })
  for (const error of doc.errors) problems.push(`YAML: ${error.message}`)
  if (doc.errors.length > 0) return problems
  const root: unknown = doc.toJS()
  if (!isObject(root)) return ['the file is not a YAML mapping']

  const at = (path: string, message: string) => problems.push(`${path}: ${message}`)
  unknownKeys(root, TOP_LEVEL_KEYS, '', at)

  if (!VERSIONS.includes(root.publiccodeYmlVersion as string))
    at('publiccodeYmlVersion', `must be one of ${VERSIONS.join(', ')} (a quoted string)`)
  requiredString(root, 'name', '', at)
  if (requiredString(root, 'url', '', at) && !isUrl(root.url)) at('url', 'must be a URL')
  for (const key of ['landingURL', 'roadmap'] as const) {
    if (root[key] !== undefined && !isHttpUrl(root[key])) at(key, 'must be an http(s) URL')
  }
  if (root.releaseDate !== undefined && !isDate(root.releaseDate)) at('releaseDate', 'must be a date YYYY-MM-DD')
  if (root.softwareVersion !== undefined && typeof root.softwareVersion !== 'string')
    at('softwareVersion', 'must be a string')

  const platforms = typeof root.platforms === 'string' ? [root.platforms] : root.platforms
  if (!nonEmptyStrings(platforms)) at('platforms', 'must name at least one platform')

  if (root.categories !== undefined) {
    if (!nonEmptyStrings(root.categories)) at('categories', 'must be a list of categories')
    else
      for (const c of root.categories) if (!CATEGORIES.has(c)) at('categories', `'${c}' is not in the categories list`)
  }
  if (!DEVELOPMENT_STATUS.includes(root.developmentStatus as string))
    at('developmentStatus', `must be one of ${DEVELOPMENT_STATUS.join(', ')}`)
  if (!SOFTWARE_TYPES.includes(root.softwareType as string))
    at('softwareType', `must be one of ${SOFTWARE_TYPES.join(', ')}`)

  if (root.intendedAudience !== undefined) {
    const audience = root.intendedAudience
    if (!isObject(audience)) at('intendedAudience', 'must be a mapping')
    else {
      unknownKeys(audience, ['scope', 'countries', 'unsupportedCountries'], 'intendedAudience.', at)
      for (const key of ['countries', 'unsupportedCountries'] as const) {
        const list = audience[key]
        if (list === undefined) continue
        if (!nonEmptyStrings(list)) at(`intendedAudience.${key}`, 'must be a list of country codes')
        else
          for (const c of list)
            if (!/^[A-Z]{2}$/.test(c)) at(`intendedAudience.${key}`, `'${c}' is not ISO 3166-1 alpha-2`)
      }
      if (audience.scope !== undefined) {
        if (!nonEmptyStrings(audience.scope)) at('intendedAudience.scope', 'must be a list of scopes')
        else
          for (const s of audience.scope)
            if (!SCOPES.has(s)) at('intendedAudience.scope', `'${s}' is not in the scope list`)
      }
    }
  }

  const description = root.description
  if (!isObject(description) || Object.keys(description).length === 0)
    at('description', 'must have at least one language')
  else {
    for (const [lang, desc] of Object.entries(description)) {
      const path = `description.${lang}`
      if (!BCP47.test(lang)) at(path, 'is not a BCP 47 language tag')
      if (!isObject(desc)) {
        at(path, 'must be a mapping')
        continue
      }
      unknownKeys(desc, DESCRIPTION_KEYS, `${path}.`, at)
      if (requiredString(desc, 'shortDescription', `${path}.`, at) && chars(String(desc.shortDescription)) > 150)
        at(`${path}.shortDescription`, `has ${chars(String(desc.shortDescription))} characters, at most 150`)
      if (requiredString(desc, 'longDescription', `${path}.`, at)) {
        const n = chars(String(desc.longDescription))
        if (n < 150 || n > 10_000) at(`${path}.longDescription`, `has ${n} characters, 150 to 10,000`)
      }
      if (desc.genericName !== undefined && chars(String(desc.genericName)) > 35)
        at(`${path}.genericName`, 'at most 35 characters')
      if (!nonEmptyStrings(desc.features)) at(`${path}.features`, 'must list at least one feature')
      for (const key of ['documentation', 'apiDocumentation'] as const) {
        if (desc[key] !== undefined && !isHttpUrl(desc[key])) at(`${path}.${key}`, 'must be an http(s) URL')
      }
    }
  }

  const legal = root.legal
  if (!isObject(legal)) at('legal', 'is required')
  else {
    unknownKeys(legal, ['license', 'mainCopyrightOwner', 'repoOwner', 'authorsFile'], 'legal.', at)
    if (requiredString(legal, 'license', 'legal.', at) && !SPDX_EXPRESSION.test(String(legal.license)))
      at('legal.license', 'must be an SPDX licence expression')
  }

  const maintenance = root.maintenance
  if (!isObject(maintenance)) at('maintenance', 'is required')
  else {
    unknownKeys(maintenance, ['type', 'contractors', 'contacts'], 'maintenance.', at)
    const type = maintenance.type as string
    if (!MAINTENANCE_TYPES.includes(type)) at('maintenance.type', `must be one of ${MAINTENANCE_TYPES.join(', ')}`)
    const contacts = maintenance.contacts
    if ((type === 'internal' || type === 'community') && (!Array.isArray(contacts) || contacts.length === 0))
      at('maintenance.contacts', `is required when the type is ${type}`)
    if (Array.isArray(contacts))
      for (const [i, contact] of contacts.entries()) {
        const path = `maintenance.contacts[${i}].`
        if (!isObject(contact)) {
          at(path, 'must be a mapping')
          continue
        }
        unknownKeys(contact, ['name', 'email', 'affiliation', 'phone'], path, at)
        requiredString(contact, 'name', path, at)
        if (contact.email !== undefined && !EMAIL.test(String(contact.email)))
          at(`${path}email`, 'is not an e-mail address')
        if (contact.phone !== undefined && typeof contact.phone !== 'string') at(`${path}phone`, 'must be a string')
      }
    const contractors = maintenance.contractors
    if (type === 'contract' && (!Array.isArray(contractors) || contractors.length === 0))
      at('maintenance.contractors', 'is required when the type is contract')
    if (type !== 'contract' && contractors !== undefined) at('maintenance.contractors', 'only with the type contract')
    if (Array.isArray(contractors))
      for (const [i, contractor] of contractors.entries()) {
        const path = `maintenance.contractors[${i}].`
        if (!isObject(contractor)) {
          at(path, 'must be a mapping')
          continue
        }
        unknownKeys(contractor, ['name', 'email', 'website', 'until'], path, at)
        requiredString(contractor, 'name', path, at)
        if (!isDate(contractor.until)) at(`${path}until`, 'must be a date YYYY-MM-DD')
      }
  }

  const localisation = root.localisation
  if (!isObject(localisation)) at('localisation', 'is required')
  else {
    unknownKeys(localisation, ['localisationReady', 'availableLanguages'], 'localisation.', at)
    if (typeof localisation.localisationReady !== 'boolean')
      at('localisation.localisationReady', 'must be true or false')
    if (!nonEmptyStrings(localisation.availableLanguages))
      at('localisation.availableLanguages', 'must list at least one language')
    else
      for (const lang of localisation.availableLanguages)
        if (!BCP47.test(lang)) at('localisation.availableLanguages', `'${lang}' is not a BCP 47 language tag`)
  }

  if (root.dependsOn !== undefined) {
    const dependsOn = root.dependsOn
    if (!isObject(dependsOn)) at('dependsOn', 'must be a mapping')
    else {
      unknownKeys(dependsOn, ['open', 'proprietary', 'hardware'], 'dependsOn.', at)
      for (const [kind, list] of Object.entries(dependsOn)) {
        if (!Array.isArray(list)) {
          at(`dependsOn.${kind}`, 'must be a list')
          continue
        }
        for (const [i, dependency] of list.entries()) {
          const path = `dependsOn.${kind}[${i}].`
          if (!isObject(dependency)) {
            at(path, 'must be a mapping')
            continue
          }
          unknownKeys(dependency, ['name', 'versionMin', 'versionMax', 'version', 'optional'], path, at)
          requiredString(dependency, 'name', path, at)
          for (const key of ['versionMin', 'versionMax', 'version'] as const)
            if (dependency[key] !== undefined && typeof dependency[key] !== 'string')
              at(`${path}${key}`, 'must be a quoted string')
          if (dependency.optional !== undefined && typeof dependency.optional !== 'boolean')
            at(`${path}optional`, 'must be true or false')
        }
      }
    }
  }
  return problems
}

const VERSIONS = ['0.4', '0.4.0']
const TOP_LEVEL_KEYS = [
  'publiccodeYmlVersion',
  'name',
  'applicationSuite',
  'url',
  'landingURL',
  'isBasedOn',
  'softwareVersion',
  'releaseDate',
  'logo',
  'monochromeLogo',
  'inputTypes',
  'outputTypes',
  'platforms',
  'categories',
  'usedBy',
  'roadmap',
  'developmentStatus',
  'softwareType',
  'intendedAudience',
  'description',
  'legal',
  'maintenance',
  'localisation',
  'dependsOn',
  'it',
  'IT',
]
const DESCRIPTION_KEYS = [
  'localisedName',
  'genericName',
  'shortDescription',
  'longDescription',
  'documentation',
  'apiDocumentation',
  'features',
  'screenshots',
  'videos',
  'awards',
]
const DEVELOPMENT_STATUS = ['concept', 'development', 'beta', 'stable', 'obsolete']
const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
]
const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none']
/** The standard's categories list. */
const CATEGORIES = new Set(
  `accounting agile-project-management applicant-tracking application-development appointment-scheduling backup
  billing-and-invoicing blog budgeting business-intelligence business-process-management cad call-center-management
  cloud-management collaboration communications compliance-management contact-management content-management crm
  customer-service-and-support data-analytics data-collection data-visualization design design-system
  digital-asset-management digital-citizenship document-management donor-management e-commerce e-signature
  educational-content email-management email-marketing employee-management enterprise-project-management
  enterprise-social-networking erp event-management facility-management feedback-and-reviews-management
  financial-reporting fleet-management fundraising gamification geographic-information-systems grant-management
  graphic-design help-desk hr ide identity-management instant-messaging integrated-library-system inventory-management
  it-asset-management it-development it-management it-security it-service-management knowledge-management
  learning-management-system marketing mind-mapping mobile-marketing mobile-payment network-management office
  online-booking online-community payment-gateway payroll predictive-analysis procurement productivity-suite
  project-collaboration project-management property-management real-estate-management regulations-and-directives
  remote-support resource-management sales-management seo service-desk social-media-management survey
  talent-management task-management taxes-management test-management time-management time-tracking translation
  video-conferencing video-editing visitor-management voip warehouse-management web-collaboration web-conferencing
  whistleblowing website-builder workflow-management other`.split(/\s+/),
)
/** The standard's scope list. */
const SCOPES = new Set(
  `agriculture culture defence education emergency-services employment energy environment
  finance-and-economic-development foreign-affairs government healthcare infrastructures justice local-authorities
  manufacturing research science-and-technology security society sport tourism transportation welfare`.split(/\s+/),
)
/** A language, optionally with script and region (enough for nl, en, en-GB, sr-Latn-RS). */
const BCP47 = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/
/** One SPDX identifier or an expression of them with AND / OR / WITH. */
const SPDX_EXPRESSION = /^[A-Za-z0-9.+-]+(?:\s+(?:AND|OR|WITH)\s+[A-Za-z0-9.+-]+)*$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

type Obj = Record<string, unknown>
type At = (path: string, message: string) => void

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function unknownKeys(value: Obj, known: readonly string[], prefix: string, at: At): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) at(`${prefix}${key}`, 'is not a key of the standard')
}

function requiredString(value: Obj, key: string, prefix: string, at: At): boolean {
  const v = value[key]
  if (typeof v === 'string' && v.trim() !== '') return true
  at(`${prefix}${key}`, 'is required (a string)')
  return false
}

function nonEmptyStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '')
}

/** Characters as people count them (the parser counts runes, not UTF-16 units). */
function chars(text: string): number {
  return [...text].length
}

function isUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    return new URL(value).protocol.length > 0
  } catch {
    return false
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}

function isDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value)
}
