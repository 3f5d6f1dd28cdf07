import type {
  AnswerTemplateBody,
  BulkAssignBody,
  BulkMergeBody,
  BulkStatusBody,
  CampaignBody,
  Department,
  IdeaCorrectionBody,
  IntakeBody,
  StatusChangeBody,
} from '@meedenken/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, call } from '../../../lib/api-client'
import { staffKeys } from './staff-queries'

/**
 * Everything a civil servant does to one idea. Each action refreshes the staff view of
 * the idea and the inbox (its badge and tab may change); `onChanged` lets the page
 * refresh the public views it composes (timeline, comments).
 */
export function useIdeaWork(ideaId: number, onChanged: () => void) {
  const qc = useQueryClient()
  const param = { id: String(ideaId) }
  const refresh = async () => {
    onChanged()
    await Promise.all([
      qc.invalidateQueries({ queryKey: staffKeys.idea(ideaId) }),
      qc.invalidateQueries({ queryKey: staffKeys.inboxes() }),
    ])
  }
  return {
    answer: useMutation({
      mutationFn: (body: string) =>
        call(api.api.ideas[':id'].comments.$post({ param, json: { body, official: true } })),
      onSuccess: refresh,
    }),
    markOfficial: useMutation({
      mutationFn: ({ commentId, official }: { commentId: number; official: boolean }) =>
        call(api.api.comments[':id'].official.$put({ param: { id: String(commentId) }, json: { official } })),
      onSuccess: refresh,
    }),
    changeStatus: useMutation({
      mutationFn: (body: StatusChangeBody) => call(api.api.ideas[':id'].status.$post({ param, json: body })),
      onSuccess: refresh,
    }),
    assign: useMutation({
      mutationFn: (body: { departmentId: number | null; assigneeId: number | null; note?: string }) =>
        call(api.api.staff.ideas[':id'].assign.$post({ param, json: body })),
      onSuccess: (detail) => {
        qc.setQueryData(staffKeys.idea(ideaId), detail)
        return refresh()
      },
    }),
    addNote: useMutation({
      mutationFn: (body: string) => call(api.api.staff.ideas[':id'].notes.$post({ param, json: { body } })),
      onSuccess: refresh,
    }),
    merge: useMutation({
      mutationFn: (body: { targetId: number; explanation: string }) =>
        call(api.api.staff.ideas[':id'].merge.$post({ param, json: body })),
      onSuccess: refresh,
    }),
    postUpdate: useMutation({
      mutationFn: (body: string) => call(api.api.staff.ideas[':id'].updates.$post({ param, json: { body } })),
      onSuccess: refresh,
    }),
    correct: useMutation({
      mutationFn: (body: IdeaCorrectionBody) =>
        call(api.api.staff.ideas[':id'].correction.$post({ param, json: body })),
      onSuccess: refresh,
    }),
  }
}

/**
 * What a civil servant does to a selection in the Werkbak, all or nothing. Afterwards
 * every staff list and idea is read again, and the public views too (`onChanged`).
 */
export function useBulkActions(onChanged: () => void) {
  const qc = useQueryClient()
  const refresh = async () => {
    onChanged()
    await qc.invalidateQueries({ queryKey: staffKeys.all })
  }
  return {
    assign: useMutation({
      mutationFn: (body: BulkAssignBody) => call(api.api.staff.bulk.assign.$post({ json: body })),
      onSuccess: refresh,
    }),
    changeStatus: useMutation({
      mutationFn: (body: BulkStatusBody) => call(api.api.staff.bulk.status.$post({ json: body })),
      onSuccess: refresh,
    }),
    merge: useMutation({
      mutationFn: (body: BulkMergeBody) => call(api.api.staff.bulk.merge.$post({ json: body })),
      onSuccess: refresh,
    }),
  }
}

export type BulkActions = ReturnType<typeof useBulkActions>

