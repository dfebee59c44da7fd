// An unclosed brace: a syntax-error finding at the end, the implicit global before it still found.
function start() {
  leak = [];
  if (leak.length === 0) {
