import { Check, Copy } from 'lucide-react'
import { useEffect, useState, type ComponentProps, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { copyText } from '@/lib/clipboard'

/** Copies `text` (read at click time when a function), confirms with a toast and a check mark. */
export function CopyButton({
  text,
  label,
  showLabel = false,
  icon,
  ...props
}: {
  text: string | (() => string)
  label: string
  showLabel?: boolean
  icon?: ReactNode
} & Omit<ComponentProps<typeof Button>, 'onClick'>) {
  const { t } = useTranslation('detail')
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 1500)
    return () => clearTimeout(timer)
  }, [copied])

  async function onCopy() {
    try {
      await copyText(typeof text === 'function' ? text() : text)
      setCopied(true)
      toast.success(t('copy.done'))
    } catch {
      toast.error(t('copy.failed'))
    }
  }

  return (
    <Button
      variant="ghost"
      size={showLabel ? 'sm' : 'icon-sm'}
      aria-label={showLabel ? undefined : label}
      title={label}
      onClick={() => void onCopy()}
      {...props}
    >
      {copied ? <Check aria-hidden /> : (icon ?? <Copy aria-hidden />)}
      {showLabel && label}
    </Button>
  )
}
