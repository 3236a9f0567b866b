import { readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

export interface Machine {
  cpu: string
  cores: number
  memory: string
  node: string
  os: string
  date: string
}

export function machineInfo(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown'
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu
  } catch {
    // not Linux: os.cpus() has it
  }
  let os = `${process.platform} ${process.arch}`
  try {
    os = readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    // keep platform/arch
  }
  return {
    cpu,
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  }
}

/**
 * How long a fixed JavaScript loop takes here, now: the host's speed. On this project's machines
 * it varied by half within minutes on an idle box (612–906 ms for 3×10⁸ additions), which moves
 * every timing guard; the report shows it at the start and end of a run.
 */
export function spinMs(): number {
  const started = performance.now()
  let sum = 0
  for (let i = 0; i < 1e8; i++) sum += i % 7
  if (sum < 0) throw new Error('unreachable') // keeps the loop from being optimised away
  return performance.now() - started
}
