import { test } from '@japa/runner'
import {
  addWorkingDays,
  easterSunday,
  isWorkingDay,
  nextWorkingDayFrom,
  publicHolidays,
} from '@comptoir/contracts/french_calendar'

test.group('French calendar', () => {
  test('W-06: the 2026 national list matches LEGAL.md §0', ({ assert }) => {
    assert.deepEqual(publicHolidays(2026), [
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ])
  })

  test('Easter falls on known dates', ({ assert }) => {
    assert.equal(easterSunday(2025), '2025-04-20')
    assert.equal(easterSunday(2026), '2026-04-05')
    assert.equal(easterSunday(2027), '2027-03-28')
    assert.equal(easterSunday(2038), '2038-04-25')
  })

  test('W-06: Alsace-Moselle adds Good Friday and 26 December', ({ assert }) => {
    const holidays = publicHolidays(2026, 'alsace_moselle')
    assert.includeMembers(holidays, ['2026-04-03', '2026-12-26'])
    assert.lengthOf(holidays, 13)
    assert.isTrue(isWorkingDay('2026-04-03'))
    assert.isFalse(isWorkingDay('2026-04-03', 'alsace_moselle'))
  })

  test('working days skip weekends and holidays', ({ assert }) => {
    assert.isFalse(isWorkingDay('2026-03-21'))
    assert.isFalse(isWorkingDay('2026-03-22'))
    assert.isFalse(isWorkingDay('2026-05-25'))
    assert.isTrue(isWorkingDay('2026-05-26'))
    assert.equal(nextWorkingDayFrom('2026-12-25'), '2026-12-28')
    assert.equal(nextWorkingDayFrom('2026-03-23'), '2026-03-23')
  })

  test('adding working days crosses weekends and holidays', ({ assert }) => {
    assert.equal(addWorkingDays('2026-11-23', 1), '2026-11-24')
    // Friday + 1 working day is Monday; Thursday 30 Apr + 2 skips 1 May and the weekend.
    assert.equal(addWorkingDays('2026-03-20', 1), '2026-03-23')
    assert.equal(addWorkingDays('2026-11-20', 5), '2026-11-27')
    assert.equal(addWorkingDays('2026-04-30', 2), '2026-05-05')
    // Ascension Thursday, Armistice on a Wednesday, Christmas then the weekend, New Year.
    assert.equal(addWorkingDays('2026-05-13', 1), '2026-05-15')
    assert.equal(addWorkingDays('2026-11-10', 1), '2026-11-12')
    assert.equal(addWorkingDays('2026-12-24', 1), '2026-12-28')
    assert.equal(addWorkingDays('2026-12-31', 1), '2027-01-04')
  })

  test('a day off counts from the next working day', ({ assert }) => {
    // Saturday + 1 and Sunday + 2: the count starts on Monday.
    assert.equal(addWorkingDays('2026-11-21', 1), '2026-11-23')
    assert.equal(addWorkingDays('2026-11-22', 2), '2026-11-24')
    // Zero days: the day itself when worked, else the next working day.
    assert.equal(addWorkingDays('2026-11-23', 0), '2026-11-23')
    assert.equal(addWorkingDays('2026-03-21', 0), '2026-03-23')
    assert.equal(addWorkingDays('2026-07-14', 0), '2026-07-15')
  })
})
