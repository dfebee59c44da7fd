# Running out of memory exits 2 with a message, not a crash. Deep nesting makes the parser
# allocate; under a small address-space limit that fails. A sanitizer build reserves more address
# space than the limit allows: CMakeLists.txt registers this case in release builds only.
if ldd "$leaklint" 2>/dev/null | grep -q libasan; then
  fail "a sanitizer build cannot be run under an address-space limit"
  return
fi
head -c 300000 /dev/zero | tr '\0' '[' >deep.js
printf '%s\n' "$leaky_js" >leaky.js
(ulimit -v 60000 && exec timeout 20 "$leaklint" -j 1 deep.js leaky.js) >out 2>err
code=$?
expect_code 2 "running out of memory"
expect_match err '^leaklint: fatal: out of memory( \(.*\))?$' "running out of memory is said on stderr"
