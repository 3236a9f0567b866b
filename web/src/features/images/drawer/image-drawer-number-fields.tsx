import { useTranslation } from 'react-i18next'
import { formatCount, formatPrice, formatSize, numberFormat } from '@/lib/format'
import type { Render } from './image-drawer-fields'
import { FieldValue, isNumber, TimeValue, useLocale } from './image-drawer-values'

/* The drawer's numbers and times (design.md §2): counts, sizes, durations, prices, unix times. */

function Numeric({ text, title }: { text: string | null; title: string }) {
  return (
    <span className="tabular-nums" title={title}>
      {text ?? title}
    </span>
  )
}

export const CountField: Render = ({ image, path }) => {
  const locale = useLocale()
  return (
    <FieldValue image={image} path={path} guard={isNumber}>
      {(value) => <Numeric text={formatCount(value, locale)} title={String(value)} />}
    </FieldValue>
  )
}

export const SizeField: Render = ({ image, path }) => {
  const locale = useLocale()
  const { t } = useTranslation('detail')
  return (
    <FieldValue image={image} path={path} guard={isNumber}>
      {(value) => <Numeric text={formatSize(value, locale)} title={t('value.mb', { value })} />}
    </FieldValue>
  )
}

/** Usage time in hours and minutes (seconds are noise at this scale); 0 means never used. */
export function formatUsage(seconds: number, locale: string): string | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const nf = (value: number, unit: 'hour' | 'minute') =>
    numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value)
  if (h > 0) return m > 0 ? `${nf(h, 'hour')} ${nf(m, 'minute')}` : nf(h, 'hour')
  return m > 0 ? nf(m, 'minute') : null
}

export const DurationField: Render = ({ image, path }) => {
  const locale = useLocale()
  const { t } = useTranslation('detail')
  return (
    <FieldValue image={image} path={path} guard={isNumber}>
      {(value) =>
        value === 0 ? (
          <span className="text-muted-foreground">{t('value.neverUsed')}</span>
        ) : (
          <Numeric
            text={formatUsage(value, locale) ?? (value > 0 ? t('value.underMinute') : null)}
            title={t('value.seconds', { value })}
          />
        )
      }
    </FieldValue>
  )
}

export const PriceField: Render = ({ image, path }) => {
  const locale = useLocale()
  const { t } = useTranslation('common')
  return (
    <FieldValue image={image} path={path} guard={isNumber}>
      {(value) => (
        <Numeric
          text={value === 0 ? t('value.free') : formatPrice(value, locale)}
          title={String(value)}
        />
      )}
    </FieldValue>
  )
}

/** A unix time; 0 (the API's "never") reads as `zeroKey` rather than 1970 or a bare 0. */
function timeField(zeroKey: string): Render {
  function Field({ image, path }: { image: unknown; path: string }) {
    const { t } = useTranslation('detail')
    return (
      <FieldValue image={image} path={path} guard={isNumber}>
        {(value) =>
          value === 0 ? (
            <span className="text-muted-foreground">{t(zeroKey)}</span>
          ) : (
            <TimeValue seconds={value} />
          )
        }
      </FieldValue>
    )
  }
  return Field
}

export const TimeField: Render = timeField('value.noTime')
export const PublishTimeField: Render = timeField('value.notPublished')
