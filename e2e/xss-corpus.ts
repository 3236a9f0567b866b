/**
 * Hostile content for e2e/hostile-content.spec.ts (hardening §4): the known XSS families, each of
 * which calls `__xss('<id>')` or `alert('<id>')` if it ever runs. Every attacker-controlled field
 * of a fixture record carries some of them.
 */

export interface Payload {
  id: string
  text: string
}

const x = (id: string) => `__xss('${id}')`

/** Text fields (names, descriptions, reasons, tags...): HTML and template payloads. */
export const INLINE_PAYLOADS: readonly Payload[] = [
  { id: 'img-onerror', text: `<img src=x onerror="${x('img-onerror')}">` },
  { id: 'svg-onload', text: `<svg onload=${x('svg-onload')}>` },
  { id: 'body-onload', text: `<body onload=${x('body-onload')}>` },
  { id: 'autofocus', text: `" autofocus onfocus="${x('autofocus')}" x="` },
  { id: 'attr-break', text: `'><img src=x onerror=${x('attr-break')}>` },
  { id: 'script', text: `<script>${x('script')}</script>` },
  { id: 'script-upper', text: `<SCRIPT>alert('script-upper')</SCRIPT>` },
  { id: 'script-src', text: `<script src="data:text/javascript,${x('script-src')}"></script>` },
  { id: 'script-split', text: `<scr<script>ipt>${x('script-split')}</scr</script>ipt>` },
  { id: 'script-close', text: `</textarea></title></style><script>${x('script-close')}</script>` },
  { id: 'svg-script', text: `<svg><script>${x('svg-script')}</script></svg>` },
  {
    id: 'svg-xlink',
    text: `<svg><a xlink:href="javascript:${x('svg-xlink')}"><text y=20>x</text></a></svg>`,
  },
  {
    id: 'svg-animate',
    text: `<svg><a><animate attributeName=href values=javascript:${x('svg-animate')} /><text y=20>x</text></a></svg>`,
  },
  {
    id: 'math-mglyph',
    text: `<math><mtext><table><mglyph><style><img src=x onerror=${x('math-mglyph')}>`,
  },
  {
    id: 'noscript-mxss',
    text: `<noscript><p title="</noscript><img src=x onerror=${x('noscript-mxss')}>">`,
  },
  {
    id: 'form-math-mxss',
    text: `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${x('form-math-mxss')}>`,
  },
  { id: 'css-import', text: `<style>@import 'javascript:${x('css-import')}';</style>` },
  {
    id: 'css-url',
    text: `<div style="background:url(javascript:${x('css-url')})">x</div>`,
  },
  {
    id: 'form-action',
    text: `<form action="javascript:${x('form-action')}"><button>go</button></form>`,
  },
  { id: 'formaction', text: `<button formaction="javascript:${x('formaction')}">go</button>` },
  {
    id: 'iframe-srcdoc',
    text: `<iframe srcdoc="<script>parent.${x('iframe-srcdoc')}</script>"></iframe>`,
  },
  { id: 'iframe-js', text: `<iframe src="javascript:parent.${x('iframe-js')}"></iframe>` },
  { id: 'object-data', text: `<object data="javascript:${x('object-data')}"></object>` },
  {
    id: 'embed',
    text: `<embed src="data:text/html,<script>parent.${x('embed')}</script>">`,
  },
  { id: 'base-href', text: `<base href="javascript:${x('base-href')}//">` },
  {
    id: 'meta-refresh',
    text: `<meta http-equiv="refresh" content="0;url=javascript:${x('meta-refresh')}">`,
  },
  { id: 'a-js', text: `<a href="javascript:${x('a-js')}">click</a>` },
  { id: 'a-vbscript', text: `<a href="vbscript:msgbox('a-vbscript')">click</a>` },
  { id: 'img-srcset', text: `<img srcset="javascript:${x('img-srcset')} 1x">` },
  { id: 'details', text: `<details open ontoggle=${x('details')}>` },
  { id: 'input-autofocus', text: `<input autofocus onfocus=${x('input-autofocus')}>` },
  { id: 'video-source', text: `<video><source onerror=${x('video-source')}></video>` },
  { id: 'template', text: `{{constructor.constructor('${x('template')}')()}}` },
  { id: 'template-literal', text: '${' + x('template-literal') + '}' },
  { id: 'i18n-nesting', text: `$t(common:appName) {{name}} {{- name}}` },
]

