# No namespaces at all; no hostname is set, so no uts is needed.
namespaces = [ ];
