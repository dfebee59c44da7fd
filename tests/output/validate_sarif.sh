#!/usr/bin/env bash
# validate_sarif.sh TOOLS_DIR FILE...: validates SARIF logs with the SARIF Multitool (installed in
# TOOLS_DIR by install_multitool.sh), with its SARIF rules and GitHub code scanning's ingestion
# rules, then with check_sarif.js (the schema, enum values, URI formats and leaklint's own
# promises, which the Multitool skips on many logs).
#
# The Multitool exits 0 whatever it finds, so its console report is read instead: any line
# `FILE(line[,col]): error|warning ID: ...` fails, as does a tool-level error or warning (other
# than the WRN999 that disabling a rule causes) and a run that does not end with
# `Done. N files scanned` for all N files. Prints every problem; exits 1 when there is one.
set -u
here=$(cd "$(dirname "$0")" && pwd)
tools=$1
shift
package=$tools/node_modules/@microsoft/sarif-multitool-linux
multitool=$package/Sarif.Multitool
if [ ! -x "$multitool" ]; then
  echo "validate_sarif: no Multitool at $multitool (output.install-multitool must run first)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# GitHub's rules that the Multitool leaves off by default become errors. SARIF2006 fetches every
# URI over the network: off, tests have no network.
cat >"$work/rules.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="GH1001.ProvideRequiredLocationProperties.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1002.InlineThreadFlowLocations.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1003.ProvideRequiredRegionProperties.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1005.LocationsMustBeRelativeUrisOrFilePaths.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1006.ProvideCheckoutPath.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="GH1007.ProvideFullyFormattedMessageStrings.Options"><Property Key="RuleEnabled" Value="Error" Type="Driver.RuleEnabledState" /></Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options"><Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" /></Properties>
</Properties>
XML
status=0
# One Multitool run for all files: it starts slowly, and prefixes each problem with its file.
DOTNET_CLI_TELEMETRY_OPTOUT=1 "$multitool" validate --rule-kind "Gh;Sarif" \
  --config "$work/rules.xml" -o "$work/report.sarif" "$@" >"$work/log" 2>&1
if ! grep -Eq "^Done\. $# files? scanned" "$work/log"; then
  echo "validate_sarif: the Multitool did not scan all $# files; its output:"
  cat "$work/log"
  status=1
fi
if grep -E '\([0-9]+(,[0-9]+)?\): (error|warning) [A-Za-z]+[0-9]+' "$work/log"; then
  status=1
fi
if grep -E '^\S+ : (error|warning) [A-Z]+[0-9]+' "$work/log" | grep -v ' WRN999\.'; then
  status=1
fi
node "$here/check_sarif.js" "$package/sarif-2.1.0.json" "$@" || status=1
exit $status
