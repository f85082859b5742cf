let sequence = 0

/**
 * An email address no other test uses. Tests that sign in cannot rely on their
 * transaction being rolled back on MariaDB: the limiter's MySQL store runs its
 * own BEGIN/COMMIT on the connection it was created with, which ends the
 * test's transaction.
 */
export function uniqueEmail(name = 'claire') {
  sequence += 1
  return `${name}.${process.pid}.${sequence}@example.com`
}
