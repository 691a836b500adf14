# libconfig lists ( ... ) work wherever an array [ ... ] does.
namespaces = ( "user", "mount", "pid", "uts" );
environment = { keep = ( "TERM" ); };
capabilities = { keep = ( ); };
include = ( "inc/empty.inc" );
