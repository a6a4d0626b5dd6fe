import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['test/unit/**/*.test.{ts,tsx}'],
      environment: 'jsdom',
      globals: true, // lets Testing Library clean up after each test
      setupFiles: ['test/unit/setup.ts'],
      restoreMocks: true,
      unstubGlobals: true,
      unstubEnvs: true,
    },
  }),
)
