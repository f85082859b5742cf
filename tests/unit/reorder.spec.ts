import { test } from '@japa/runner'
import { changedPositions, moveToPosition } from '#support/reorder'

test.group('Moving an item to a position', () => {
  test('moves an item up or down, counting positions from 1', ({ assert }) => {
    const items = ['a', 'b', 'c', 'd']
    assert.deepEqual(moveToPosition(items, 'd', 1), ['d', 'a', 'b', 'c'])
    assert.deepEqual(moveToPosition(items, 'a', 3), ['b', 'c', 'a', 'd'])
    assert.deepEqual(moveToPosition(items, 'b', 2), items)
    assert.deepEqual(items, ['a', 'b', 'c', 'd'])
  })

  test('clamps a position outside the list to its ends', ({ assert }) => {
    const items = [1, 2, 3]
    assert.deepEqual(moveToPosition(items, 1, 99), [2, 3, 1])
    assert.deepEqual(moveToPosition(items, 3, 0), [3, 1, 2])
    assert.deepEqual(moveToPosition(items, 3, -4), [3, 1, 2])
    assert.deepEqual(moveToPosition(items, 1, 2.7), [2, 1, 3])
  })

  test('leaves the list as it is when the item is not in it', ({ assert }) => {
    assert.deepEqual(moveToPosition([1, 2, 3], 4, 1), [1, 2, 3])
  })

  test('only the items whose position changes are rewritten', ({ assert }) => {
    const stored = new Map([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ])
    const ordered = moveToPosition(['a', 'b', 'c', 'd'], 'c', 1)
    assert.deepEqual(
      changedPositions(ordered, (item) => stored.get(item)!),
      [
        { item: 'c', position: 0 },
        { item: 'a', position: 1 },
        { item: 'b', position: 2 },
      ]
    )
    // Ties (rows filed before ranks were kept) are spread out.
    assert.deepEqual(
      changedPositions(['x', 'y', 'z'], () => 0),
      [
        { item: 'y', position: 1 },
        { item: 'z', position: 2 },
      ]
    )
  })
})
