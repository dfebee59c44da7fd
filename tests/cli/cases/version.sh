# --version and -V print `leaklint X.Y.Z` with the project's version (from CMakeLists.txt), then
# the versions of what it is built on, on one line, and exit 0.
for option in --version -V; do
  run $option
  expect_code 0 "$option"
  expect_no_stderr "$option"
  expect "$option prints one line" [ "$(wc -l <out)" -eq 1 ]
  expect_match out "^leaklint ${version//./\\.}( \(.*\))?$" "$option prints 'leaklint $version'"
done
