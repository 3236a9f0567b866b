import { describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS, csvCell, toCsv, toJson } from './export'
import { makeImage } from './test-images'

/** A small RFC 4180 reader: rows of unquoted cell values. */
function parseCsv(csv: string): string[][] {
  const out: string[][] = [[]]
  let cell = ''
  let quoted = false
  const text = csv.replace(/^\uFEFF/, '')
  const endCell = () => {
    out.at(-1)!.push(cell)
    cell = ''
  }
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!
    if (quoted && ch === '"' && text[k + 1] === '"') {
      cell += '"'
      k++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (!quoted && ch === ',') {
      endCell()
    } else if (!quoted && ch === '\r' && text[k + 1] === '\n') {
      endCell()
      out.push([])
      k++
    } else {
      cell += ch
    }
  }
  out.pop() // the empty row after the final CRLF
  return out
}

/** The first data row, by header. */
function firstRow(csv: string): Record<string, string> {
  const [header, row] = parseCsv(csv)
  return Object.fromEntries(header!.map((name, k) => [name, row![k]!]))
}

const image = makeImage({
  CompShareImageId: 'img-1',
  Name: 'PyTorch 训练镜像, "最新"',
  Status: 'Available',
  Visibility: 1,
  Tags: ['LLM', '中文'],
  Softwares: {
    Framework: 'PyTorch',
    FrameworkVersion: '2.1',
    CUDAVersion: '12.1',
    Applications: ['Jupyter', 'VSCode'],
  },
  Size: 20480,
  Price: 1.5,
  CreateTime: 1_700_000_000,
  IsOfficial: false,
  AutoStart: true,
  Container: 'True',
})

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and the header row, and ends every line with CRLF', () => {
    const csv = toCsv([])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe(`\uFEFF${EXPORT_COLUMNS.map((c) => c.header).join(',')}\r\n`)
    expect(toCsv([image, image]).split('\r\n')).toHaveLength(4)
    expect(toCsv([image]).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('keeps raw unix seconds beside the ISO 8601 UTC time, and Size as MB', () => {
    const cells = firstRow(toCsv([image]))
    expect(cells.CreateTime).toBe('1700000000')
    expect(cells.CreateTimeISO).toBe('2023-11-14T22:13:20.000Z')
    expect(cells.SizeMB).toBe('20480')
    expect(cells.PriceYuan).toBe('1.5')
    expect(cells.Visibility).toBe('public')
    expect(cells.Tags).toBe('LLM; 中文')
    expect(cells.Applications).toBe('Jupyter; VSCode')
    expect(cells.IsOfficial).toBe('false')
    expect(cells.AutoStart).toBe('true')
    expect(cells.Name).toBe('PyTorch 训练镜像, "最新"')
    expect(toCsv([image])).toContain(',"PyTorch 训练镜像, ""最新""",')
    expect(cells.PubTime).toBe('')
    expect(cells.PubTimeISO).toBe('')
  })

  it('writes nulls, missing objects and unusable numbers as empty cells', () => {
    const csv = toCsv([makeImage({ Price: Number.NaN })])
    expect(csv.split('\r\n')[1]).toBe(','.repeat(EXPORT_COLUMNS.length - 1))
    const outOfRange = firstRow(toCsv([makeImage({ CreateTime: 1e20 })]))
    expect(outOfRange.CreateTime).toBe('100000000000000000000')
    expect(outOfRange.CreateTimeISO).toBe('')
    const never = firstRow(toCsv([makeImage({ PubTime: 0 })]))
    expect([never.PubTime, never.PubTimeISO]).toEqual(['0', ''])
  })

  it('round-trips Chinese text, quotes and line breaks through a CSV reader', () => {
    const tricky = makeImage({
      Name: '镜像 "A"',
      Description: '第一行\r\n第二行, 逗号',
      Tags: ['中文'],
    })
    const table = parseCsv(toCsv([tricky, image]))
    expect(table).toHaveLength(3)
    expect(table.every((row) => row.length === EXPORT_COLUMNS.length)).toBe(true)
    const cells = firstRow(toCsv([tricky]))
    expect(cells.Name).toBe('镜像 "A"')
    expect(cells.Description).toBe('第一行\r\n第二行, 逗号')
    expect(cells.Tags).toBe('中文')
  })
})

describe('csvCell', () => {
  it('quotes cells with a comma, quote, CR or LF and doubles quotes (RFC 4180)', () => {
    expect(csvCell('plain text')).toBe('plain text')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell('中文，全角逗号')).toBe('中文，全角逗号')
  })

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`)
    expect(csvCell('+1+1')).toBe("'+1+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`)
    expect(csvCell('＝1+1')).toBe("'＝1+1")
    expect(csvCell(['=cmd', 'ok'])).toBe("'=cmd; ok")
    expect(csvCell('a=b')).toBe('a=b')
  })

  it('neutralises a formula hidden behind control characters or any kind of space (issue 12)', () => {
    expect(csvCell('\u0000=1+1')).toBe("'=1+1")
    expect(csvCell('\u0000\u0001\u001b=1+1')).toBe("'=1+1")
    expect(csvCell('\u007f\u0085+1')).toBe("'+1")
    expect(csvCell(' =1+1')).toBe("' =1+1")
    expect(csvCell('\u00a0\u3000=1+1')).toBe("'\u00a0\u3000=1+1")
    expect(csvCell('\u200b\ufeff@SUM(A1)')).toBe("'\u200b\ufeff@SUM(A1)")
    expect(csvCell('\n=cmd')).toBe(`"'\n=cmd"`)
    expect(csvCell(' \u0000 -2+3')).toBe("'  -2+3")
    expect(csvCell(['ok', '\u0000=cmd'])).toBe('ok; =cmd')
    // Harmless text keeps its spaces and loses only the control characters.
    expect(csvCell('  indented')).toBe('  indented')
    expect(csvCell('a\u0000b')).toBe('ab')
  })

  it('leaves real negative numbers alone, but not negative-looking text', () => {
    expect(csvCell(-1.5)).toBe('-1.5')
    expect(csvCell('-1.5')).toBe("'-1.5")
    expect(csvCell(0)).toBe('0')
  })

  it('formats booleans, nulls, arrays and objects', () => {
    expect(csvCell(true)).toBe('true')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(['a', null, 'b'])).toBe('a; b')
    expect(csvCell([])).toBe('')
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"')
  })
})

describe('toJson', () => {
  it('writes a pretty array of the records without Readme, unknown fields kept', () => {
    const withExtras = {
      ...image,
      Readme: '# secret long text',
      NewField: 7,
      malformed: { Size: 'big' },
    }
    const json = toJson([withExtras])
    const parsed = JSON.parse(json)
    expect(parsed).toHaveLength(1)
    expect(parsed[0]).not.toHaveProperty('Readme')
    expect(parsed[0]).toMatchObject({ Name: image.Name, NewField: 7, malformed: { Size: 'big' } })
    expect(json).toContain('\n  {\n    "CompShareImageId": "img-1"')
    expect(toJson([])).toBe('[]')
  })
})
