import { Boxes, Cpu, Layers } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImageDetail } from '@contract/api'
import { Callout, CalloutDescription } from '@/components/ui/callout'
import { TextField } from './image-drawer-fields'
import {
  asRecord,
  Chips,
  EmptyValue,
  isList,
  listItems,
  MalformedValue,
  readField,
} from './image-drawer-values'

export const SOFTWARE_PATHS = [
  'Softwares.Framework',
  'Softwares.FrameworkVersion',
  'Softwares.CUDAVersion',
  'Softwares.Applications',
] as const

function Card({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1 rounded-lg border bg-card p-4">
      <dt className="flex items-center gap-2 text-xs font-medium text-muted-foreground [&_svg]:size-4">
        {icon}
        {label}
      </dt>
      <dd className="text-base font-medium">{children}</dd>
    </div>
  )
}

export function ImageSoftware({ image }: { image: ImageDetail }) {
  const { t } = useTranslation('detail')
  const softwares = readField(
    image,
    'Softwares',
    (value): value is object => asRecord(value) !== null,
  )
  const apps = readField(image, 'Softwares.Applications', isList)
  const appItems = apps.state === 'ok' ? listItems(apps.value) : []

  return (
    <div className="flex flex-col gap-4">
      {softwares.state === 'malformed' && (
        <Callout tone="warning">
          <CalloutDescription className="flex flex-col items-start gap-1.5">
            {t('software.malformed')}
            <MalformedValue raw={softwares.raw} />
          </CalloutDescription>
        </Callout>
      )}
      <dl className="grid gap-3 sm:grid-cols-3">
        <Card icon={<Layers aria-hidden />} label={t('field.Framework')}>
          <TextField image={image} path="Softwares.Framework" />
        </Card>
        <Card icon={<Layers aria-hidden />} label={t('field.FrameworkVersion')}>
          <TextField image={image} path="Softwares.FrameworkVersion" />
        </Card>
        <Card icon={<Cpu aria-hidden />} label={t('field.CUDAVersion')}>
          <TextField image={image} path="Softwares.CUDAVersion" />
        </Card>
      </dl>
      <section className="flex flex-col gap-2 rounded-lg border bg-card p-4">
        <h3 className="flex items-center gap-2 text-xs font-medium text-muted-foreground">
          <Boxes className="size-4" aria-hidden />
          {t('field.Applications')}
        </h3>
        {apps.state === 'malformed' ? (
          <MalformedValue raw={apps.raw} />
        ) : appItems.length > 0 ? (
          <Chips items={appItems} tone="primary" />
        ) : apps.state === 'empty' && softwares.state !== 'ok' ? (
          <EmptyValue />
        ) : (
          <p className="text-sm text-muted-foreground">{t('software.noApps')}</p>
        )}
      </section>
    </div>
  )
}
