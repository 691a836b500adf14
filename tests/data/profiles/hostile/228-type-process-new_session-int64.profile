# expect: 228-type-process-new_session-int64.profile:2
process = { new_session = 5L; };
