import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'
import type { InferLoggers } from '@adonisjs/core/types'

/**
 * Ace commands keep stdout for their output (`security:audit --json` is
 * parsed by CI jobs): their logs go to stderr. The web server logs to stdout.
 */
const destination = app.getEnvironment() === 'console' ? 2 : 1

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'comptoir',
      level: env.get('LOG_LEVEL'),
      transport: {
        targets: targets()
          .pushIf(!app.inProduction, targets.pretty({ destination }))
          .pushIf(app.inProduction, targets.file({ destination }))
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
