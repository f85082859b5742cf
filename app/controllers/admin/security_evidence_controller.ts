import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { parisDate } from '#domain/paris_time'
import SecurityEvidence from '#services/security/security_evidence'
import { securityEvidenceCsv } from '#services/security/security_evidence_csv'
import { securityEvidencePdf } from '#services/security/security_evidence_pdf'
import { sendPrivatePdf } from '#support/pdf_download'

/** The PCI-DSS evidence of the Security page, dated in its file name. */
@inject()
export default class SecurityEvidenceController {
  constructor(protected evidence: SecurityEvidence) {}

  async csv({ response, i18n }: HttpContext) {
    const csv = securityEvidenceCsv(await this.evidence.collect(), i18n)
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header('content-disposition', `attachment; filename="${fileName('csv')}"`)
    response.header('cache-control', 'private, no-store')
    return response.send(csv)
  }

  async pdf({ response, i18n }: HttpContext) {
    const pdf = await securityEvidencePdf(await this.evidence.collect(), i18n)
    return sendPrivatePdf(response, fileName('pdf'), pdf)
  }
}

function fileName(extension: string) {
  return `security-evidence-${parisDate(new Date())}.${extension}`
}
