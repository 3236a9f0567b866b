import { useEffect, useState } from 'react'
import { useDocumentVisible } from './use-document-visible'

/** The current time, re-read every `intervalMs` while the page is visible (for "N s ago"). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  const visible = useDocumentVisible()
  useEffect(() => {
    if (!visible) return
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs, visible])
  return now
}
