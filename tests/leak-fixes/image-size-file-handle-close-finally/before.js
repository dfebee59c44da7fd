// Excerpt of image-size/image-size lib/index.ts before 71e14107c12172c10dd18054634abb7aa7ca764b (MIT).
// TypeScript type annotations removed.
import * as fs from 'fs'
import * as path from 'path'
import Queue from 'queue'
// ...

// Maximum buffer size, with a default of 512 kilobytes.
// TO-DO: make this adaptive based on the initial signature of the image
const MaxBufferSize = 512 * 1024

// This queue is for async `fs` operations, to avoid reaching file-descriptor limits
const queue = new Queue({ concurrency: 100, autostart: true })
// ...

/**
 * Reads a file into a buffer.
 * @param {String} filepath
 * @returns {Promise<Buffer>}
 */
async function asyncFileToBuffer(filepath) {
  const handle = await fs.promises.open(filepath, 'r')
  const { size } = await handle.stat()
  if (size <= 0) {
    await handle.close()
    throw new Error('Empty file')
  }
  const bufferSize = Math.min(size, MaxBufferSize)
  const buffer = Buffer.alloc(bufferSize)
  await handle.read(buffer, 0, bufferSize, 0)
  await handle.close()
  return buffer
}

/**
 * Synchronously reads a file into a buffer, blocking the nodejs process.
 *
 * @param {String} filepath
 * @returns {Buffer}
 */
function syncFileToBuffer(filepath) {
  // read from the file, synchronously
  const descriptor = fs.openSync(filepath, 'r')
  const { size } = fs.fstatSync(descriptor)
  if (size <= 0) {
    fs.closeSync(descriptor)
    throw new Error('Empty file')
  }
  const bufferSize = Math.min(size, MaxBufferSize)
  const buffer = Buffer.alloc(bufferSize)
  fs.readSync(descriptor, buffer, 0, bufferSize, 0)
  fs.closeSync(descriptor)
  return buffer
}
// ...

/**
 * @param {Buffer|string} input - buffer or relative/absolute path of the image file
 * @param {Function=} [callback] - optional function for async detection
 */
export function imageSize(input, callback) {
  // Handle buffer input
  if (Buffer.isBuffer(input)) {
    return lookup(input)
  }

  // input should be a string at this point
  if (typeof input !== 'string' || globalOptions.disabledFS) {
    throw new TypeError('invalid invocation. input should be a Buffer')
  }

  // resolve the file path
  const filepath = path.resolve(input)
  if (typeof callback === 'function') {
    queue.push(() => asyncFileToBuffer(filepath)
      .then((buffer) => process.nextTick(callback, null, lookup(buffer, filepath)))
      .catch(callback))
  } else {
    const buffer = syncFileToBuffer(filepath)
    return lookup(buffer, filepath)
  }
}
// ...
