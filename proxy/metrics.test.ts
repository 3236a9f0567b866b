import { afterEach, describe, expect, it } from 'vitest'
import { startStack, type Stack } from './test/stack'

/**
 * `/metrics` (design.md §4) over real HTTP, read by a checker as strict as Prometheus' own text
 * parser (exposition format 0.0.4, what `promtool check metrics` parses): syntax, escaping, one
 * TYPE/HELP per family before its samples, families not interleaved, no duplicate series, and
 * histograms that are cumulative with a +Inf bucket equal to _count.
 */

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[Nn][Aa][Nn]|[+-]Inf)(?: -?\d+)?$/
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"/g
const TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped']

/** Parses the exposition strictly; throws with the line number on the first problem. */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline')
  const lines = text.slice(0, -1).split('\n')
  const types = new Map<string, string>()
  const helps = new Set<string>()
  const samples: Sample[] = []
  const seriesSeen = new Set<string>()
  const familiesDone = new Set<string>()
  let current = ''
  const familyOf = (name: string) => {
    for (const suffix of ['_bucket', '_count', '_sum', '']) {
      const base = suffix ? name.slice(0, -suffix.length) : name
      if (name.endsWith(suffix) && types.has(base)) {
        const type = types.get(base)!
        if (suffix === '' || type === 'histogram' || type === 'summary') return base
      }
    }
    return name
  }
  const enter = (family: string, where: string) => {
    if (family === current) return
    if (familiesDone.has(family)) throw new Error(`${where}: family ${family} is interleaved`)
    if (current) familiesDone.add(current)
    current = family
  }
  lines.forEach((line, i) => {
    const where = `line ${i + 1}: ${line.slice(0, 80)}`
    // The format ignores empty lines (prom-client puts one between families).
    if (line === '') return
    if (line.startsWith('#')) {
      const meta = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line)
      if (!meta) throw new Error(`${where}: a comment that is not HELP or TYPE`)
      const [, kind, name = '', rest = ''] = meta
      if (!NAME.test(name)) throw new Error(`${where}: bad metric name`)
      enter(name, where)
      if (kind === 'TYPE') {
        if (types.has(name)) throw new Error(`${where}: second TYPE`)
        if (samples.some((s) => familyOf(s.name) === name))
          throw new Error(`${where}: TYPE after samples`)
        if (!TYPES.includes(rest)) throw new Error(`${where}: unknown type`)
        types.set(name, rest)
      } else {
        if (helps.has(name)) throw new Error(`${where}: second HELP`)
        if (/\\[^\\n]/.test(rest.replaceAll('\\\\', '')))
          throw new Error(`${where}: bad escape in HELP`)
        helps.add(name)
      }
      return
    }
    const match = SAMPLE.exec(line)
    if (!match) throw new Error(`${where}: not a sample line`)
    const [, name = '', labelText = '', valueText = ''] = match
    const labels: Record<string, string> = {}
    for (const [, key = '', value = ''] of labelText.matchAll(LABEL)) {
      if (key in labels) throw new Error(`${where}: label ${key} twice`)
      labels[key] = value
    }
    enter(familyOf(name), where)
    const series = `${name}{${Object.entries(labels)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}}`
    if (seriesSeen.has(series)) throw new Error(`${where}: duplicate series`)
    seriesSeen.add(series)
    const value =
      valueText === '+Inf' ? Infinity : valueText === '-Inf' ? -Infinity : Number(valueText)
    samples.push({ name, labels, value })
  })
  for (const [family, type] of types) {
    const of = samples.filter((s) => familyOf(s.name) === family)
    if (type === 'counter') for (const s of of) expect(s.value, s.name).toBeGreaterThanOrEqual(0)
    if (type !== 'histogram') continue
    const groups = new Map<string, Sample[]>()
    for (const s of of.filter((s) => s.name === `${family}_bucket`)) {
      const { le: _le, ...rest } = s.labels
      const key = JSON.stringify(rest)
      groups.set(key, [...(groups.get(key) ?? []), s])
    }
    for (const [key, buckets] of groups) {
      const les = buckets.map((b) => (b.labels.le === '+Inf' ? Infinity : Number(b.labels.le)))
      expect(les.at(-1), `${family} ${key}: +Inf bucket`).toBe(Infinity)
      for (let i = 1; i < buckets.length; i++) {
        expect(les[i]!).toBeGreaterThan(les[i - 1]!)
        expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value)
      }
      const count = of.find((s) => s.name === `${family}_count` && JSON.stringify(s.labels) === key)
      expect(count?.value, `${family} ${key}: _count`).toBe(buckets.at(-1)!.value)
      expect(of.some((s) => s.name === `${family}_sum` && JSON.stringify(s.labels) === key)).toBe(
        true,
      )
    }
  }
  return { types, samples }
}

