import { test } from '@japa/runner'
import { isDeliveryLate, revisedDeliveryDate } from '#domain/late_delivery'

test.group('Late deliveries (rules)', () => {
  test('D-01: an order is late once the last promised day has passed', ({ assert }) => {
    assert.isFalse(isDeliveryLate('2026-03-10', '2026-03-09'))
    assert.isFalse(isDeliveryLate('2026-03-10', '2026-03-10'))
    assert.isTrue(isDeliveryLate('2026-03-10', '2026-03-11'))
  })

  test('D-01: the new date counts the method’s longest delay again, in working days', ({
    assert,
  }) => {
    // Wed 11 Mar 2026 + 3 working days = Mon 16 Mar (weekend skipped).
    assert.equal(revisedDeliveryDate('2026-03-11', [2, 3]), '2026-03-16')
    // Thu 30 Apr + 2: Fri 1 May is a holiday, the weekend follows: Tue 5 May.
    assert.equal(revisedDeliveryDate('2026-04-30', [1, 2]), '2026-05-05')
    // Thu 2 Apr + 1: Fri 3 Apr nationally; Good Friday in Alsace-Moselle, then the
    // weekend and Easter Monday: Tue 7 Apr.
    assert.equal(revisedDeliveryDate('2026-04-02', [0, 1]), '2026-04-03')
    assert.equal(revisedDeliveryDate('2026-04-02', [0, 1], 'alsace_moselle'), '2026-04-07')
  })

  test('a same-day method still gets at least one more working day', ({ assert }) => {
    assert.equal(revisedDeliveryDate('2026-03-11', [0, 0]), '2026-03-12')
  })
})
