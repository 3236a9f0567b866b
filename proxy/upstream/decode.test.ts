import { describe, expect, it } from 'vitest'
import { decodeImage, decodeImageSet, decodeProgress, decodeZones } from './decode'

// Verbatim from the reference doc (/work/shared/api/DescribeCompShareCustomImages.txt), wrong
// types included: strings where the field table says int.
const DOC_EXAMPLE = `{
    "Action": "DescribeCompShareCustomImagesResponse", 
    "ImageSet": [
        {
            "Status": "hlqtbVJG", 
            "Name": "nFmURawE", 
            "Author": "CpKmKtmy", 
            "CreatedCount": "DQIOscsN", 
            "CompShareImageId": "hjNwBATq", 
            "Tags": [
                "PbbXTujk"
            ], 
            "Cover": "PFuhwZhm", 
            "Visibility": 2, 
            "CreateTime": "IFXxRGPj", 
            "AuthInfo": 6, 
            "FavoritesCount": "hnuFiuwm", 
            "ImageOwnerAlias": "xWXjOYVE", 
            "Readme": "ufXKfxWg", 
            "Description": "yXiGjmEh", 
            "PubTime": "kkupHyrZ", 
            "Price": 9.99592, 
            "ImageType": "AeSmLeoE", 
            "Size": 4
        }
    ], 
    "RetCode": 0, 
    "TotalCount": 4
}`

describe('decodeImageSet on the reference doc example', () => {
  const { images, totalCount } = decodeImageSet(JSON.parse(DOC_EXAMPLE) as Record<string, unknown>)
  const image = images[0]!

  it('keeps the row and the count', () => {
    expect(images).toHaveLength(1)
    expect(totalCount).toBe(4)
  })

  it('nulls the ints sent as non-numeric strings and keeps their raw values', () => {
    expect(image.CreatedCount).toBeNull()
    expect(image.CreateTime).toBeNull()
    expect(image.FavoritesCount).toBeNull()
    expect(image.PubTime).toBeNull()
    expect(image.malformed).toEqual({
      CreatedCount: 'DQIOscsN',
      CreateTime: 'IFXxRGPj',
      FavoritesCount: 'hnuFiuwm',
      PubTime: 'kkupHyrZ',
    })
  })

  it('keeps the well-typed fields as they are', () => {
    expect(image).toMatchObject({
      Status: 'hlqtbVJG',
      Name: 'nFmURawE',
      CompShareImageId: 'hjNwBATq',
      Tags: ['PbbXTujk'],
      Visibility: 2,
      AuthInfo: 6,
      Price: 9.99592,
      Size: 4,
      Readme: 'ufXKfxWg',
    })
  })

  it('fills fields the record lacks with null', () => {
    expect(image.Softwares).toBeNull()
    expect(image.Owner).toBeNull()
    expect(image.IsOfficial).toBeNull()
    expect(image.Container).toBeNull()
    expect(image.SourceGpuType).toBeNull()
  })
})

describe('decodeImage coercions', () => {
  it('turns numeric strings into numbers', () => {
    const image = decodeImage({ Size: '123', Price: ' 4.5 ', CreateTime: '1700000000' })
    expect(image).toMatchObject({ Size: 123, Price: 4.5, CreateTime: 1700000000 })
    expect(image.malformed).toBeUndefined()
  })

  it('accepts a float with zero fraction for an int, not a fractional one', () => {
    const image = decodeImage({ Size: 4.0, Visibility: '1.0', CreatedCount: 2.5 })
    expect(image.Size).toBe(4)
    expect(image.Visibility).toBe(1)
    expect(image.CreatedCount).toBeNull()
    expect(image.malformed).toEqual({ CreatedCount: 2.5 })
  })

  it('keeps an out-of-range int as a number (no invented rules)', () => {
    expect(decodeImage({ Visibility: 7 }).Visibility).toBe(7)
  })

  it('rejects empty and non-numeric strings for numbers instead of reading them as 0', () => {
    const image = decodeImage({ Size: '', Price: 'free', AuthInfo: true })
    expect(image).toMatchObject({ Size: null, Price: null, AuthInfo: null })
    expect(image.malformed).toEqual({ Size: '', Price: 'free', AuthInfo: true })
  })

  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['false', false],
    ['True', true],
    ['False', false],
    [1, true],
    [0, false],
  ])('reads the boolean %j as %j', (raw, expected) => {
    expect(decodeImage({ IsOfficial: raw }).IsOfficial).toBe(expected)
  })

  it('records an unusable boolean', () => {
    const image = decodeImage({ AutoStart: 'maybe', ImageCharge: 2 })
    expect(image).toMatchObject({ AutoStart: null, ImageCharge: null })
    expect(image.malformed).toEqual({ AutoStart: 'maybe', ImageCharge: 2 })
  })

  it('keeps Container as the string True/False, normalising a boolean', () => {
    expect(decodeImage({ Container: 'True' }).Container).toBe('True')
    expect(decodeImage({ Container: 'False' }).Container).toBe('False')
    expect(decodeImage({ Container: true }).Container).toBe('True')
    expect(decodeImage({ Container: false }).Container).toBe('False')
    expect(decodeImage({ Container: 'true' }).Container).toBe('True')
    const image = decodeImage({ Container: { yes: 1 } })
    expect(image.Container).toBeNull()
    expect(image.malformed).toEqual({ Container: { yes: 1 } })
  })

  it('turns a number sent for a string field into its string form', () => {
    const image = decodeImage({ CompShareImageId: 12345, GroupId: 7.5 })
    expect(image.CompShareImageId).toBe('12345')
    expect(image.GroupId).toBe('7.5')
  })

  it('records objects and arrays sent for a string field', () => {
    const image = decodeImage({ Name: { zh: '镜像' }, Description: ['a'] })
    expect(image).toMatchObject({ Name: null, Description: null })
    expect(image.malformed).toEqual({ Name: { zh: '镜像' }, Description: ['a'] })
  })

  it('treats an explicit null as missing, not malformed', () => {
    const image = decodeImage({ Name: null, Size: null, Tags: null, Softwares: null })
    expect(image).toMatchObject({ Name: null, Size: null, Tags: null, Softwares: null })
    expect(image.malformed).toBeUndefined()
  })
})

