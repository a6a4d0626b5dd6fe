/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { staticSignin } from 'static-signin/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react(), staticSignin()],
  test: { environment: 'jsdom' },
})
