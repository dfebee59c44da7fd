#!/usr/bin/env bash
# validate_sarif.sh TOOLS_DIR FILE...: validates SARIF logs with the SARIF Multitool's SARIF and
# GitHub rule sets, as GitHub code scanning reads them. The Multitool exits 0 even when it finds
# problems, so this reads its report: any error or warning fails, and so does a run that did not
# finish. Prints one line per problem.
set -u
tools=$1
shift
mt=$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
[ -x "$mt" ] || { echo "validate_sarif: no Multitool at $mt (the install test must run first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# GitHub's ingestion rules that the Multitool leaves off by default are turned on as errors;
# SARIF2006 (fetches every URI over the network) is turned off: there is no network in tests.
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
for file in "$@"; do
  rm -f "$work/out.sarif"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 "$mt" validate --rule-kind "Gh;Sarif" --config "$work/rules.xml" \
    -o "$work/out.sarif" "$file" >"$work/log" 2>&1
  if ! grep -Eq '^Done\. [0-9]+ files? scanned' "$work/log"; then
    echo "$file: the Multitool did not finish:" && cat "$work/log"
    status=1
  fi
  if grep -E '\([0-9]+(,[0-9]+)?\): (error|warning) [A-Z]+[0-9]+' "$work/log" |
    sed "s|^|$file: |" | grep .; then
    status=1
  fi
  if grep -E '^\S+ : (error|warning) [A-Z]+[0-9]+' "$work/log" | grep -v 'WRN999' | grep .; then
    status=1
  fi
done
exit $status
