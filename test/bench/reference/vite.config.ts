import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Builds the reference app (test/bench/reference) with both of its pages. */
export default defineConfig({
  root,
  envDir: root,
  plugins: [react()],
  build: {
    emptyOutDir: true,
    rolldownOptions: { input: { main: `${root}index.html`, renew: `${root}silent-renew.html` } },
  },
})
