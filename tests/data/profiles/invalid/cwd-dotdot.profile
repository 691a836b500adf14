# expect: cwd-dotdot.profile:2: process.cwd: '/a/../b' must not contain '..'
process = { cwd = "/a/../b"; };
