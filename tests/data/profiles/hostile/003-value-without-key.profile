# expect: 003-value-without-key.profile:2
= 5;