/** Markdown-only tricks: links, images, autolinks and references with hostile schemes. */
export const MARKDOWN_PAYLOADS: readonly Payload[] = [
  { id: 'md-link', text: `[md-link](javascript:${x('md-link')})` },
  { id: 'md-case', text: `[md-case](JaVaScRiPt:${x('md-case')})` },
  { id: 'md-tab', text: `[md-tab](jav&#x09;ascript:${x('md-tab')})` },
  { id: 'md-space', text: `[md-space](   javascript:${x('md-space')})` },
  { id: 'md-angle', text: `[md-angle]( <javascript:${x('md-angle')}>)` },
  {
    id: 'md-entity',
    text: `[md-entity](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${x('md-entity')})`,
  },
  { id: 'md-colon', text: `[md-colon](javascript&colon;${x('md-colon')})` },
  { id: 'md-hex', text: `[md-hex](&#x6A;avascript:${x('md-hex')})` },
  { id: 'md-vbscript', text: `[md-vbscript](vbscript:msgbox%28'md-vbscript'%29)` },
  {
    id: 'md-data',
    text: `[md-data](data:text/html;base64,PHNjcmlwdD5fX3hzcygnbWQtZGF0YScpPC9zY3JpcHQ+)`,
  },
  { id: 'md-img', text: `![md-img](javascript:${x('md-img')})` },
  {
    id: 'md-img-data',
    text: `![md-img-data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9Il9feHNzKCdtZC1pbWctZGF0YScpIi8+)`,
  },
  { id: 'md-autolink', text: `<javascript:${x('md-autolink')}>` },
  { id: 'md-autolink-case', text: `<JAVASCRIPT:alert('md-autolink-case')>` },
  { id: 'md-autolink-data', text: `<data:text/html,${x('md-autolink-data')}>` },
  { id: 'md-ref', text: `[md-ref][evil-ref]\n\n[evil-ref]: javascript:${x('md-ref')}` },
  {
    id: 'md-ref-img',
    text: `![md-ref-img][evil-img]\n\n[evil-img]: data:image/svg+xml,%3Csvg%20onload%3D__xss('md-ref-img')%3E`,
  },
  {
    id: 'md-ref-vb',
    text: `[md-ref-vb]\n\n[md-ref-vb]: vbscript:msgbox('md-ref-vb')`,
  },
  {
    id: 'md-title',
    text: `[md-title](https://ok.example/ "\\" onmouseover=\\"${x('md-title')}")`,
  },
  { id: 'md-hash', text: `[md-hash](#"><img/src=x/onerror=${x('md-hash')}>)` },
  { id: 'md-footnote', text: `Note[^evil].\n\n[^evil]: <img src=x onerror=${x('md-footnote')}>` },
  {
    id: 'md-table',
    text: `| a | b |\n|---|---|\n| <img src=x onerror=${x('md-table')}> | [t](javascript:${x('md-table')}) |`,
  },
  { id: 'md-code', text: '```html\n<script>' + x('md-code') + '</script>\n```' },
]

