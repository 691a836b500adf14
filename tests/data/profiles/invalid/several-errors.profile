# expect: several-errors.profile:4: hostname: expected a string, got an integer
# expect: several-errors.profile:5: namespaces[0]: unknown namespace 'foo'
# expect: several-errors.profile:7: process.umask: write umask as an octal string like "022"
hostname = 1;
namespaces = [ "foo" ];
process = {
  umask = 22;
};