let stack: Stack | undefined
afterEach(async () => {
  await stack?.close()
  stack = undefined
})

const value = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples.find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value

describe('/metrics', () => {
  it('parses strictly and counts upstream calls, the list cache and HTTP answers', async () => {
    stack = await startStack({ IMAGEDECK_CACHE_TTL_S: '60', UCLOUD_MAX_RETRIES: '0' })
    const s = stack
    expect((await s.get('/api/images?limit=1')).status).toBe(200) // miss
    expect((await s.get('/api/images?limit=2')).status).toBe(200) // hit
    const id = (await s.get('/api/images?limit=1')).body.items[0].CompShareImageId as string
    expect((await s.get(`/api/images/${id}`)).status).toBe(200)
    s.sandbox.faults.set({ retCode: 171 })
    expect((await s.get('/api/zones?region=cn-bj2')).status).toBe(502)
    expect((await s.get('/api/images?fresh=1')).status).toBe(200) // stale: the last good list
    s.sandbox.faults.clear()

    const res = await fetch(`${s.url}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    const { types, samples } = parseExposition(await res.text())

    expect(types.get('imagedeck_upstream_requests_total')).toBe('counter')
    expect(types.get('imagedeck_upstream_request_duration_seconds')).toBe('histogram')
    expect(types.get('imagedeck_http_requests_total')).toBe('counter')
    const upstream = 'imagedeck_upstream_requests_total'
    expect(
      value(samples, upstream, { action: 'DescribeCompShareCustomImages', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(2)
    expect(
      value(samples, upstream, { action: 'DescribeCompShareSupportZone', outcome: '171' }),
    ).toBe(1)
    expect(
      value(samples, upstream, { action: 'DescribeCompShareCustomImages', outcome: '171' }),
    ).toBe(1)
    expect(
      value(samples, 'imagedeck_upstream_request_duration_seconds_count', {
        action: 'DescribeCompShareCustomImages',
      }),
    ).toBeGreaterThanOrEqual(3)
    const cache = 'imagedeck_list_cache_total'
    expect(value(samples, cache, { result: 'miss' })).toBe(1)
    expect(value(samples, cache, { result: 'hit' })).toBe(2)
    expect(value(samples, cache, { result: 'stale' })).toBe(1)
    const http = 'imagedeck_http_requests_total'
    expect(value(samples, http, { route: '/api/images', status: '200' })).toBe(4)
    expect(value(samples, http, { route: '/api/images/:id', status: '200' })).toBe(1)
    expect(value(samples, http, { route: '/api/zones', status: '502' })).toBe(1)
    // Ids never become label values.
    expect(samples.some((x) => Object.values(x.labels).some((v) => v.includes(id)))).toBe(false)
    // The standard process metrics.
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(
        samples.some((x) => x.name === name),
        name,
      ).toBe(true)
    }
  })

  it('sits behind the same auth as everything else', async () => {
    stack = await startStack({ IMAGEDECK_AUTH: 'ops:metrics-password-1' })
    expect((await fetch(`${stack.url}/metrics`)).status).toBe(401)
    const authorization = `Basic ${Buffer.from('ops:metrics-password-1').toString('base64')}`
    const res = await fetch(`${stack.url}/metrics`, { headers: { authorization } })
    expect(res.status).toBe(200)
    parseExposition(await res.text())
  })

  it('rejects what Prometheus would (the checker is not a rubber stamp)', () => {
    const bad = [
      'x 1',
      '# TYPE x counter\nx{a="1"} 1\ny 2\nx{a="2"} 3\n',
      '# TYPE x counter\nx 1\nx 2\n',
      '# TYPE x counter\n# TYPE x counter\nx 1\n',
      'x{a="unterminated} 1\n',
      'x{a="bad \\q"} 1\n',
      'x one\n',
      'x 1\n\t\n',
      '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\nh_sum 0\n',
    ]
    for (const text of bad) expect(() => parseExposition(text), JSON.stringify(text)).toThrow()
  })
})
