// Price lookup with a memo. Leak: the memo is a global created on first use (this file is a
// sloppy script) and keyed by every basket ever priced.
function priceOf(items) {
  priceMemo = priceMemo || {};
  const key = items.map((item) => item.sku).join(',');
  if (!(key in priceMemo)) {
    priceMemo[key] = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  }
  return priceMemo[key];
}

module.exports = { priceOf };
