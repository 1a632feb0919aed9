// IndexedDB for Node: loaded before any test module, so Dexie finds it when it is first imported.
import 'fake-indexeddb/auto'
