# expect: comment-not-closed.profile:3: comment not closed (no '*/')
hostname = "a";
/* the rest of the file
namespaces = [ ];
