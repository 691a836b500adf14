# Every variable, in the strings that take them.
description = "${APP} for ${USER} (${UID}:${GID}) from ${PROFILE_DIR}";
hostname = "${USER}-box";
environment = {
  set = {
    HOME = "${HOME}";
    XDG_RUNTIME_DIR = "${XDG_RUNTIME_DIR}";
    PRICE = "$5 and $HOME stay as they are";
  };
};
process = { cwd = "${HOME}/work"; };
