# expect: joinable-type.profile:2: joinable: expected a boolean, got an integer
joinable = 1;
