import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import { registerServe } from './serve'

// Entry only: the built file sits in out/main/, beside out/renderer/.
const root = join(import.meta.dirname, '..', '..')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }

const program = new Command()
  .name('hooklab')
  .description('Webhooks on your own machine: register, fire, watch, replay')
  .version(version)
registerServe(program, { version, rendererDir: join(root, 'out', 'renderer') })

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`hooklab: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
