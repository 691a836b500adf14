# expect: 075-var-unterminated.profile:2
process = { cwd = "/${HOME"; };
