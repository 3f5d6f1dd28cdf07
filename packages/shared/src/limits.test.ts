import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { CampaignBody, NewProgressUpdate, OutcomeBody } from './cocreation'
import * as constants from './constants'
import { MemberQuery, ThemeBody } from './exports'
import { IdeaListQuery, NewComment } from './ideas'
import {
  ASSIGN_NOTE_MAX,
  CAMPAIGN_DESCRIPTION,
  CAMPAIGN_OUTCOME,
  CAMPAIGN_TITLE,
  CATALOG_NAME,
  CLOSURE,
  COMMENT_BODY,
  DEPARTMENT_NAME,
  EXPLANATION,
  MEMBER_SEARCH,
  MODERATION_REASON,
  NOTE_BODY,
  PROGRESS_UPDATE,
  REFERRED_TO,
  SEARCH_MAX,
  SETTING_RANGES,
  THEME_DESCRIPTION_MAX,
} from './limits'
import {
  AssignBody,
  BlockBody,
  ClosureInput,
  DepartmentBody,
  InstallationSettings,
  MergeBody,
  ModerationAction,
  NewNote,
  StatusChangeBody,
} from './staff'
import { BulkAssignBody, BulkMergeBody, WerkbakFilters } from './werkbak'

const text = (length: number) => 'a'.repeat(length)
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success

/** The web app's forms take their numbers from limits.ts: the API must check exactly those. */
describe('the limits the forms use are the ones the API checks', () => {
  const ranges: [string, z.ZodType, { min: number; max: number }][] = [
    ['status explanation', StatusChangeBody.shape.explanation, EXPLANATION],
    ['merge explanation', MergeBody.shape.explanation, EXPLANATION],
    ['bulk merge explanation', BulkMergeBody.shape.explanation, EXPLANATION],
    ['referred to', StatusChangeBody.shape.referredTo.unwrap(), REFERRED_TO],
    ['what changed', ClosureInput.shape.whatChanged, CLOSURE.whatChanged],
    ['team', ClosureInput.shape.team, CLOSURE.team],
    ['note', NewNote.shape.body, NOTE_BODY],
    ['department name', DepartmentBody.shape.name, DEPARTMENT_NAME],
    ['department name in English', DepartmentBody.shape.nameEn, DEPARTMENT_NAME],
    ['moderation reason', ModerationAction.shape.reason, MODERATION_REASON],
    ['block reason', BlockBody.shape.reason, MODERATION_REASON],
    ['campaign title', CampaignBody.shape.title, CAMPAIGN_TITLE],
    ['campaign description', CampaignBody.shape.description, CAMPAIGN_DESCRIPTION],
    ['campaign outcome', OutcomeBody.shape.outcome, CAMPAIGN_OUTCOME],
    ['progress update', NewProgressUpdate.shape.body, PROGRESS_UPDATE],
    ['comment and official answer', NewComment.shape.body, COMMENT_BODY],
    ['theme name', ThemeBody.shape.name, CATALOG_NAME],
    ['member search', MemberQuery.shape.q, MEMBER_SEARCH],
  ]
  for (const [name, schema, { min, max }] of ranges) {
    it(`${name}: ${min} to ${max} characters`, () => {
      expect(accepts(schema, text(min - 1))).toBe(min - 1 < 0)
      expect(accepts(schema, text(min))).toBe(true)
      expect(accepts(schema, text(max))).toBe(true)
      expect(accepts(schema, text(max + 1))).toBe(false)
    })
  }

  const maxima: [string, z.ZodType, number][] = [
    ['assign note', AssignBody.shape.note, ASSIGN_NOTE_MAX],
    ['bulk assign note', BulkAssignBody.shape.note, ASSIGN_NOTE_MAX],
    ['link', ClosureInput.shape.link, CLOSURE.linkMax],
    ['theme description', ThemeBody.shape.description, THEME_DESCRIPTION_MAX],
    ['ideas search', IdeaListQuery.shape.q, SEARCH_MAX],
    ['Werkbak search', WerkbakFilters.shape.q, SEARCH_MAX],
  ]
  for (const [name, schema, max] of maxima) {
    it(`${name}: at most ${max} characters`, () => {
      const prefix = name === 'link' ? 'https://example.org/' : ''
      expect(accepts(schema, prefix + text(max - prefix.length))).toBe(true)
      expect(accepts(schema, prefix + text(max + 1 - prefix.length))).toBe(false)
    })
  }

  it('the settings ranges', () => {
    const settings = { responseNormDays: 10, staleAfterDays: 30, followupWeeks: 6 }
    for (const [key, { min, max }] of Object.entries(SETTING_RANGES)) {
      expect(accepts(InstallationSettings, { ...settings, [key]: min }), key).toBe(true)
      expect(accepts(InstallationSettings, { ...settings, [key]: max }), key).toBe(true)
      expect(accepts(InstallationSettings, { ...settings, [key]: min - 1 }), key).toBe(false)
      expect(accepts(InstallationSettings, { ...settings, [key]: max + 1 }), key).toBe(false)
    }
  })

  it('reach the web app through the zod-free constants module', () => {
    expect(constants.EXPLANATION).toBe(EXPLANATION)
    expect(constants.INTAKE_CHANNELS).toEqual(['phone', 'desk', 'letter', 'email'])
  })
})
