import type { I18n } from '@adonisjs/i18n'
import { stringify } from 'csv-stringify/sync'
import { type SecurityEvidenceData, evidenceText } from '#services/security/security_evidence'
import { inertCell } from '#support/spreadsheet_cells'

const COLUMNS = [
  'section',
  'component',
  'version',
  'reference',
  'status',
  'severity',
  'date',
  'due_date',
  'checksum',
  'by',
  'details',
] as const

type Row = Partial<Record<(typeof COLUMNS)[number], string>>

/**
 * The evidence as one table a spreadsheet opens (UTF-8 BOM, ";" as the
 * other exports): a "section" column tells the report line, components,
 * advisories, journal entries and the integrity check apart. Every cell is
 * made inert: plugin names, summaries and errors come from outside.
 */
export function securityEvidenceCsv(evidence: SecurityEvidenceData, i18n: I18n): string {
  const text = evidenceText(i18n)
  const section = (key: string) => text.t(`sections.${key}`)
  const rows: Row[] = [
    {
      section: section('report'),
      date: text.time(evidence.generatedAt),
      details: text.t('report_title', { shop: evidence.shop ?? '-' }),
    },
    ...evidence.components.map((component) => ({
      section: section('component'),
      component: text.component(component.name),
      version: component.version,
      status: text.componentState(component.state),
      date: text.time(component.installedAt),
      details: component.baselineAt
        ? text.t('baseline_at', { date: text.time(component.baselineAt) })
        : text.t('no_baseline'),
    })),
    ...evidence.advisories.map((entry) => ({
      section: section('advisory'),
      component: text.component(entry.component),
      version: entry.installedVersion,
      reference: entry.advisory.id,
      status: text.advisoryState(entry.state),
      severity: text.severity(entry),
      date: entry.advisory.published,
      due_date: entry.dueDate ?? '',
      details: text.advisoryDetails(entry),
    })),
    ...evidence.journal.map((entry) => ({
      section: text.kind(entry.kind),
      component: text.component(entry.owner),
      reference: entry.item,
      status: text.outcome(entry.outcome),
      date: text.time(entry.createdAt),
      checksum: entry.checksum ?? '',
      by: entry.actor,
      details: entry.error ?? '',
    })),
    ...integrityRows(evidence, text, section),
  ]
  return stringify(
    rows.map((row) => Object.fromEntries(COLUMNS.map((key) => [key, inertCell(row[key] ?? '')]))),
    {
      bom: true,
      delimiter: ';',
      header: true,
      columns: COLUMNS.map((key) => ({ key, header: text.t(`columns.${key}`) })),
    }
  )
}

function integrityRows(
  { integrity }: SecurityEvidenceData,
  text: ReturnType<typeof evidenceText>,
  section: (key: string) => string
): Row[] {
  if (!integrity) return [{ section: section('integrity'), status: text.t('integrity_never') }]
  return [
    {
      section: section('integrity'),
      status: text.integrityStatus(integrity.status),
      date: text.time(integrity.checkedAt),
      by: integrity.checkedBy,
      details: text.t('files_checked', { count: integrity.filesChecked }),
    },
    ...integrity.changes.map((change) => ({
      section: section('integrity_file'),
      component: text.component(change.component),
      reference: change.path,
      status: text.change(change.change),
    })),
    ...integrity.unbaselined.map((component) => ({
      section: section('integrity_file'),
      component: text.component(component),
      status: text.t('no_baseline'),
    })),
  ]
}
