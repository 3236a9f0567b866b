/** The browser's Notification API, behind the three things the feature does with it. */

export type NotifyPermission = NotificationPermission | 'unsupported'

export function notificationPermission(): NotifyPermission {
  return typeof window !== 'undefined' && 'Notification' in window
    ? window.Notification.permission
    : 'unsupported'
}

/** Asks the browser, only ever from a user's action (opting in): never on load. */
export async function requestNotificationPermission(): Promise<NotifyPermission> {
  if (notificationPermission() === 'unsupported') return 'unsupported'
  if (window.Notification.permission !== 'default') return window.Notification.permission
  return window.Notification.requestPermission()
}

export function showNotification({
  title,
  body,
  tag,
  onClick,
}: {
  title: string
  body: string
  /** The same tag replaces rather than stacks (two tabs, one build: one notification). */
  tag: string
  onClick: () => void
}): void {
  if (notificationPermission() !== 'granted') return
  const notification = new window.Notification(title, { body, tag, icon: '/favicon.svg' })
  notification.onclick = () => {
    window.focus()
    onClick()
    notification.close()
  }
}
