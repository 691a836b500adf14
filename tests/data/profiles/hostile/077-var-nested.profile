# expect: 077-var-nested.profile:2
process = { cwd = "/${${HOME}}"; };
