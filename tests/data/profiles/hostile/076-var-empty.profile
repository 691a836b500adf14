# expect: 076-var-empty.profile:2
process = { cwd = "/${}"; };
