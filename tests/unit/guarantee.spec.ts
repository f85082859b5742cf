import { test } from '@japa/runner'
import {
  alternativesTo,
  claimActions,
  claimProblem,
  guaranteeAfterRemedy,
  guaranteeCover,
  lineGuaranteeEnd,
  isCovered,
  isPresumed,
  nextClaimStatus,
  remedyAlert,
  remedyDueOn,
  resolutionOf,
  type DeliveredParcel,
} from '#domain/guarantee'

test.group('Legal guarantee of conformity: cover', () => {
  test('G-01: two years from the day of delivery, that day included', ({ assert }) => {
    const cover = guaranteeCover('2026-03-10')
    assert.equal(cover.guaranteeEnd, '2028-03-10')
    assert.isTrue(isCovered(cover, '2026-03-10'))
    assert.isTrue(isCovered(cover, '2028-03-10'))
    assert.isFalse(isCovered(cover, '2028-03-11'))
  })

  test('G-01: delivered on 29 February, covered until the last day of February two years on', ({
    assert,
  }) => {
    assert.equal(guaranteeCover('2028-02-29').guaranteeEnd, '2030-02-28')
    assert.equal(guaranteeCover('2024-02-29').guaranteeEnd, '2026-02-28')
  })

  test('G-02: new goods are presumed defective at delivery for 24 months', ({ assert }) => {
    const cover = guaranteeCover('2026-03-10')
    assert.equal(cover.presumptionEnd, '2028-03-10')
    assert.isTrue(isPresumed(cover, '2028-03-10'))
    assert.isFalse(isPresumed(cover, '2028-03-11'))
  })

  test('G-01 / G-02: second-hand goods keep two years of guarantee, 12 months of presumption', ({
    assert,
  }) => {
    const cover = guaranteeCover('2026-03-10', 'second_hand')
    assert.equal(cover.guaranteeEnd, '2028-03-10')
    assert.equal(cover.presumptionEnd, '2027-03-10')
    assert.isTrue(isCovered(cover, '2027-06-01'))
    assert.isFalse(isPresumed(cover, '2027-06-01'))
  })

  test('G-01: goods are new unless said otherwise', ({ assert }) => {
    assert.deepEqual(guaranteeCover('2026-01-31'), guaranteeCover('2026-01-31', 'new'))
  })
})

test.group('Legal guarantee of conformity: the 30 days to repair or replace', () => {
  test('G-03: due 30 calendar days after the request, never moved off a weekend', ({ assert }) => {
    assert.equal(remedyDueOn('2026-03-02'), '2026-04-01')
    // Request on Sun 15 Nov 2026: day 30 is Tue 15 Dec; Fri 25 Dec + 30 = Sun 24 Jan 2027.
    assert.equal(remedyDueOn('2026-11-15'), '2026-12-15')
    assert.equal(remedyDueOn('2026-12-25'), '2027-01-24')
  })

  test('G-03: a claim is due soon within 7 days of its deadline, late the day after it', ({
    assert,
  }) => {
    const due = remedyDueOn('2026-03-02')
    assert.isNull(remedyAlert('open', due, '2026-03-24'))
    assert.equal(remedyAlert('open', due, '2026-03-25'), 'due_soon')
    assert.equal(remedyAlert('in_progress', due, '2026-04-01'), 'due_soon')
    assert.equal(remedyAlert('in_progress', due, '2026-04-02'), 'late')
    assert.equal(remedyAlert('refused_remedy', due, '2026-05-01'), 'late')
  })

  test('G-03: a settled claim is never late', ({ assert }) => {
    assert.isNull(remedyAlert('resolved', '2026-04-01', '2026-05-01'))
    assert.isNull(remedyAlert('closed_unresolved', '2026-04-01', '2026-05-01'))
  })
})

