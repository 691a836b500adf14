# expect: unknown-key-no-suggestion.profile:2: frobnicate: unknown key
frobnicate = true;
