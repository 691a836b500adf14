# expect: 078-var-lowercase.profile:2
process = { cwd = "/${home}"; };
