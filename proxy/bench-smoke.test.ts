import { afterAll, describe, expect, it } from 'vitest'
import { coldListSection, measureColdList } from '../bench/cold-list'
import { removeLogs } from '../bench/lib/children'
import { machineInfo } from '../bench/lib/machine'
import { consoleTable, markdownReport } from '../bench/report'
import { measureSigner, signerRows } from '../bench/signer'
import {
  checkWarmQuerySequence,
  lruHits,
  measureWarmQueries,
  warmQueryRows,
  warmQuerySequence,
} from '../bench/warm-query'
import { startStack } from './test/stack'

// A tiny version of `npm run bench` (which is not part of `npm test`): the measurements run end to
// end and render, without judging any figure.
describe('bench smoke', () => {
  afterAll(() => removeLogs())

  it('measures a small cold list, warm queries and the signer, and renders the report', async () => {
    const cold = await measureColdList({
      count: 500,
      latencyMs: 10,
      sweep: [],
      runs: 1,
      sequentialRuns: 1,
    })
    expect(cold.pages).toBe(5)
    expect(cold.sequential[0]!.calls).toBe(5)
    expect([...cold.byConcurrency.values()][0]![0]!.calls).toBe(5)

    const stack = await startStack()
    try {
      const warm = await measureWarmQueries(stack.url, 240, { samples: 10, warmup: 2 })
      expect(warm.query).toHaveLength(10)
      expect(warmQueryRows(warm, 3)).toHaveLength(4)
    } finally {
      await stack.close()
    }

    const signer = measureSigner({ windows: 2, windowMs: 30 })
    expect(signer.perSecond).toBeGreaterThan(0)

    const sections = [
      coldListSection(cold),
      { title: 'Signer', rows: signerRows(signer, 100), details: [] },
    ]
    expect(consoleTable(sections)).toContain('1 cold list')
    const md = markdownReport(sections, {
      command: 'npm run bench',
      machine: machineInfo(),
      seconds: 1,
      loadStart: 0,
      loadEnd: 0,
      notes: [],
      choices: [],
    })
    expect(md).toContain('| cores |')
  }, 20_000)

  it('warm queries measure query work: none is served from the result or term cache', () => {
    expect(lruHits(['a', 'b', 'a', 'c', 'd', 'b'], 2)).toEqual([2])
    // The settings `npm run bench` uses (bench/run.ts).
    for (const options of [
      { samples: 400, warmup: 100 },
      { samples: 150, warmup: 30 },
    ]) {
      expect(() => checkWarmQuerySequence(options)).not.toThrow()
      const sequence = warmQuerySequence(options)
      expect(new Set(sequence.filter((_, at) => at % 2 === 1)).size).toBeGreaterThan(100)
    }
  })
})
