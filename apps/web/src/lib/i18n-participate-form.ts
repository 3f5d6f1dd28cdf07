import type en from '../locales/en/participate-form.json'
import type nl from '../locales/nl/participate-form.json'
import { addNamespace } from './i18n'

/**
 * The part of the `participate` strings that only the forms to propose and change an idea
 * show (the form, its preview and the similar ideas): the components that show them import
 * this module, so the idea page, which votes, follows and comments, does not carry them
 * (its JavaScript budget is ≤ 150 kB gzip, see BENCHMARKS.md). Importing it twice is harmless.
 */
export declare const participateFormResources: {
  nl: { participate: typeof nl }
  en: { participate: typeof en }
}

await addNamespace(
  'participate',
  { nl: () => import('../locales/nl/participate-form.json'), en: () => import('../locales/en/participate-form.json') },
  'form',
)
