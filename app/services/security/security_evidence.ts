import { inject } from '@adonisjs/core'
import type { I18n } from '@adonisjs/i18n'
import { DateTime } from 'luxon'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { type AuditedAdvisory, CORE_PACKAGE } from '#domain/security_advisories'
import type IntegrityCheck from '#models/integrity_check'
import IntegrityBaseline from '#models/integrity_baseline'
import MaintenanceJournalEntry from '#models/maintenance_journal_entry'
import Plugin from '#models/plugin'
import SettingsService from '#services/settings_service'
import { lastIntegrityCheck } from '#services/security/file_integrity'
import SecurityAudit, { type FeedStatus } from '#services/security/security_audit'

export interface EvidenceComponent {
  name: string
  version: string
  /** "core", "enabled" or "disabled". */
  state: 'core' | 'enabled' | 'disabled'
  installedAt: DateTime | null
  /** When its files' checksums were last recorded; null: never. */
  baselineAt: DateTime | null
}

/**
 * What a merchant hands the PCI-DSS assessor (requirement 6: an inventory of
 * components, the vulnerabilities that concern them with their due dates,
 * what was patched, when and by whom, and the last file integrity check),
 * dated. The CSV and PDF exports render the same evidence.
 */
export interface SecurityEvidenceData {
  generatedAt: DateTime
  shop: string | null
  feed: FeedStatus | null
  components: EvidenceComponent[]
  advisories: AuditedAdvisory[]
  /** The maintenance journal, oldest first. */
  journal: MaintenanceJournalEntry[]
  integrity: IntegrityCheck | null
}

@inject()
export default class SecurityEvidence {
  constructor(
    protected audit: SecurityAudit,
    protected settings: SettingsService
  ) {}

  async collect(): Promise<SecurityEvidenceData> {
    const report = await this.audit.report()
    const installed = await Plugin.all()
    const plugins = new Map(installed.map((plugin) => [plugin.name, plugin]))
    const recorded = await IntegrityBaseline.query().select('component', 'recorded_at')
    const baselines = new Map(recorded.map((row) => [row.component, row.recordedAt]))
    const seller = await this.settings.sellerIdentity()
    return {
      generatedAt: DateTime.utc(),
      shop: seller?.companyName ?? null,
      feed: report.feed,
      components: report.components.map((component) => {
        const plugin = plugins.get(component.name)
        return {
          name: component.name,
          version: component.version,
          state:
            component.name === CORE_PACKAGE ? 'core' : plugin?.enabled ? 'enabled' : 'disabled',
          installedAt: plugin?.installedAt ?? null,
          baselineAt: baselines.get(component.name) ?? null,
        }
      }),
      advisories: report.components.flatMap((component) => component.advisories),
      journal: await MaintenanceJournalEntry.query().orderBy('id'),
      integrity: await lastIntegrityCheck(),
    }
  }
}

/**
 * The words both exports use, in the reader's language; a state or outcome
 * added later and not yet translated shows as its code.
 */
export function evidenceText(i18n: I18n) {
  const t = (key: string, data?: Record<string, unknown>) =>
    i18n.t(`admin_security.evidence.${key}`, data)
  const code = (group: string, value: string) =>
    i18n.t(`admin_security.evidence.${group}.${value.replace(/[- ]/g, '_')}`, {}, value)
  const todo = (entry: AuditedAdvisory) => {
    if (!entry.remedy) return ''
    const { hotfix, upgradeTo } = entry.remedy
    const steps = [
      hotfix && i18n.t('admin_security.todo.hotfix', { patch: hotfix }),
      upgradeTo && i18n.t('admin_security.todo.upgrade', { version: upgradeTo }),
    ].filter(Boolean)
    return steps.length ? steps.join(' ') : i18n.t('admin_security.todo.no_fix')
  }
  return {
    t,
    component: (name: string) =>
      name === CORE_PACKAGE ? i18n.t('admin_security.components.core') : name,
    componentState: (state: EvidenceComponent['state']) => code('component_states', state),
    advisoryState: (state: string) => code('advisory_states', state),
    severity: (entry: AuditedAdvisory) =>
      `${i18n.t(`admin_security.severities.${entry.advisory.severity}`)} (CVSS ${entry.advisory.cvss})`,
    /** The advisory's summary in the reader's language, then what to do. */
    advisoryDetails: (entry: AuditedAdvisory) =>
      [entry.advisory.summary[i18n.locale === 'en' ? 'en' : 'fr'], todo(entry)]
        .filter(Boolean)
        .join(' — '),
    kind: (kind: string) => code('kinds', kind),
    outcome: (outcome: string) => code('outcomes', outcome),
    integrityStatus: (status: string) => code('integrity_statuses', status),
    change: (change: string) => code('changes', change),
    /** Paris wall-clock time, as the merchant reads it: "2026-11-24 15:02". */
    time: (instant: DateTime | null) =>
      instant ? instant.setZone(SHOP_TIME_ZONE).toFormat('yyyy-LL-dd HH:mm') : '',
  }
}
