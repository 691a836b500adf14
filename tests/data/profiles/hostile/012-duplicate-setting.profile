# expect: 012-duplicate-setting.profile:3
hostname = "a";
hostname = "b";
