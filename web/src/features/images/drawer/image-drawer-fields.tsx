import { BadgeCheck } from 'lucide-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { IMAGE_TYPES } from '@contract/api'
import { formatRaw } from '@/lib/format'
import {
  asRecord,
  Chips,
  EmptyValue,
  FieldValue,
  isBoolean,
  isList,
  isNumber,
  isText,
  listItems,
  MalformedValue,
  readField,
  StatusBadge,
} from './image-drawer-values'

/** One renderer per field type (design.md §2); each handles missing and malformed values itself. */
export type Render = (props: { image: unknown; path: string }) => ReactNode

const isBoolOrText = (value: unknown): value is boolean | string =>
  isBoolean(value) || isText(value)

export const TextField: Render = ({ image, path }) => (
  <FieldValue image={image} path={path} guard={isText}>
    {(value) => <span className="[overflow-wrap:anywhere]">{value}</span>}
  </FieldValue>
)

export const MonoField: Render = ({ image, path }) => (
  <FieldValue image={image} path={path} guard={isText}>
    {(value) => <span className="font-mono text-[13px] [overflow-wrap:anywhere]">{value}</span>}
  </FieldValue>
)

export const MultilineField: Render = ({ image, path }) => (
  <FieldValue image={image} path={path} guard={isText}>
    {(value) => (
      <p className="leading-relaxed [overflow-wrap:anywhere] whitespace-pre-wrap">{value}</p>
    )}
  </FieldValue>
)

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation('common')
  return <>{value ? t('value.yes') : t('value.no')}</>
}

export const BoolField: Render = ({ image, path }) => (
  <FieldValue image={image} path={path} guard={isBoolean}>
    {(value) => <YesNo value={value} />}
  </FieldValue>
)

/** The API sends Container as the string "True"/"False"; anything else is shown raw. */
export const ContainerField: Render = ({ image, path }) => (
  <FieldValue image={image} path={path} guard={isBoolOrText}>
    {(value) =>
      value === true || value === 'True' ? (
        <YesNo value />
      ) : value === false || value === 'False' ? (
        <YesNo value={false} />
      ) : (
        <span className="font-mono">{String(value)}</span>
      )
    }
  </FieldValue>
)

/** AuthInfo: 0 is an unverified author, any other level a verified one (the level in the title). */
export const AuthField: Render = ({ image, path }) => {
  const { t } = useTranslation('detail')
  return (
    <FieldValue image={image} path={path} guard={isNumber}>
      {(value) =>
        value === 0 ? (
          <span className="text-muted-foreground">{t('value.notVerified')}</span>
        ) : value > 0 && Number.isInteger(value) ? (
          <span className="inline-flex items-center gap-1" title={t('value.authLevel', { value })}>
            <BadgeCheck className="size-4 text-success" aria-hidden />
            {t('value.verified')}
          </span>
        ) : (
          <span className="font-mono">{String(value)}</span>
        )
      }
    </FieldValue>
  )
}

export const StatusField: Render = ({ image, path }) => (
  <FieldValue image={image} path={path} guard={isText}>
    {(value) => <StatusBadge status={value} />}
  </FieldValue>
)

export const VisibilityField: Render = ({ image, path }) => {
  const { t } = useTranslation('common')
  return (
    <FieldValue image={image} path={path} guard={isNumber}>
      {(value) =>
        value === 0 ? t('value.private') : value === 1 ? t('value.public') : String(value)
      }
    </FieldValue>
  )
}

export const ImageTypeField: Render = ({ image, path }) => {
  const { t } = useTranslation('detail')
  return (
    <FieldValue image={image} path={path} guard={isText}>
      {(value) =>
        (IMAGE_TYPES as readonly string[]).includes(value) ? t(`common:type.${value}`) : value
      }
    </FieldValue>
  )
}

const OWNER_ALIASES = ['Official', 'Community']

export const OwnerAliasField: Render = ({ image, path }) => {
  const { t } = useTranslation('detail')
  return (
    <FieldValue image={image} path={path} guard={isText}>
      {(value) => (OWNER_ALIASES.includes(value) ? t(`ownerAlias.${value}`) : value)}
    </FieldValue>
  )
}

export const ListField: Render = ({ image, path }) => (
  <FieldValue image={image} path={path} guard={isList}>
    {(values) => {
      const items = listItems(values)
      return items.length ? <Chips items={items} /> : <EmptyValue />
    }}
  </FieldValue>
)

/** Owner {AccountName, AccountId}: each part may be missing or malformed on its own. */
export const OwnerField: Render = ({ image, path }) => {
  const owner = readField(
    image,
    path,
    (value): value is Record<string, unknown> => asRecord(value) !== null,
  )
  if (owner.state === 'malformed') return <MalformedValue raw={owner.raw} />
  const name = readField(image, `${path}.AccountName`, isText)
  const id = readField(image, `${path}.AccountId`, isText)
  if (owner.state === 'empty' || (name.state === 'empty' && id.state === 'empty'))
    return <EmptyValue />
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {name.state !== 'empty' && <TextField image={image} path={`${path}.AccountName`} />}
      {id.state !== 'empty' && (
        <span className="text-muted-foreground">
          <MonoField image={image} path={`${path}.AccountId`} />
        </span>
      )}
    </span>
  )
}

/** A value this dashboard has no renderer for: shown as compact JSON, never dropped. */
export function RawValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <EmptyValue />
  return (
    <span className="font-mono text-xs [overflow-wrap:anywhere] whitespace-pre-wrap">
      {typeof value === 'string' ? value : formatRaw(value)}
    </span>
  )
}
