import { test } from '@japa/runner'
import {
  canonicalSerialisation,
  draftChecksum,
  formatChecksum,
  normalizeBody,
  resolveEffectiveAt,
  versionChecksum,
  type VersionContent,
} from '#domain/legal_documents'

const content: VersionContent = {
  kind: 'terms',
  version: 3,
  bodyFr: '# Conditions\n\nArticle 1.\n',
  bodyEn: '# Terms\n\nArticle 1.\n',
  effectiveAt: new Date('2026-07-01T08:00:00Z'),
}

test.group('Legal document bodies', () => {
  test('bodies are stored in one form: NFC, LF, no trailing spaces, one final newline', ({
    assert,
  }) => {
    assert.equal(normalizeBody('Ligne 1  \r\nLigne 2\t\r\n\r\n\r\n'), 'Ligne 1\nLigne 2\n')
    assert.equal(normalizeBody('\n\nTitre\rFin'), 'Titre\nFin\n')
    // "é" typed as e + combining accent is the same text as the precomposed "é".
    assert.equal(normalizeBody('e\u0301te\u0301'), '\u00e9t\u00e9\n')
    assert.equal(normalizeBody(' \n \n'), '')
    // Markdown's hard line break (two trailing spaces) is lost; a backslash break stays.
    assert.equal(normalizeBody('a\\\nb'), 'a\\\nb\n')
  })
})

test.group('Legal document checksum', () => {
  test('is the SHA-256 of a tagged JSON array in a fixed order', ({ assert }) => {
    assert.equal(
      canonicalSerialisation(content),
      JSON.stringify([
        'comptoir.legal_document.v1',
        'terms',
        3,
        '2026-07-01T08:00:00.000Z',
        '# Conditions\n\nArticle 1.\n',
        '# Terms\n\nArticle 1.\n',
      ])
    )
    assert.match(versionChecksum(content), /^[0-9a-f]{64}$/)
    // Known value (computed with sha256sum): pins the format against silent changes.
    assert.equal(
      versionChecksum(content),
      '2854c555ec5eda4e583b8ff34e1e34cc0df0492d91d7d83e3fbd9ae2e2bc5abb'
    )
  })

  test('does not depend on line endings, trailing spaces or milliseconds', ({ assert }) => {
    const reference = versionChecksum(content)
    assert.equal(
      versionChecksum({ ...content, bodyFr: '# Conditions  \r\n\r\nArticle 1.' }),
      reference
    )
    assert.equal(
      versionChecksum({ ...content, effectiveAt: new Date('2026-07-01T08:00:00.999Z') }),
      reference
    )
  })

  test('changes with each covered field', ({ assert }) => {
    const reference = versionChecksum(content)
    const variants: Partial<VersionContent>[] = [
      { kind: 'privacy' },
      { version: 4 },
      { bodyFr: '# Conditions\n\nArticle 2.\n' },
      { bodyEn: '# Terms\n\nArticle 2.\n' },
      { effectiveAt: new Date('2026-07-01T08:00:01Z') },
      // Swapping the languages is a different document.
      { bodyFr: content.bodyEn, bodyEn: content.bodyFr },
    ]
    for (const change of variants) {
      assert.notEqual(versionChecksum({ ...content, ...change }), reference, JSON.stringify(change))
    }
  })

  test('cannot be forged by moving text between the two bodies', ({ assert }) => {
    const a = versionChecksum({ ...content, bodyFr: 'ab', bodyEn: 'c' })
    const b = versionChecksum({ ...content, bodyFr: 'a', bodyEn: 'bc' })
    assert.notEqual(a, b)
    assert.notEqual(draftChecksum('ab', 'c'), draftChecksum('a', 'bc'))
  })
})

test.group('Legal document effective date', () => {
  const now = new Date('2026-05-04T10:30:20.500Z')

  test('defaults to now, to the second', ({ assert }) => {
    assert.deepEqual(resolveEffectiveAt(null, now, null), {
      at: new Date('2026-05-04T10:30:20Z'),
    })
  })

  test('may be in the future, up to a year ahead', ({ assert }) => {
    const later = new Date('2026-06-01T08:00:00Z')
    assert.deepEqual(resolveEffectiveAt(later, now, null), { at: later })
    assert.deepEqual(resolveEffectiveAt(new Date('2027-06-01T00:00:00Z'), now, null), {
      problem: 'too_far',
    })
  })

  test('is never in the past; the minute just gone counts as now', ({ assert }) => {
    assert.deepEqual(resolveEffectiveAt(new Date('2026-05-04T10:30:00Z'), now, null), {
      at: new Date('2026-05-04T10:30:20Z'),
    })
    assert.deepEqual(resolveEffectiveAt(new Date('2026-05-04T10:29:00Z'), now, null), {
      problem: 'in_past',
    })
    assert.deepEqual(resolveEffectiveAt(new Date('2025-05-04T10:30:00Z'), now, null), {
      problem: 'in_past',
    })
  })

  test('never goes before a version already scheduled', ({ assert }) => {
    const scheduled = new Date('2026-06-01T08:00:00Z')
    assert.deepEqual(resolveEffectiveAt(null, now, scheduled), { problem: 'before_scheduled' })
    assert.deepEqual(resolveEffectiveAt(scheduled, now, scheduled), { at: scheduled })
    assert.deepEqual(resolveEffectiveAt(null, now, new Date('2026-01-01T00:00:00Z')), {
      at: new Date('2026-05-04T10:30:20Z'),
    })
  })
})

test.group('Legal document checksum display', () => {
  test('shows the checksum in groups of 8 hex digits', ({ assert }) => {
    const checksum = versionChecksum(content)
    const shown = formatChecksum(checksum)
    assert.match(shown, /^([0-9a-f]{8} ){7}[0-9a-f]{8}$/)
    assert.equal(shown.replaceAll(' ', ''), checksum)
  })
})