/** Cover URLs: only absolute http(s) may ever become an image source. */
export const COVER_PAYLOADS: readonly string[] = [
  `javascript:${x('cover-js')}`,
  `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${x('cover-data')}"/>`,
  '//evil.example/x.png',
  `  JaVaScRiPt:${x('cover-case')}`,
  `vbscript:msgbox('cover-vbscript')`,
  `https://evil.example/x.png" onerror="${x('cover-attr')}`,
  `java\tscript:${x('cover-tab')}`,
  `data:text/html;base64,PHNjcmlwdD5fX3hzcygnY292ZXItaHRtbCcpPC9zY3JpcHQ+`,
]

/** The whole corpus as one markdown document, each payload in its own paragraph. */
export const HOSTILE_README = [
  "# <img src=x onerror=__xss('md-heading')> Readme",
  ...MARKDOWN_PAYLOADS.map((p) => p.text),
  ...INLINE_PAYLOADS.map((p) => p.text),
].join('\n\n')

const ALL_INLINE = INLINE_PAYLOADS.map((p) => p.text).join('\n')

export const HOSTILE_GROUP = 'grp-hostile-01'

/** Short fields get one payload each, rotated so that every family lands in every field. */
const SHORT_FIELDS = [
  'Name',
  'Author',
  'VersionName',
  'SourceGpuType',
  'ImageOwnerAlias',
  'Owner.AccountName',
  'Softwares.Framework',
  'Softwares.FrameworkVersion',
  'Softwares.CUDAVersion',
] as const

export const HOSTILE_COUNT = 12

function pick(index: number): string {
  return INLINE_PAYLOADS[index % INLINE_PAYLOADS.length]!.text
}

export function hostileId(index: number): string {
  return `uimage-hostile-${String(index).padStart(2, '0')}`
}

/** Records where every attacker-controlled field carries payloads; ids are ordinary. */
export function hostileImages(): Record<string, unknown>[] {
  return Array.from({ length: HOSTILE_COUNT }, (_, i) => {
    const short = Object.fromEntries(
      SHORT_FIELDS.map((field, f) => [field, pick(i * SHORT_FIELDS.length + f)]),
    )
    return {
      CompShareImageId: hostileId(i),
      Name: short.Name,
      Description: `${pick(i + 3)}\n${ALL_INLINE}`,
      Author: short.Author,
      ImageOwnerAlias: short.ImageOwnerAlias,
      Owner: { AccountId: 100_000 + i, AccountName: short['Owner.AccountName'] },
      ImageType: i === 0 ? `{{constructor.constructor('${x('image-type')}')()}}` : 'Custom',
      SourceGpuType: short.SourceGpuType,
      Status: i % 3 === 0 ? 'UnAvailable' : 'Available',
      FailedReason: i % 3 === 0 ? `${pick(i + 5)}\n${ALL_INLINE}` : '',
      Visibility: i % 2,
      IsOfficial: false,
      Container: 'False',
      AutoStart: false,
      ImageCharge: false,
      Size: 20_480 + i,
      Price: 0,
      AuthInfo: 0,
      CreatedCount: i,
      FavoritesCount: i,
      ImageUseTime: 3600,
      CreateTime: 1_750_000_000 - i * 3600,
      PubTime: 1_750_000_000 - i * 3600,
      GroupId: HOSTILE_GROUP,
      VersionName: short.VersionName,
      VersionDesc: `${pick(i + 7)}\n${ALL_INLINE}`,
      Tags: [pick(i * 3), pick(i * 3 + 1), pick(i * 3 + 2), `${HOSTILE_GROUP}-tag`],
      Softwares: {
        Framework: short['Softwares.Framework'],
        FrameworkVersion: short['Softwares.FrameworkVersion'],
        CUDAVersion: short['Softwares.CUDAVersion'],
        Applications: [pick(i * 3 + 5), pick(i * 3 + 6), pick(i * 3 + 7)],
      },
      Cover: COVER_PAYLOADS[i % COVER_PAYLOADS.length],
      Readme: HOSTILE_README,
      // An unknown field lands in "Other fields", rendered as received.
      [`X-${pick(i)}`.slice(0, 60)]: pick(i + 23),
    }
  })
}
