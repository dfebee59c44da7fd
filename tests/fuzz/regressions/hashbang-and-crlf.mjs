#!/usr/bin/env node
import x from "y"
export const cache = new Map()
setInterval(() => cache.set(Date.now(), x))