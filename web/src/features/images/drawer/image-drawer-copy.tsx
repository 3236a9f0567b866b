import { Check, Copy } from 'lucide-react'
import { useEffect, useState, type ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'

export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/** Copies `text`, confirms with a toast and a brief check mark. */
export function CopyButton({
  text,
  label,
  showLabel = false,
  ...props
}: { text: string; label: string; showLabel?: boolean } & Omit<
  ComponentProps<typeof Button>,
  'onClick'
>) {
  const { t } = useTranslation('detail')
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 1500)
    return () => clearTimeout(timer)
  }, [copied])

  async function onCopy() {
    if (await copyText(text)) {
      setCopied(true)
      toast.success(t('copy.done'))
    } else {
      toast.error(t('copy.failed'))
    }
  }

  const Icon = copied ? Check : Copy
  return (
    <Button
      variant="ghost"
      size={showLabel ? 'sm' : 'icon-sm'}
      aria-label={showLabel ? undefined : label}
      title={label}
      onClick={() => void onCopy()}
      {...props}
    >
      <Icon aria-hidden />
      {showLabel && label}
    </Button>
  )
}
