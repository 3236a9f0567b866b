import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImageDetail } from '@contract/api'
import {
  AuthField,
  BoolField,
  ContainerField,
  ImageTypeField,
  ListField,
  MonoField,
  MultilineField,
  OwnerAliasField,
  OwnerField,
  RawValue,
  StatusField,
  TextField,
  VisibilityField,
} from './image-drawer-fields'
import {
  CountField,
  DurationField,
  PriceField,
  PublishTimeField,
  SizeField,
  TimeField,
} from './image-drawer-number-fields'
import { asRecord, MalformedValue, malformedEntries } from './image-drawer-values'
import { SOFTWARE_PATHS } from './image-software'

type Row = { path: string; render: typeof TextField; wide?: boolean }

/** Every documented field (design.md §2), grouped; anything else lands in "Other fields". */
export const OVERVIEW_SECTIONS: readonly { id: string; rows: readonly Row[] }[] = [
  {
    id: 'identity',
    rows: [
      { path: 'CompShareImageId', render: MonoField },
      { path: 'Name', render: TextField },
      { path: 'GroupId', render: MonoField },
      { path: 'VersionName', render: TextField },
      { path: 'VersionDesc', render: MultilineField, wide: true },
    ],
  },
  {
    id: 'source',
    rows: [
      { path: 'Author', render: TextField },
      { path: 'AuthInfo', render: AuthField },
      { path: 'Owner', render: OwnerField },
      { path: 'ImageOwnerAlias', render: OwnerAliasField },
      { path: 'ImageType', render: ImageTypeField },
      { path: 'IsOfficial', render: BoolField },
      { path: 'Container', render: ContainerField },
      { path: 'SourceGpuType', render: TextField },
    ],
  },
  {
    id: 'state',
    rows: [
      { path: 'Status', render: StatusField },
      { path: 'Visibility', render: VisibilityField },
      { path: 'Size', render: SizeField },
      { path: 'Price', render: PriceField },
      { path: 'ImageCharge', render: BoolField },
      { path: 'AutoStart', render: BoolField },
    ],
  },
  {
    id: 'usage',
    rows: [
      { path: 'CreatedCount', render: CountField },
      { path: 'FavoritesCount', render: CountField },
      { path: 'ImageUseTime', render: DurationField },
    ],
  },
  {
    id: 'time',
    rows: [
      { path: 'CreateTime', render: TimeField },
      { path: 'PubTime', render: PublishTimeField },
    ],
  },
  {
    id: 'about',
    rows: [
      { path: 'Description', render: MultilineField, wide: true },
      { path: 'Tags', render: ListField, wide: true },
      { path: 'Cover', render: MonoField, wide: true },
    ],
  },
]

/** Fields shown elsewhere in the drawer (FailedReason: the callout above the tabs) or internal. */
const SHOWN_ELSEWHERE = [
  'Softwares',
  'Readme',
  'FailedReason',
  'progress',
  'malformed',
  'readmeTruncated',
]
const OVERVIEW_PATHS = OVERVIEW_SECTIONS.flatMap((section) => section.rows.map((row) => row.path))
const KNOWN_FIELDS = new Set([...OVERVIEW_PATHS, ...SHOWN_ELSEWHERE])
const RENDERED_PATHS = new Set([
  ...OVERVIEW_PATHS,
  'Owner.AccountName',
  'Owner.AccountId',
  'Softwares',
  ...SOFTWARE_PATHS,
  'Readme',
  'FailedReason',
])

/** Unknown fields as received, plus malformed entries no renderer shows (so none is ever hidden). */
export function otherFields(image: unknown): { key: string; value: unknown; malformed: boolean }[] {
  const record = asRecord(image) ?? {}
  const unknown = Object.keys(record)
    .filter((key) => !KNOWN_FIELDS.has(key))
    .sort()
    .map((key) => ({ key, value: record[key], malformed: false }))
  const malformed = Object.entries(malformedEntries(image))
    .filter(([key]) => !RENDERED_PATHS.has(key) && !Object.hasOwn(record, key))
    .map(([key, value]) => ({ key, value, malformed: true }))
  return [...unknown, ...malformed]
}

function Item({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'min-w-0 sm:col-span-2' : 'min-w-0'}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  )
}

const SECTION_HEADING = 'mb-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase'
const GRID = 'grid gap-x-6 gap-y-3 sm:grid-cols-2'

export function ImageOverview({ image }: { image: ImageDetail }) {
  const { t } = useTranslation('detail')
  const others = otherFields(image)
  const id = useId()
  return (
    <div className="flex flex-col gap-6">
      {OVERVIEW_SECTIONS.map((section) => (
        <section key={section.id} aria-labelledby={`${id}-${section.id}`}>
          <h3 id={`${id}-${section.id}`} className={SECTION_HEADING}>
            {t(`section.${section.id}`)}
          </h3>
          <dl className={GRID}>
            {section.rows.map(({ path, render: Render, wide }) => (
              <Item key={path} label={t(`field.${path}`)} wide={wide}>
                <Render image={image} path={path} />
              </Item>
            ))}
          </dl>
        </section>
      ))}
      {others.length > 0 && (
        <section aria-labelledby={`${id}-other`}>
          <h3 id={`${id}-other`} className={SECTION_HEADING}>
            {t('section.other')}
          </h3>
          <p className="mb-2 text-xs text-muted-foreground">{t('section.otherHint')}</p>
          <dl className={GRID}>
            {others.map(({ key, value, malformed }) => (
              <Item key={`${malformed}-${key}`} label={key}>
                {malformed ? <MalformedValue raw={value} /> : <RawValue value={value} />}
              </Item>
            ))}
          </dl>
        </section>
      )}
    </div>
  )
}
