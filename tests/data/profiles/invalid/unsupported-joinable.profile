# expect: unsupported-joinable.profile:2: joinable: not supported yet
joinable = true;
