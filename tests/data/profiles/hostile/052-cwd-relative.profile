# expect: 052-cwd-relative.profile:2
process = { cwd = "tmp"; };
