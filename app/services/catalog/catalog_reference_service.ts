import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Attribute from '#models/attribute'
import AttributeOption from '#models/attribute_option'
import AttributeSet from '#models/attribute_set'
import SearchSynonym from '#models/search_synonym'
import StockLocation, { type StockLocationType } from '#models/stock_location'
import AuditLogService from '#services/audit_log_service'
import CatalogIndexer from '#services/catalog/catalog_indexer'
import type { AttributeType } from '#domain/attribute_types'
import type { LocalizedText } from '#support/lucid_columns'
import type { CatalogActor } from '#services/catalog/product_input'
import PagePurge from '#services/page_cache/page_purge'

export interface AttributeInput {
  code: string
  type: AttributeType
  unit: string | null
  labels: LocalizedText
  filterable: boolean
  searchable: boolean
  visible: boolean
  variantOption: boolean
}

export interface LocationInput {
  code: string
  name: string
  type: StockLocationType
  fulfilsOnline: boolean
  clickAndCollect: boolean
}

/**
 * Back-office writes to what products are described and found with:
 * attributes and their options, stock locations and search synonyms (the
 * category tree has CategoryService). Each write is one transaction with its
 * audit entry, and refreshes the indexes it affects.
 */
@inject()
export default class CatalogReferenceService {
  constructor(
    protected auditLog: AuditLogService,
    protected indexer: CatalogIndexer,
    protected pagePurge: PagePurge
  ) {}

  async saveAttribute(attributeId: number | null, input: AttributeInput, actor: CatalogActor) {
    return db.transaction(async (client) => {
      const attribute = attributeId
        ? await Attribute.findOrFail(attributeId, { client })
        : new Attribute()
      // A code is an identifier (CSV files, URLs): it never changes once created.
      attribute.merge(attributeId ? { ...input, code: attribute.code } : input)
      attribute.useTransaction(client)
      await attribute.save()
      // Which attributes are searchable decides the search terms of the products using them.
      if (attributeId) await this.reindexProductsWith(attribute.id, client)
      await this.audit(
        attributeId ? 'attribute.update' : 'attribute.create',
        'attribute',
        attribute.id,
        actor,
        client
      )
      return attribute
    })
  }

  async addOption(
    attributeId: number,
    input: { code: string; labels: LocalizedText },
    actor: CatalogActor
  ) {
    return db.transaction(async (client) => {
      const last = await client
        .from('attribute_options')
        .where('attribute_id', attributeId)
        .max('position as position')
        .first()
      const option = await AttributeOption.create(
        { attributeId, ...input, position: Number(last?.position ?? -1) + 1 },
        { client }
      )
      await this.audit('attribute.option_add', 'attribute', attributeId, actor, client, {
        code: input.code,
      })
      return option
    })
  }

  /**
   * Creates or updates an attribute set with its attributes, in the order given.
   */
  async saveAttributeSet(
    setId: number | null,
    input: { code: string; labels: LocalizedText; attributeIds: number[] },
    actor: CatalogActor
  ) {
    return db.transaction(async (client) => {
      const set = setId ? await AttributeSet.findOrFail(setId, { client }) : new AttributeSet()
      set.merge({ code: setId ? set.code : input.code, labels: input.labels })
      set.useTransaction(client)
      await set.save()
      await set
        .related('attributes')
        .sync(Object.fromEntries(input.attributeIds.map((id, position) => [id, { position }])))
      await this.audit(
        setId ? 'attribute_set.update' : 'attribute_set.create',
        'attribute_set',
        set.id,
        actor,
        client
      )
      return set
    })
  }

  async saveLocation(locationId: number | null, input: LocationInput, actor: CatalogActor) {
    return db.transaction(async (client) => {
      const location = locationId
        ? await StockLocation.findOrFail(locationId, { client })
        : new StockLocation()
      location.merge(locationId ? { ...input, code: location.code } : input)
      location.useTransaction(client)
      await location.save()
      // Whether a location ships online orders decides which products are in stock online.
      if (locationId) {
        const products = await client
          .from('stock_levels')
          .join('variants', 'variants.id', 'stock_levels.variant_id')
          .where('stock_levels.stock_location_id', location.id)
          .distinct('variants.product_id')
        await this.indexer.reindex(
          products.map((row) => Number(row.product_id)),
          client
        )
      }
      await this.audit(
        locationId ? 'location.update' : 'location.create',
        'stock_location',
        location.id,
        actor,
        client
      )
      return location
    })
  }

  async addSynonyms(locale: string, terms: string, actor: CatalogActor) {
    return db.transaction(async (client) => {
      await this.pagePurge.listings(client)
      const synonym = await SearchSynonym.create({ locale, terms }, { client })
      await this.audit('synonym.create', 'search_synonym', synonym.id, actor, client, { terms })
      return synonym
    })
  }

  async deleteSynonyms(synonymId: number, actor: CatalogActor) {
    await db.transaction(async (client) => {
      await this.pagePurge.listings(client)
      await client.from('search_synonyms').where('id', synonymId).delete()
      await this.audit('synonym.delete', 'search_synonym', synonymId, actor, client)
    })
  }

  private async reindexProductsWith(attributeId: number, client: TransactionClientContract) {
    const rows = await client
      .from('product_facet_values')
      .where('attribute_id', attributeId)
      .distinct('product_id')
    await this.indexer.reindex(
      rows.map((row) => Number(row.product_id)),
      client
    )
  }

  private async audit(
    action: string,
    entityType: string,
    entityId: number,
    actor: CatalogActor,
    client: TransactionClientContract,
    changes?: Record<string, unknown>
  ) {
    await this.auditLog.record(
      { actor: actor.admin, action, entityType, entityId, changes, ip: actor.ip },
      client
    )
  }
}
