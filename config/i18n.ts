import app from '@adonisjs/core/services/app'
import { defineConfig, formatters, loaders } from '@adonisjs/i18n'
import { pluginFoldersWith } from '#plugin_kernel/plugin_folders'

/**
 * French first, English too. Translations live in resources/lang/{fr,en}, and
 * each plugin's in its own resources/lang/{fr,en}/<plugin>.json.
 */
const i18nConfig = defineConfig({
  defaultLocale: 'fr',
  supportedLocales: ['fr', 'en'],
  formatter: formatters.icu(),
  loaders: [
    loaders.fs({ location: app.languageFilesPath() }),
    ...pluginFoldersWith(app.makePath('plugins'), 'resources/lang').map((location) =>
      loaders.fs({ location })
    ),
  ],
})

export default i18nConfig
