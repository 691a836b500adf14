# git: the version control client. The network (fetch, push over HTTPS),
# the repository (the current directory) read-write, the user's git
# configuration read-only; nothing else of the home, so hooks and
# filters of a cloned repository cannot read keys or change dotfiles.
# Pushing over SSH needs ~/.ssh: use the ssh profile's fragment in a
# .local, or an HTTPS remote.
description = "git: network, the repository read-write, ~/.gitconfig read-only";
include = [ "base.inc", "home-private.inc", "network-host.inc",
            "cwd-writable.inc" ];
hostname = "git";
environment = {
  keep = [ "TERM", "COLORTERM", "LANG", "LANGUAGE", "LC_*", "TZ",
           "HOME", "USER", "LOGNAME", "PATH", "EDITOR", "VISUAL", "PAGER",
           "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
           "GIT_COMMITTER_EMAIL" ];
};
filesystem = {
  home = { readonly = [ ".gitconfig", ".config/git" ]; };
};
