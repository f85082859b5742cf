import app from '@adonisjs/core/services/app'

/**
 * A module of the load test (bin/loadtest/<name>.js, plain JavaScript outside
 * the TypeScript app), imported by its file URL.
 */
export function loadtestModule(name: string): Promise<any> {
  return import(app.makeURL(`bin/loadtest/${name}.js`).href)
}
