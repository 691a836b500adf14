# expect: 094-star-key.profile:2
* = 5;
