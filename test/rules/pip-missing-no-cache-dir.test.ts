import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/pip-missing-no-cache-dir';

ruleTests(rule, {
  valid: [
    'RUN pip2 install MySQL_python --no-cache-dir\n',
    'RUN pip3 install --no-cache-dir MySQL_python\n',
    'RUN pipx install software\n',
    'RUN pipenv install library\n',
    'ENV PIP_NO_CACHE_DIR=1\nRUN pip install MySQL_python\n',
    'FROM python:3.13\nENV PIP_NO_CACHE_DIR=yes\nRUN pip install MySQL_python\n',
    'RUN PIP_NO_CACHE_DIR=on pip install MySQL_python\n',
    'RUN env PIP_NO_CACHE_DIR=true pip install MySQL_python\n',
    'RUN export PIP_NO_CACHE_DIR=true && pip install MySQL_python\n',
    'FROM debian:buster AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install foobar\n',
    'RUN --mount=type=tmpfs,target=/root/.cache/pip pip install foobar\n',
    'RUN --mount=type=cache,target=/home/app/.cache/pip pip install foobar\n',
    'ENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install foobar\n',
    'RUN pip install foobar && pip cache purge\n',
    'RUN pip install foobar && rm -rf ~/.cache/pip\n',
    'FROM python:3.13 AS build\nRUN pip install build\nFROM scratch\nCOPY --from=build /out /out\n',
    'RUN pip freeze > requirements.txt\n',
  ],
  invalid: [
    { code: 'RUN pip install MySQL_python\n', errors: [{ line: 1, text: 'pip install' }], output: 'RUN pip install --no-cache-dir MySQL_python\n' },
    { code: 'ONBUILD RUN pip3 install MySQL_python\n', errors: [{ line: 1, text: 'pip3 install' }], output: 'ONBUILD RUN pip3 install --no-cache-dir MySQL_python\n' },
    { code: 'ENV PIP_NO_CACHE_DIR=off\nRUN pip install MySQL_python\n', errors: [{ line: 2 }] },
    { code: 'RUN PIP_NO_CACHE_DIR=0 pip install MySQL_python\n', errors: [{ line: 1 }] },
    { code: 'RUN export PIP_NO_CACHE_DIR=false && pip install MySQL_python\n', errors: [{ line: 1 }] },
    { name: 'ENV of a stage this one does not build on', code: 'FROM debian:buster AS base\nENV PIP_NO_CACHE_DIR=1\nFROM debian:buster\nRUN pip install six\n', errors: [{ line: 4 }] },
    { name: 'purge before install', code: 'RUN pip cache purge && pip install foobar\n', errors: [{ line: 1 }] },
    {
      name: 'python -m pip, continuation lines with a comment inside',
      code: 'FROM python:3.13-slim\nRUN python3 -m pip install \\\n    # app deps\n    -r requirements.txt\n',
      errors: [{ line: 2, text: 'python3 -m pip install' }],
      output: 'FROM python:3.13-slim\nRUN python3 -m pip install --no-cache-dir \\\n    # app deps\n    -r requirements.txt\n',
    },
    // Found by the fuzzer (seed 2010): after the unquoted `l` a space ends the script word; the option would go to sh as $0.
    { name: 'sh -c: no fix where the script word is not quoted', code: "FROM python:3.13-slim\nRUN sh -c 'pip instal'l flask && sh -c pip\\ install\\ x\n", errors: [{ line: 2, text: "pip instal'l" }, { line: 2, text: 'pip\\ install' }], output: null },
    { name: 'sh -c', code: "FROM python:3.13-slim\nRUN sh -c 'pip install -r requirements.txt'\n", errors: [{ line: 2 }], output: "FROM python:3.13-slim\nRUN sh -c 'pip install --no-cache-dir -r requirements.txt'\n" },
    { name: 'heredoc', code: 'FROM python:3.13-slim\nRUN <<EOF\npip install -r requirements.txt\nEOF\n', errors: [{ line: 3 }], output: 'FROM python:3.13-slim\nRUN <<EOF\npip install --no-cache-dir -r requirements.txt\nEOF\n' },
  ],
});
