import { AuditLogSchema } from '#database/schema'

/**
 * One back-office write: who did what to which entity, when and from where.
 * Rows are only ever inserted.
 */
export default class AuditLog extends AuditLogSchema {}