describe('decodeImage lists and objects', () => {
  it('stringifies numeric tags and drops (and records) the rest', () => {
    const image = decodeImage({ Tags: ['llm', 42, { x: 1 }, null, 'cuda'] })
    expect(image.Tags).toEqual(['llm', '42', 'cuda'])
    expect(image.malformed).toEqual({ 'Tags.2': { x: 1 }, 'Tags.3': null })
  })

  it('splits a comma-separated tag string', () => {
    expect(decodeImage({ Tags: 'llm, vllm,,cuda ' }).Tags).toEqual(['llm', 'vllm', 'cuda'])
    expect(decodeImage({ Tags: '' }).Tags).toEqual([])
  })

  it('records a Tags value that is neither list nor string', () => {
    const image = decodeImage({ Tags: 3 })
    expect(image.Tags).toBeNull()
    expect(image.malformed).toEqual({ Tags: 3 })
  })

  it('decodes Softwares field by field', () => {
    const image = decodeImage({
      Softwares: {
        Framework: 'PyTorch',
        FrameworkVersion: 2.4,
        CUDAVersion: { major: 12 },
        Applications: 'Jupyter,ComfyUI',
      },
    })
    expect(image.Softwares).toEqual({
      Framework: 'PyTorch',
      FrameworkVersion: '2.4',
      CUDAVersion: null,
      Applications: ['Jupyter', 'ComfyUI'],
    })
    expect(image.malformed).toEqual({ 'Softwares.CUDAVersion': { major: 12 } })
  })

  it('records a Softwares or Owner that is not an object', () => {
    const image = decodeImage({ Softwares: 'PyTorch', Owner: ['a'] })
    expect(image.Softwares).toBeNull()
    expect(image.Owner).toBeNull()
    expect(image.malformed).toEqual({ Softwares: 'PyTorch', Owner: ['a'] })
  })

  it('decodes Owner, stringifying a numeric account id', () => {
    const image = decodeImage({ Owner: { AccountId: 200001, AccountName: 'alice' } })
    expect(image.Owner).toEqual({ AccountId: '200001', AccountName: 'alice' })
  })
})