test.group('Legal guarantee of conformity: the life of a claim', () => {
  test('G-03: the consumer’s remedy is accepted, then done', ({ assert }) => {
    assert.equal(nextClaimStatus({ status: 'open', alternative: null }, 'accept'), 'in_progress')
    assert.equal(
      nextClaimStatus({ status: 'in_progress', alternative: null }, 'resolve'),
      'resolved'
    )
    assert.isNull(nextClaimStatus({ status: 'open', alternative: null }, 'resolve'))
  })

  test('G-03: a refused remedy offers the other one, or a price reduction or refund', ({
    assert,
  }) => {
    assert.deepEqual(alternativesTo('repair'), ['replacement', 'price_reduction', 'refund'])
    assert.deepEqual(alternativesTo('replacement'), ['repair', 'price_reduction', 'refund'])
    assert.equal(nextClaimStatus({ status: 'open', alternative: null }, 'refuse'), 'refused_remedy')
    // A repair found impossible once under way can still be refused.
    assert.equal(
      nextClaimStatus({ status: 'in_progress', alternative: null }, 'refuse'),
      'refused_remedy'
    )
  })

  test('G-03: after a refusal, the other remedy is accepted, a reduction or refund resolves', ({
    assert,
  }) => {
    assert.deepEqual(claimActions({ status: 'refused_remedy', alternative: 'replacement' }), [
      'accept',
      'close_unresolved',
    ])
    assert.deepEqual(claimActions({ status: 'refused_remedy', alternative: 'refund' }), [
      'resolve',
      'close_unresolved',
    ])
    assert.isNull(nextClaimStatus({ status: 'refused_remedy', alternative: 'repair' }, 'refuse'))
    assert.equal(resolutionOf(null, { status: 'refused_remedy', alternative: 'refund' }), 'refund')
    assert.equal(resolutionOf('repair', { status: 'in_progress', alternative: null }), 'repair')
  })

  test('M-02: any claim not settled can be closed unresolved; settled ones are final', ({
    assert,
  }) => {
    for (const status of ['open', 'in_progress', 'refused_remedy'] as const) {
      assert.equal(
        nextClaimStatus({ status, alternative: 'price_reduction' }, 'close_unresolved'),
        'closed_unresolved'
      )
    }
    assert.deepEqual(claimActions({ status: 'resolved', alternative: null }), [])
    assert.deepEqual(claimActions({ status: 'closed_unresolved', alternative: null }), [])
  })

  test('G-03: a repaired good is covered six months longer', ({ assert }) => {
    assert.equal(
      guaranteeAfterRemedy({
        guaranteeEnd: '2028-03-10',
        requested: 'repair',
        done: 'repair',
        doneOn: '2026-09-01',
      }),
      '2028-09-10'
    )
  })

  test('G-03: a replacement imposed instead of the repair asked for restarts two years', ({
    assert,
  }) => {
    assert.equal(
      guaranteeAfterRemedy({
        guaranteeEnd: '2028-03-10',
        requested: 'repair',
        done: 'replacement',
        doneOn: '2026-09-01',
      }),
      '2028-09-01'
    )
    assert.isNull(
      guaranteeAfterRemedy({
        guaranteeEnd: '2028-03-10',
        requested: 'replacement',
        done: 'replacement',
        doneOn: '2026-09-01',
      })
    )
    assert.isNull(
      guaranteeAfterRemedy({
        guaranteeEnd: '2028-03-10',
        requested: 'repair',
        done: 'price_reduction',
        doneOn: '2026-09-01',
      })
    )
  })
})

