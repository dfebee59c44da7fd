// Excerpt of ktsn/capture-all src/capture.ts before 22e64fe422416cc0c25acfddef1b912da32f36ad (MIT).
// TypeScript types removed (the type-only import and the CaptureParams interface dropped, `import assert = require` written as a default import).
// The child process runs capture() for every 'message' the parent sends (one per capture target).
import assert from 'assert'
import * as puppeteer from 'puppeteer'

assert(process.send, 'capture.js must be executed in a child process')

async function capture(target) {
  const browser = await puppeteer.launch(target.options)
  const page = await browser.newPage()

  await page.goto(target.url)
  await page.setViewport(target.viewport)
  if (target.hidden.length > 0) {
    await page.addStyleTag({
      content: generateStyleToHide(target.hidden)
    })
  }

  const el = await page.$(target.target)
  if (el) {
    await el.screenshot({ path: target.imagePath })
  }

  await browser.close()
}

function generateStyleToHide(selectors) {
  return `${selectors.join(',')} { visibility: hidden !important; }`
}

process.on('message', data => {
  capture(data)
    .then(() => {
      if (process.connected) {
        process.send(null)
      }
    })
    .catch(err => {
      if (process.connected) {
        process.send(err.message)
      }
    })
})
