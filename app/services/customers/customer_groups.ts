import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Customer from '#models/customer'
import CustomerGroup from '#models/customer_group'
import AuditLogService from '#services/audit_log_service'
import type { BackOfficeActor } from '#services/coupon_admin_service'
import { sqlTimestamp } from '#support/sql_timestamp'

export interface CustomerGroupInput {
  name: string
  description: string | null
}

export type GroupDeletion = { status: 'deleted' } | { status: 'in_use'; rules: number }

/**
 * Customer groups in the back office: the groups, who belongs to each, and
 * the groups of one customer, as set on their page. Every write is one
 * transaction with its audit entry.
 */
@inject()
export default class CustomerGroups {
  constructor(protected auditLog: AuditLogService) {}

  async list() {
    return CustomerGroup.query().withCount('customers').orderBy('name')
  }

  async load(groupId: number) {
    return CustomerGroup.query()
      .where('id', groupId)
      .preload('customers', (customers) => customers.orderBy('last_name').orderBy('first_name'))
      .firstOrFail()
  }

  /** Every group, and those the customer is in, for their page. */
  async ofCustomer(customerId: number) {
    const [groups, rows] = await Promise.all([
      CustomerGroup.query().orderBy('name'),
      db
        .from('customer_group_members')
        .where('customer_id', customerId)
        .select('customer_group_id'),
    ])
    return { groups, memberOf: rows.map((row) => Number(row.customer_group_id)) }
  }

  async create(input: CustomerGroupInput, actor: BackOfficeActor) {
    return db.transaction(async (trx) => {
      const group = await CustomerGroup.create(input, { client: trx })
      await this.audit('customer_group.create', group.id, { name: group.name }, actor, trx)
      return group
    })
  }

  async update(groupId: number, input: CustomerGroupInput, actor: BackOfficeActor) {
    return db.transaction(async (trx) => {
      const group = await CustomerGroup.findOrFail(groupId, { client: trx })
      group.merge(input)
      await group.save()
      await this.audit('customer_group.update', group.id, { name: group.name }, actor, trx)
      return group
    })
  }

  /** A group a vente privée is reserved to stays while the rule does. */
  async delete(groupId: number, actor: BackOfficeActor): Promise<GroupDeletion> {
    return db.transaction(async (trx) => {
      const group = await CustomerGroup.findOrFail(groupId, { client: trx })
      const row = await trx
        .from('promotion_rules')
        .where('customer_group_id', group.id)
        .count('* as total')
        .first()
      const rules = Number(row?.total ?? 0)
      if (rules) return { status: 'in_use' as const, rules }
      await group.delete()
      await this.audit('customer_group.delete', group.id, { name: group.name }, actor, trx)
      return { status: 'deleted' as const }
    })
  }

  /** Puts a customer in exactly these groups. */
  async setCustomerGroups(customerId: number, groupIds: number[], actor: BackOfficeActor) {
    await db.transaction(async (trx) => {
      const customer = await Customer.findOrFail(customerId, { client: trx })
      const wanted = [...new Set(groupIds)]
      await trx.from('customer_group_members').where('customer_id', customer.id).delete()
      if (wanted.length) {
        await trx.table('customer_group_members').multiInsert(
          wanted.map((groupId) => ({
            customer_group_id: groupId,
            customer_id: customer.id,
            created_at: sqlTimestamp(),
          }))
        )
      }
      await this.audit('customer.groups', customer.id, { groupIds: wanted }, actor, trx, 'customer')
    })
  }

  private async audit(
    action: string,
    entityId: number,
    changes: Record<string, unknown>,
    actor: BackOfficeActor,
    trx: TransactionClientContract,
    entityType = 'customer_group'
  ) {
    await this.auditLog.record(
      { actor: actor.admin, action, entityType, entityId, changes, ip: actor.ip },
      trx
    )
  }
}
