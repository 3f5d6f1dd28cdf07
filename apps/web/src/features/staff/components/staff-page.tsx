import type { ReactNode } from 'react'
import { PageHeading } from '../../../ui/page-heading'
import { RequireRole } from '../../accounts/components/require-role'
import { StaffNav } from './staff-nav'

/**
 * The frame of every staff page: only for staff, the workspace menu, then the page's
 * heading and introduction (a page that names itself from its data, like an idea, leaves
 * them out). `form` narrows the content to the width of a form.
 */
export function StaffPage({
  title,
  intro,
  form = false,
  children,
}: {
  title?: string
  intro?: string
  form?: boolean
  children: ReactNode
}) {
  const content = (
    <>
      {title && <PageHeading title={title}>{title}</PageHeading>}
      {intro && <p className="lead">{intro}</p>}
      {children}
    </>
  )
  return (
    <RequireRole minRole="staff">
      {() => (
        <div className="staff-page">
          <StaffNav />
          {form ? <div className="form-page">{content}</div> : content}
        </div>
      )}
    </RequireRole>
  )
}
