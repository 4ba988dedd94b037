#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter (Rasa 3.6 needs >=3.8,<3.11).
# Looks at $PYTHON, pyenv's versions, then python3.10 on PATH.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] < (3, 11) else 1)' 2>/dev/null; }
for candidate in "${PYTHON:-}" \
                 $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V -r) \
                 "$(command -v python3.10 2>/dev/null)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && ok "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done
cat >&2 <<'MSG'
No Python 3.10 found. Rasa 3.6 needs Python >=3.8,<3.11.
Install one, for example with pyenv:   pyenv install 3.10.13
or with Debian/Ubuntu packages:         apt-get install python3.10 python3.10-venv
or point to one explicitly:             make setup PYTHON=/path/to/python3.10
MSG
exit 1
