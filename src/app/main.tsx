import { render } from 'solid-js/web'
import { HarvestDB } from '../store/db'
import { requestPersistentStorage } from '../store/persist'
import { ensureDevice } from '../store/writer'
import { App } from './App'
import './app.css'

const db = new HarvestDB()

async function boot() {
  await db.open()
  await db.transaction('rw', db.meta, () => ensureDevice(db))
  void requestPersistentStorage()
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root')
  root.textContent = ''
  render(() => <App db={db} withServiceWorker />, root)
}

boot().catch(error => {
  const root = document.getElementById('root')
  if (root) {
    root.replaceChildren()
    const message = document.createElement('p')
    message.className = 'boot-error'
    message.setAttribute('role', 'alert')
    message.textContent = `OKRA Harvest could not open its storage on this tablet: ${
      error instanceof Error ? error.message : String(error)
    }. Close other tabs of the app and reload.`
    root.append(message)
  }
})
