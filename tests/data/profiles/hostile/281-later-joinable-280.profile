# expect: 281-later-joinable-280.profile:2
joinable = { bogus_key_x = 1; };
