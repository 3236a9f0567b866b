import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { signParams } from '../upstream/sign'

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))

function run(env: Record<string, string>) {
  const child = spawn(TSX, [MAIN], { env: { ...process.env, ...env }, stdio: 'pipe' })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  return { child, out: () => stdout, err: () => stderr }
}

describe('npm run sandbox (main.ts)', () => {
  it('exits 1 with one line naming a bad variable', async () => {
    const { child, err } = run({ SANDBOX_PORT: '0', SANDBOX_FAIL_RATE: 'lots' })
    const [code] = await once(child, 'exit')
    expect(code).toBe(1)
    expect(err().trim().split('\n')).toHaveLength(1)
    expect(err()).toContain('SANDBOX_FAIL_RATE')
  })

  it('prints its URL and generated keys, serves signed calls and stops on SIGTERM', async () => {
    const { child, out } = run({ SANDBOX_PORT: '0', SANDBOX_RETCODE: '', SANDBOX_COUNT: '30' })
    while (!out().includes('UCLOUD_API_BASE=')) await once(child.stdout, 'data')
    const value = (name: string) => out().match(new RegExp(`^${name}=(.+)$`, 'm'))![1]!
    const keys = { publicKey: value('UCLOUD_PUBLIC_KEY'), privateKey: value('UCLOUD_PRIVATE_KEY') }
    const params = signParams(
      { Action: 'DescribeCompShareCustomImages', Region: 'cn-wlcb', Zone: 'cn-wlcb-01' },
      keys,
    )
    const res = await fetch(`${value('UCLOUD_API_BASE')}/`, {
      method: 'POST',
      body: new URLSearchParams(params),
    })
    expect(await res.json()).toMatchObject({ RetCode: 0, TotalCount: 30 })
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })
})
