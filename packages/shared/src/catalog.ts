import { z } from 'zod'

export const Theme = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    nameEn: z.string(),
    description: z.string(),
    archived: z.boolean().meta({ description: 'No longer offered for new ideas; still shown on old ones' }),
  })
  .meta({ id: 'Theme', description: 'A subject ideas are filed under, such as waste or roads.' })
export type Theme = z.infer<typeof Theme>

export const District = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    archived: z.boolean().meta({ description: 'No longer offered for new ideas; still shown on old ones' }),
  })
  .meta({ id: 'District', description: 'A village or neighbourhood of the municipality.' })
export type District = z.infer<typeof District>

export const ThemeList = z.object({ items: z.array(Theme) })
export const DistrictList = z.object({ items: z.array(District) })
