/**
 * The sandbox as a separate process (or a few: SANDBOX_WORKERS cluster workers sharing one port)
 * for the cold-list measurement: the real fake API (startSandbox) without the standalone entry's
 * per-call debug logging. The real API answers from many servers; one single-threaded sandbox
 * serialises ~2 ms of JSON per page. That work runs inside the injected latency (an answer leaves
 * at max(latency, processing), docs/upstream-api.md), but 8 concurrent calls still queue on one
 * thread, so SANDBOX_WORKERS can spread them. It records when every API call arrives and answers over IPC (primary ↔ bench):
 *   {type: 'arrivals'} → {type: 'arrivals', times: epoch ms[]} (and starts a new recording)
 *   {type: 'faults', settings} → {type: 'faults', ok: true}
 */
import cluster from 'node:cluster'
import { startSandbox } from '../proxy/sandbox/server'

type Message = { type: string; settings?: object; times?: number[]; id?: number }
const workers = Math.max(1, Number(process.env.SANDBOX_WORKERS ?? 1))

if (cluster.isPrimary && workers > 1) {
  const forks = Array.from({ length: workers }, () => cluster.fork(process.env))
  let ready = 0
  await new Promise<void>((resolve) =>
    forks.forEach((w) => w.once('listening', () => ++ready === workers && resolve())),
  )
  /** Sends to every worker and gathers one reply of the same type from each. */
  const broadcast = (message: Message) =>
    Promise.all(
      forks.map(
        (w) =>
          new Promise<Message>((resolve) => {
            const onMessage = (reply: Message) => {
              if (reply.type !== message.type) return
              w.off('message', onMessage)
              resolve(reply)
            }
            w.on('message', onMessage)
            w.send(message)
          }),
      ),
    )
  process.on('message', async (message: Message) => {
    const replies = await broadcast(message)
    if (message.type === 'arrivals') {
      const times = replies.flatMap((r) => r.times ?? []).sort((a, b) => a - b)
      process.send!({ type: 'arrivals', times })
    } else process.send!({ type: message.type, ok: true })
  })
  const stop = () => {
    for (const w of forks) w.kill('SIGTERM')
    setTimeout(() => process.exit(0), 200)
  }
  process.on('SIGTERM', stop)
  process.on('disconnect', stop)
} else {
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? 0),
    count: Number(process.env.SANDBOX_COUNT ?? 240),
    seed: 42,
    keys: {
      publicKey: process.env.SANDBOX_PUBLIC_KEY!,
      privateKey: process.env.SANDBOX_PRIVATE_KEY!,
    },
  })
  let arrivals: number[] = []
  const countCall = sandbox.stats.count.bind(sandbox.stats)
  sandbox.stats.count = (action) => {
    arrivals.push(performance.timeOrigin + performance.now())
    countCall(action)
  }
  process.on('message', (message: Message) => {
    if (message.type === 'arrivals') {
      process.send!({ type: 'arrivals', times: arrivals })
      arrivals = []
    } else if (message.type === 'faults') {
      sandbox.faults.set(message.settings ?? {})
      process.send!({ type: 'faults', ok: true })
    }
  })
  const stop = () => void sandbox.close().then(() => process.exit(0))
  process.on('disconnect', stop)
  process.on('SIGTERM', stop)
}
