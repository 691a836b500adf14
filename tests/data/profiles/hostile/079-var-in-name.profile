# expect: 079-var-in-name.profile:2
namespaces = [ "${APP}" ];
