/**
 * The part of `oidc-provider` (a root devDependency, shipped without types)
 * that the test provider uses.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface KoaContext {
    path: string
    body: unknown
    oidc: {
      provider: Provider
      client?: { clientId: string }
      session?: { accountId: string }
    }
  }

  interface Grant {
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }

  interface Account {
    accountId: string
    claims(): Promise<Record<string, unknown>>
  }

  export interface Configuration {
    clients: Record<string, unknown>[]
    jwks: { keys: Record<string, unknown>[] }
    cookies: { keys: string[] }
    ttl: Record<string, number>
    claims: Record<string, string[]>
    features: Record<string, { enabled: boolean }>
    interactions: { url(ctx: KoaContext, interaction: { uid: string }): string }
    findAccount(ctx: KoaContext, sub: string): Promise<Account | undefined>
    loadExistingGrant(ctx: KoaContext): Promise<Grant>
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    Grant: new (properties: { clientId: string; accountId: string }) => Grant
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options: { mergeWithLastSubmission: boolean }
    ): Promise<void>
  }
}
