import { existsSync } from 'node:fs'
import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import limiter from '@adonisjs/limiter/services/main'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { sessionBrowserClient } from '@adonisjs/session/plugins/browser_client'
import { authBrowserClient } from '@adonisjs/auth/plugins/browser_client'
import { CHROMIUM_PATH, launchChromium } from '#tests/helpers/chromium'
import { pluginTestKit } from '#tests/helpers/plugins'
import { flushTestRedis } from '#tests/helpers/redis'
import { onConfiguredSessionStore } from '#tests/helpers/session_store'
import { csrfApiClient } from '#tests/helpers/csrf_api_client'

/**
 * Browser tests run in Debian's Chromium. Without it the browser suite is left
 * out with one line saying so, unless REQUIRE_BROWSER=1 makes that an error.
 */
const hasChromium = existsSync(CHROMIUM_PATH)
if (!hasChromium) {
  if (process.env.REQUIRE_BROWSER === '1') {
    throw new Error(`REQUIRE_BROWSER=1 but Chromium is missing at ${CHROMIUM_PATH}`)
  }
  console.log(
    `browser suite skipped: Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium)`
  )
}

export const suites = app.rcFile.tests.suites.filter(
  (suite) => suite.name !== 'browser' || hasChromium
)

export const plugins: Config['plugins'] = [
  assert(),
  pluginAdonisJS(app),
  apiClient(),
  onConfiguredSessionStore(app, sessionApiClient(app)),
  csrfApiClient(),
  authApiClient(app),
  ...(hasChromium
    ? [
        browserClient({
          runInSuites: ['browser'],
          launcher: launchChromium,
          contextOptions: { locale: 'fr-FR' },
        }),
        onConfiguredSessionStore(app, sessionBrowserClient(app)),
        authBrowserClient(app),
      ]
    : []),
]

/**
 * Every run starts from an empty, freshly migrated database.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      app.container.bindValue('comptoir.plugin_test_kit', pluginTestKit)
      const ace = await app.container.make('ace')
      await ace.exec('db:wipe', [])
      await flushTestRedis()
      return testUtils.db().migrate()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional'].includes(suite.name)) {
    // Each test starts with nothing counted (failed sign-ins, reset links).
    suite.onGroup((group) => group.each.setup(() => limiter.clear()))
    return suite.setup(() => testUtils.httpServer().start())
  }
}
