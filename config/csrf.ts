import app from '@adonisjs/core/services/app'

/**
 * CSRF protection (app/middleware/csrf_middleware.ts). The secret lives in
 * the visitor's own signed, httpOnly cookie rather than in the session, so an
 * anonymous page view writes nothing on the server and a cached page can
 * carry a token made for its visitor. Like the session id, no script can read
 * it and nobody can forge it; in production the `__Host-` prefix forbids a
 * subdomain or a plain-http page to plant one.
 */
const csrfConfig = {
  cookieName: app.inProduction ? '__Host-csrf' : 'csrf',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax' as const,
    maxAge: '30d',
  },
  /** Methods that must carry a token. */
  methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  /** Signed server-to-server calls (payment notifications) carry no browser token. */
  exceptRoutes: ['/payments/:code/notifications'],
}

export default csrfConfig