test.group('Legal guarantee of conformity: what may be claimed', () => {
  const parcel = (
    shipmentId: number,
    deliveredOn: string,
    orderLineId: number,
    quantity: number
  ) => ({
    shipmentId,
    deliveredOn,
    lines: [
      { orderLineId, quantity, guaranteeEnd: lineGuaranteeEnd(deliveredOn, []), openlyClaimed: 0 },
    ],
  })
  const parcels: DeliveredParcel[] = [
    parcel(1, '2024-01-15', 10, 2),
    parcel(2, '2025-06-01', 11, 1),
  ]

  test('G-01: delivered units under guarantee can be claimed', ({ assert }) => {
    assert.isNull(
      claimProblem(parcels, [{ shipmentId: 2, orderLineId: 11, quantity: 1 }], '2026-03-10')
    )
    assert.isNull(
      claimProblem(parcels, [{ shipmentId: 1, orderLineId: 10, quantity: 2 }], '2026-01-15')
    )
  })

  test('G-01: after the two years, the claim is refused with the end that passed', ({ assert }) => {
    const problem = claimProblem(
      parcels,
      [
        { shipmentId: 1, orderLineId: 10, quantity: 1 },
        { shipmentId: 2, orderLineId: 11, quantity: 1 },
      ],
      '2026-01-16'
    )
    assert.deepEqual(problem, {
      reason: 'expired',
      cover: {
        deliveredOn: '2024-01-15',
        guaranteeEnd: '2026-01-15',
        presumptionEnd: '2026-01-15',
      },
    })
  })

  test('nothing chosen, units never delivered or more than the parcel held are refused', ({
    assert,
  }) => {
    assert.deepEqual(claimProblem(parcels, [], '2026-03-10'), { reason: 'empty' })
    assert.deepEqual(
      claimProblem(parcels, [{ shipmentId: 1, orderLineId: 10, quantity: 0 }], '2026-03-10'),
      { reason: 'empty' }
    )
    assert.deepEqual(
      claimProblem(parcels, [{ shipmentId: 3, orderLineId: 10, quantity: 1 }], '2026-03-10'),
      { reason: 'not_delivered' }
    )
    assert.deepEqual(
      claimProblem(parcels, [{ shipmentId: 2, orderLineId: 10, quantity: 1 }], '2026-03-10'),
      { reason: 'not_delivered' }
    )
    assert.deepEqual(
      claimProblem(
        parcels,
        [
          { shipmentId: 1, orderLineId: 10, quantity: 2 },
          { shipmentId: 1, orderLineId: 10, quantity: 1 },
        ],
        '2025-03-10'
      ),
      { reason: 'not_delivered' }
    )
  })

  test('G-03: a line repaired is claimed within its six months more; the line beside it is not', ({
    assert,
  }) => {
    const repaired = lineGuaranteeEnd('2024-01-15', [
      { requested: 'repair', done: 'repair', doneOn: '2025-11-20' },
    ])
    assert.equal(repaired, '2026-07-15')
    const [line] = parcels[0].lines
    const extended: DeliveredParcel[] = [
      { ...parcels[0], lines: [{ ...line, guaranteeEnd: repaired }] },
    ]
    const unit = [{ shipmentId: 1, orderLineId: 10, quantity: 1 }]
    assert.isNull(claimProblem(extended, unit, '2026-05-01'))
    assert.deepInclude(claimProblem(parcels, unit, '2026-05-01'), { reason: 'expired' })
    assert.deepEqual(claimProblem(extended, unit, '2026-07-16'), {
      reason: 'expired',
      cover: {
        deliveredOn: '2024-01-15',
        guaranteeEnd: '2026-07-15',
        presumptionEnd: '2026-01-15',
      },
    })
  })

  test('G-03: remedies push the end in the order done; one the consumer chose changes nothing', ({
    assert,
  }) => {
    assert.equal(lineGuaranteeEnd('2024-01-15', []), '2026-01-15')
    // Repaired twice: six months more each time.
    assert.equal(
      lineGuaranteeEnd('2024-01-15', [
        { requested: 'repair', done: 'repair', doneOn: '2026-03-01' },
        { requested: 'repair', done: 'repair', doneOn: '2025-06-01' },
      ]),
      '2027-01-15'
    )
    // Replaced instead of the repair asked: a new two years from the replacement.
    assert.equal(
      lineGuaranteeEnd('2024-01-15', [
        { requested: 'repair', done: 'replacement', doneOn: '2025-10-03' },
      ]),
      '2027-10-03'
    )
    assert.equal(
      lineGuaranteeEnd('2024-01-15', [
        { requested: 'replacement', done: 'replacement', doneOn: '2025-10-03' },
      ]),
      '2026-01-15'
    )
  })

  test('units in a claim under way cannot be claimed again; the others can', ({ assert }) => {
    const [line] = parcels[0].lines
    const pending: DeliveredParcel[] = [{ ...parcels[0], lines: [{ ...line, openlyClaimed: 1 }] }]
    assert.isNull(
      claimProblem(pending, [{ shipmentId: 1, orderLineId: 10, quantity: 1 }], '2025-03-10')
    )
    assert.deepEqual(
      claimProblem(pending, [{ shipmentId: 1, orderLineId: 10, quantity: 2 }], '2025-03-10'),
      { reason: 'already_claimed' }
    )
    const both: DeliveredParcel[] = [{ ...parcels[0], lines: [{ ...line, openlyClaimed: 2 }] }]
    assert.deepEqual(
      claimProblem(both, [{ shipmentId: 1, orderLineId: 10, quantity: 1 }], '2025-03-10'),
      { reason: 'already_claimed' }
    )
  })
})
