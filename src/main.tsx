import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@fontsource/roboto/latin-500.css'
import './styles.css'
import { App } from './App.tsx'
import { AppErrorBoundary } from './components/AppErrorBoundary.tsx'
import { readConfig } from './config/read-config.ts'
import { SetupPage } from './pages/SetupPage.tsx'

const result = readConfig(import.meta.env)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <AppErrorBoundary>
      {result.ok ? <App config={result.config} /> : <SetupPage problems={result.problems} />}
    </AppErrorBoundary>
  </StrictMode>,
)
