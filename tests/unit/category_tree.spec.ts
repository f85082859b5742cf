import { test } from '@japa/runner'
import { categoryTree, subtreePathRange } from '#domain/category_tree'

const node = (id: number, parentId: number | null, position: number) => ({ id, parentId, position })

test.group('Category tree order', () => {
  test('lists each category before its children, siblings by position', ({ assert }) => {
    const tree = categoryTree([
      node(1, null, 1),
      node(2, 1, 1),
      node(3, 1, 0),
      node(4, null, 0),
      node(5, 3, 0),
      node(6, 4, 0),
    ])
    assert.deepEqual(
      tree.map((entry) => entry.category.id),
      [4, 6, 1, 3, 5, 2]
    )
    assert.deepEqual(
      tree.map((entry) => [entry.category.id, entry.rank, entry.siblings]),
      [
        [4, 1, 2],
        [6, 1, 1],
        [1, 2, 2],
        [3, 1, 2],
        [5, 1, 1],
        [2, 2, 2],
      ]
    )
  })

  test('orders siblings with the same position by id, the order they were created in', ({
    assert,
  }) => {
    const tree = categoryTree([node(9, null, 0), node(7, null, 0), node(8, null, 0)])
    assert.deepEqual(
      tree.map((entry) => entry.category.id),
      [7, 8, 9]
    )
  })

  test('shows a category whose parent is missing among the roots', ({ assert }) => {
    const tree = categoryTree([node(1, null, 0), node(2, 99, 0)])
    assert.deepEqual(
      tree.map((entry) => [entry.category.id, entry.rank, entry.siblings]),
      [
        [1, 1, 2],
        [2, 2, 2],
      ]
    )
  })
})

test.group('Category subtree path range', () => {
  test('holds exactly the paths of the category and its descendants', ({ assert }) => {
    const paths = ['/1/', '/1/4/', '/1/4/9/', '/1/10/', '/10/', '/11/4/', '/2/', '/9/1/']
    const { from, to } = subtreePathRange('/1/')
    assert.deepEqual(
      paths.filter((path) => path >= from && path < to),
      paths.filter((path) => path.startsWith('/1/'))
    )
    const deep = subtreePathRange('/1/4/')
    assert.deepEqual(
      paths.filter((path) => path >= deep.from && path < deep.to),
      ['/1/4/', '/1/4/9/']
    )
  })

  test('refuses a path without its closing slash', ({ assert }) => {
    assert.throws(() => subtreePathRange('/1'), /ends with "\/"/)
  })
})
