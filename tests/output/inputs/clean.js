// No findings: strict mode, everything declared.
'use strict';
function add(a, b) {
  const sum = a + b;
  return sum;
}
module.exports = { add };
