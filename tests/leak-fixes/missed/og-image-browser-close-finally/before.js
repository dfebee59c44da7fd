// Excerpt of nuxt-modules/og-image src/runtime/nitro/renderers/browser.ts before 6cb94bfe160ff2f230eef2cadf2ead522240b99b (MIT).
// TypeScript types removed (a type-only import, a type assertion, non-null assertions). The og.png middleware (middleware/og.png.ts) calls provider.createPng() for every request to an __og_image__/og.png path (responses are sent no-cache).
import { screenshot } from '../../browserUtil'
import loadBrowser from '#nuxt-og-image/browser'

export default {
  name: 'browser',
  createSvg: async function createSvg() {
    throw new Error('Browser provider can\'t create SVGs.')
  },
  createVNode: async function createVNode() {
    throw new Error('Browser provider can\'t create VNodes.')
  },
  createPng: async function createPng(basePath, options) {
    const url = new URL(basePath)
    const createBrowser = await loadBrowser()
    const browser = await createBrowser()
    if (browser) {
      return screenshot(browser, {
        ...options,
        host: url.origin,
        path: `/api/og-image-html?path=${url.pathname}`,
      })
    }
    return null
  },
}
