import { defaultClientConditions } from 'vite'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  // The package from source, as the app's build reads it (vite.config.ts).
  resolve: { conditions: ['static-signin:source', ...defaultClientConditions] },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    globals: true, // lets Testing Library clean up after each test
    setupFiles: ['test/unit/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
  },
})
