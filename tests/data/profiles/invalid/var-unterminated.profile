# expect: var-unterminated.profile:2: process.cwd: '${' without a closing '}'
process = { cwd = "${HOME/x"; };
