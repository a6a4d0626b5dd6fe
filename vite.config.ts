import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The build is configured entirely through VITE_OIDC_* variables (see src/config/read-config.ts).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.APP_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
