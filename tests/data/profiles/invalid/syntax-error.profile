# expect: syntax-error.profile:3: syntax error
hostname = "box";
namespaces = [ "user" ;
