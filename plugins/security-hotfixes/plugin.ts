import { definePlugin } from '@comptoir/contracts/plugin_manifest'
import { HotfixGuards } from '#src/hotfix_guards'

/**
 * Security hot-fixes: each is a patch in patches/ (declaring what it fixes and
 * which versions it `affects`) and, for a code path, a request guard here.
 */
export default definePlugin({
  provides: () => ({ maintenance: [new HotfixGuards()] }),
})
