#!/usr/bin/env bash
# fetch_app_corpus.sh DIR: the pinned application corpus of app_corpus.txt in DIR/<name@version>/, as fetch_corpus.sh fetches.
exec "$(dirname "$0")/fetch_corpus.sh" "${1:?usage: fetch_app_corpus.sh DIR}" "$(dirname "$0")/app_corpus.txt"
