# expect: cwd-relative.profile:2: process.cwd: 'tmp' is not an absolute path
process = { cwd = "tmp"; };