export function useTemplateActions() {
  const qc = useQueryClient()
  // The list and every idea's filled-in texts.
  const refresh = () => qc.invalidateQueries({ queryKey: staffKeys.all })
  return {
    create: useMutation({
      mutationFn: (body: AnswerTemplateBody) => call(api.api.staff['answer-templates'].$post({ json: body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: AnswerTemplateBody }) =>
        call(api.api.staff['answer-templates'][':id'].$put({ param: { id: String(id) }, json: body })),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => call(api.api.staff['answer-templates'][':id'].$delete({ param: { id: String(id) } })),
      onSuccess: refresh,
    }),
  }
}

export type IdeaWork = ReturnType<typeof useIdeaWork>

export function useIntake() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: IntakeBody) => call(api.api.staff.ideas.$post({ json: body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: staffKeys.inboxes() }),
  })
}

export type ModerationSubject = { type: 'idea' | 'comment' | 'photo'; id: number }

export function useModeration() {
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: staffKeys.all })
  return {
    moderate: useMutation({
      mutationFn: ({
        subject,
        action,
        reason,
      }: {
        subject: ModerationSubject
        action: 'hide' | 'restore'
        reason: string
      }) =>
        call(
          api.api.staff.moderation[':type'][':id'].$post({
            param: { type: subject.type, id: String(subject.id) },
            json: { action, reason },
          }),
        ),
      onSuccess: refresh,
    }),
    block: useMutation({
      mutationFn: ({ userId, reason }: { userId: number; reason: string }) =>
        call(api.api.staff.users[':id'].block.$post({ param: { id: String(userId) }, json: { reason } })),
      onSuccess: refresh,
    }),
    unblock: useMutation({
      mutationFn: ({ userId, reason }: { userId: number; reason: string }) =>
        call(api.api.staff.users[':id'].unblock.$post({ param: { id: String(userId) }, json: { reason } })),
      onSuccess: refresh,
    }),
  }
}

export function useCampaignActions() {
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: staffKeys.campaigns() })
  return {
    create: useMutation({
      mutationFn: (body: CampaignBody) => call(api.api.staff.campaigns.$post({ json: body })),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: CampaignBody }) =>
        call(api.api.staff.campaigns[':id'].$put({ param: { id: String(id) }, json: body })),
      onSuccess: refresh,
    }),
    publishOutcome: useMutation({
      mutationFn: ({ id, outcome }: { id: number; outcome: string }) =>
        call(api.api.staff.campaigns[':id'].outcome.$post({ param: { id: String(id) }, json: { outcome } })),
      onSuccess: refresh,
    }),
  }
}

export function useAdministration() {
  const qc = useQueryClient()
  // Each change answers with the whole list: show it at once.
  const setDepartments = (data: { items: Department[] }) => qc.setQueryData(staffKeys.departments(), data)
  return {
    createDepartment: useMutation({
      mutationFn: (body: { name: string; nameEn: string }) => call(api.api.admin.departments.$post({ json: body })),
      onSuccess: setDepartments,
    }),
    renameDepartment: useMutation({
      mutationFn: ({ id, ...body }: { id: number; name: string; nameEn: string }) =>
        call(api.api.admin.departments[':id'].$put({ param: { id: String(id) }, json: body })),
      onSuccess: setDepartments,
    }),
    linkTheme: useMutation({
      mutationFn: ({ themeId, departmentId }: { themeId: number; departmentId: number | null }) =>
        call(api.api.admin.themes[':id'].department.$put({ param: { id: String(themeId) }, json: { departmentId } })),
      onSuccess: setDepartments,
    }),
    placeColleague: useMutation({
      mutationFn: ({ userId, departmentId }: { userId: number; departmentId: number | null }) =>
        call(api.api.admin.users[':id'].department.$put({ param: { id: String(userId) }, json: { departmentId } })),
      onSuccess: () => qc.invalidateQueries({ queryKey: staffKeys.colleagues() }),
    }),
    saveSettings: useMutation({
      mutationFn: (body: { responseNormDays: number; staleAfterDays: number; followupWeeks: number }) =>
        call(api.api.admin.settings.$put({ json: body })),
      onSuccess: (data) => {
        qc.setQueryData(staffKeys.settings(), data)
        // The norm changes every badge and due date.
        void qc.invalidateQueries({ queryKey: staffKeys.inboxes() })
      },
    }),
  }
}
