import 'fake-indexeddb/auto'
import { cleanup, configure } from '@solidjs/testing-library'
import { afterEach } from 'vitest'

// findBy… and waitFor resolve the moment the screen shows what they look for; the deadline is
// only how long a busy two-core CI may take to get there (the default second is too tight).
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  cleanup()
  location.hash = ''
})
