// Placeholder: the notification link with its unread count is being built.
export function NotificationBell() {
  return null
}
