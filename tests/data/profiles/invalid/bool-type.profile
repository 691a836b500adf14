# expect: bool-type.profile:2: process.new_session: expected a boolean, got a string
process = { new_session = "yes"; };
