import { AuditLogSchema } from '#database/schema'

/**
 * One back-office write: who did what to which entity, when and from where.
 * Entries are never edited or deleted; only their IP address is blanked once
 * old (AnonymizeAuditLogIps).
 */
export default class AuditLog extends AuditLogSchema {}
