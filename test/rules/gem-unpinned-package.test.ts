import { ruleTests } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/dockerfile/gem-unpinned-package';

ruleTests(rule, {
  valid: [
    'RUN gem i bundler:1\n',
    'RUN gem i bunlder:1 nokogirii:1\n',
    'RUN gem install bundler:1\n',
    "RUN gem install bundler -v '2.0.1'\n",
    "RUN gem install bundler --version '2.0.1'\n",
    "RUN gem install bundler --version='2.0.1'\n",
    'RUN gem install bundler:2.0.1 -- --use-system-libraries=true\n',
    'RUN gem install bundler:2.0.1 -- --use-system-libraries true\n',
    'RUN gem install bundler:2.0.1 --use-system-libraries true\n',
    'RUN gem install bundler:2.0.1 --use-system-libraries=true\n',
    'RUN gem install --no-document -i /opt/gems ./vendor/app-1.0.gem\n',
    'RUN gem update --system\n',
    'RUN <<EOF\ngem install bundler:2.5.22\nEOF\n',
  ],
  invalid: [
    { code: 'RUN gem i bundler\n', errors: [{ line: 1, text: 'bundler' }], output: null },
    { code: 'ONBUILD RUN gem i bunlder:1 nokogiri\n', errors: [{ line: 1, text: 'nokogiri' }] },
    { code: 'RUN gem install bundler\n', errors: [{ line: 1, text: 'bundler' }] },
    { name: 'a documented switch does not take the next word', code: 'RUN gem install --no-document rails\n', errors: [{ line: 1, text: 'rails' }] },
    { name: 'continuation lines with a comment inside', code: 'FROM ruby:3.3-slim\nRUN gem install \\\n    # tools\n    rake \\\n    bundler:2.5.22\n', errors: [{ line: 4, text: 'rake' }] },
    { name: 'sh -c', code: "FROM ruby:3.3-slim\nRUN sh -c 'gem install rake'\n", errors: [{ line: 2, text: 'rake' }] },
    { name: 'heredoc', code: 'FROM ruby:3.3-slim\nRUN <<EOF\ngem install rake\nEOF\n', errors: [{ line: 3, text: 'rake' }] },
  ],
});
