# expect: 002-lone-semicolon.profile:2
;
