# expect: 151-type-environment-bool.profile:2
environment = true;
