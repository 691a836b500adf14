# expect: 053-cwd-dotdot.profile:2
process = { cwd = "/tmp/../etc"; };
