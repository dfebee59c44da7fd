#!/usr/bin/env bash
# fetch_service_corpus.sh DIR: the pinned service corpus of service_corpus.txt in DIR/<name@version>/, as fetch_corpus.sh fetches.
exec "$(dirname "$0")/fetch_corpus.sh" "${1:?usage: fetch_service_corpus.sh DIR}" "$(dirname "$0")/service_corpus.txt"