describe('decodeImage shape', () => {
  it('leaves Readme absent when the record has none', () => {
    expect('Readme' in decodeImage({ Name: 'a' })).toBe(false)
    expect(decodeImage({ Readme: '# hi' }).Readme).toBe('# hi')
    expect(decodeImage({ Readme: null }).Readme).toBeNull()
  })

  it('passes unknown fields through unchanged', () => {
    const extra = { nested: [1, { a: 2 }] }
    const image = decodeImage({ Name: 'a', NewField: extra, Region: 'cn-wlcb' })
    expect(image.NewField).toBe(extra)
    expect(image.Region).toBe('cn-wlcb')
  })

  it('keeps a raw field named malformed inside the malformed record', () => {
    const image = decodeImage({ malformed: 'x' })
    expect(image.malformed).toEqual({ malformed: 'x' })
  })

  it.each([null, 'oops', 42, ['a'], true])(
    'keeps a non-object record %j as an all-null row',
    (raw) => {
      const image = decodeImage(raw)
      expect(image.Name).toBeNull()
      expect(image.Size).toBeNull()
      expect(image.Tags).toBeNull()
      expect(image.Softwares).toBeNull()
      expect(image.malformed).toEqual({ '': raw })
      expect('Readme' in image).toBe(false)
    },
  )

  it('never lets __proto__ or constructor keys reach a prototype', () => {
    const raw = JSON.parse(
      '{"Name":"a","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},' +
        '"Softwares":{"__proto__":{"polluted":true},"Framework":"x"},' +
        '"Owner":{"__proto__":{"AccountId":"evil"}}}',
    ) as unknown
    const image = decodeImage(raw)
    expect(Object.getPrototypeOf(image)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((image as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(image, '__proto__')).toBe(false)
    expect(Object.hasOwn(image, 'constructor')).toBe(false)
    expect(image.Softwares?.Framework).toBe('x')
    expect((image.Softwares as unknown as Record<string, unknown>).polluted).toBeUndefined()
    // An inherited value is not an own field: Owner.AccountId stays missing.
    expect(image.Owner?.AccountId).toBeNull()
  })

  it('does not read inherited properties of a class instance', () => {
    class Row {
      get Name() {
        return 'from a getter'
      }
    }
    expect(decodeImage(new Row()).Name).toBeNull()
  })
})

describe('decodeImageSet', () => {
  it.each([undefined, null, 'x', { a: 1 }, 5])('treats ImageSet %j as empty', (set) => {
    expect(decodeImageSet({ ImageSet: set, TotalCount: 3 })).toEqual({ images: [], totalCount: 3 })
  })

  it('reads TotalCount tolerantly', () => {
    expect(decodeImageSet({ ImageSet: [], TotalCount: '12' }).totalCount).toBe(12)
    expect(decodeImageSet({ ImageSet: [] }).totalCount).toBeNull()
    expect(decodeImageSet({ ImageSet: [], TotalCount: 'many' }).totalCount).toBeNull()
  })

  it('never drops a row, even a broken one', () => {
    const { images } = decodeImageSet({ ImageSet: [{ Name: 'a' }, 'junk', null] })
    expect(images).toHaveLength(3)
    expect(images[1]!.malformed).toEqual({ '': 'junk' })
  })
})

describe('decodeProgress', () => {
  it('maps Process and the duration strings to numbers', () => {
    expect(
      decodeProgress({ RetCode: 0, Process: 42.5, TotalDuration: '600', RemainingDuration: '345' }),
    ).toEqual({ percent: 42.5, total: 600, remaining: 345 })
  })

  it('clamps percent to 0–100', () => {
    expect(decodeProgress({ Process: 130 })?.percent).toBe(100)
    expect(decodeProgress({ Process: -3 })?.percent).toBe(0)
    expect(decodeProgress({ Process: '55' })?.percent).toBe(55)
  })

  it('nulls what is unusable, and returns null when nothing is', () => {
    expect(decodeProgress({ Process: 'x', TotalDuration: '60', RemainingDuration: {} })).toEqual({
      percent: null,
      total: 60,
      remaining: null,
    })
    expect(decodeProgress({ RetCode: 0 })).toBeNull()
    expect(decodeProgress({ Process: 'soon', TotalDuration: '' })).toBeNull()
  })
})

describe('decodeZones', () => {
  it('maps ZoneInfo entries, falling back to the zone for describe', () => {
    const zones = decodeZones({
      ZoneInfo: [
        {
          Region: 'cn-wlcb',
          Zone: 'cn-wlcb-01',
          RegionId: 1,
          ZoneId: 2,
          Describe: '乌兰察布A',
          IsPod: false,
        },
        { Region: 'cn-sh2', Zone: 'cn-sh2-02', Describe: '' },
      ],
    })
    expect(zones).toEqual([
      { region: 'cn-wlcb', zone: 'cn-wlcb-01', describe: '乌兰察布A' },
      { region: 'cn-sh2', zone: 'cn-sh2-02', describe: 'cn-sh2-02' },
    ])
  })

  it('skips entries without region or zone, and non-objects', () => {
    const zones = decodeZones({
      ZoneInfo: [{ Region: 'cn-wlcb' }, { Zone: 'z' }, { Region: '', Zone: 'z' }, 'x', null],
    })
    expect(zones).toEqual([])
  })

  it('returns [] when ZoneInfo is missing or not a list', () => {
    expect(decodeZones({})).toEqual([])
    expect(decodeZones({ ZoneInfo: { Region: 'a', Zone: 'b' } })).toEqual([])
  })
})
