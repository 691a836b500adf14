# expect: duplicate-setting.profile:3: syntax error: duplicate setting name
hostname = "a";
hostname = "b";
