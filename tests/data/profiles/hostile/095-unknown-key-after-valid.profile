# expect: 095-unknown-key-after-valid.profile:4
hostname = "ok";

foo = 1;
