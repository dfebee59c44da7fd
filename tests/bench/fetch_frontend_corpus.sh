#!/usr/bin/env bash
# fetch_frontend_corpus.sh DIR: the pinned front-end corpus of frontend_corpus.txt in DIR/<name@version>/, as fetch_corpus.sh fetches.
exec "$(dirname "$0")/fetch_corpus.sh" "${1:?usage: fetch_frontend_corpus.sh DIR}" "$(dirname "$0")/frontend_corpus.txt"
