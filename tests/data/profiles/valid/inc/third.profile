# Part of override.profile, included by name from inc/second.inc.
description = "third";
environment = { keep = [ "TERM" ]; };
