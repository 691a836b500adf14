# expect: 062-root-without-userns.profile:3
namespaces = [ "mount" ];
process = { user = 0; };
