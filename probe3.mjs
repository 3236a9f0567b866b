import { chromium } from '@playwright/test'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
for (let k = 0; k < 3; k++) {
const p = await b.newPage({ viewport: { width: 1440, height: 900 } })
const t0 = Date.now()
let api = 0
p.on('requestfinished', (r) => { if (r.url().includes('/api/images?sort')) api = Date.now() - t0 })
await p.goto('http://127.0.0.1:8090/')
await p.getByRole('row', { name: /, open details$/ }).first().waitFor({ timeout: 20000 })
console.log('api', api, 'ROWS', Date.now() - t0)
await p.close()
}
await b.close()
