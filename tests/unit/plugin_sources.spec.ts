import { test } from '@japa/runner'
import { npmFailure } from '#plugin_kernel/npm_cli'
import { looksLikePath, parseNpmPackageSpec } from '#plugin_kernel/npm_package_spec'

test.group('Plugin sources: npm package specs', () => {
  test('a registry name, with or without a scope, version, range or dist-tag', ({ assert }) => {
    assert.deepEqual(parseNpmPackageSpec('shipping-colissimo'), {
      name: 'shipping-colissimo',
      wanted: null,
    })
    assert.deepEqual(parseNpmPackageSpec('@acme/comptoir-plugin-x@^1.2.0'), {
      name: '@acme/comptoir-plugin-x',
      wanted: '^1.2.0',
    })
    assert.deepEqual(parseNpmPackageSpec('comptoir.colissimo@1.2.0'), {
      name: 'comptoir.colissimo',
      wanted: '1.2.0',
    })
    assert.deepEqual(parseNpmPackageSpec('shipping-colissimo@>=1.0.0 <2.0.0'), {
      name: 'shipping-colissimo',
      wanted: '>=1.0.0 <2.0.0',
    })
    assert.deepEqual(parseNpmPackageSpec('@acme/x@next'), { name: '@acme/x', wanted: 'next' })
  })

  test('anything npm would fetch from elsewhere than the registry is refused', ({ assert }) => {
    for (const spec of [
      'git+https://github.com/acme/x.git',
      'acme/x',
      'npm:other@1.0.0',
      'file:../x',
      'https://example.com/x.tgz',
      'Shipping',
      '_private',
      '.hidden',
      '@acme',
      '@acme/',
      'x@',
      'x@^1.0.0; rm -rf /',
      '--registry=http://evil.example',
      '@-scope/x',
      `${'a'.repeat(215)}`,
    ]) {
      assert.isNull(parseNpmPackageSpec(spec), spec)
    }
  })

  test('a missing file or folder is told apart from a package name', ({ assert }) => {
    for (const source of [
      './vendor/x',
      '../x',
      '/srv/plugins/x',
      '~/x',
      'vendor/x',
      'x-1.2.0.tgz',
      'x.tar.gz',
      'C:\\plugins\\x',
      '.',
    ]) {
      assert.isTrue(looksLikePath(source), source)
    }
    for (const source of ['x', '@acme/x@^1.0.0', 'git+https://github.com/acme/x.git', 'file:x']) {
      assert.isFalse(looksLikePath(source), source)
    }
  })
})

test.group('Plugin sources: npm failures', () => {
  test("npm's --json error gives the summary, the detail's first line and the code", ({
    assert,
  }) => {
    const stdout = JSON.stringify({
      error: {
        code: 'E404',
        summary: 'Not Found - GET https://registry.npmjs.org/@acme%2fx - Not found',
        detail:
          "The requested resource '@acme/x@^1.0.0' could not be found or you do not have permission to access it.\n\nNote that you can also install from a",
      },
    })
    assert.equal(
      npmFailure(stdout, ''),
      "Not Found - GET https://registry.npmjs.org/@acme%2fx - Not found: The requested resource '@acme/x@^1.0.0' could not be found or you do not have permission to access it. (E404)"
    )
  })

  test('without JSON, the first meaningful "npm error" line', ({ assert }) => {
    const stderr = [
      'npm warn Unknown env config "nodedir".',
      'npm error code ECONNREFUSED',
      'npm error syscall connect',
      'npm error errno ECONNREFUSED',
      'npm error FetchError: request to http://127.0.0.1:1/x failed, reason: connect ECONNREFUSED',
      'npm error A complete log of this run can be found in: /root/.npm/_logs/debug-0.log',
    ].join('\n')
    assert.equal(
      npmFailure('', stderr),
      'FetchError: request to http://127.0.0.1:1/x failed, reason: connect ECONNREFUSED (ECONNREFUSED)'
    )
    assert.equal(
      npmFailure('', 'npm ERR! 404 Not Found - GET /x\nnpm ERR! 404'),
      '404 Not Found - GET /x'
    )
    assert.isNull(npmFailure('added 2 packages', 'npm warn deprecated'))
  })
})
