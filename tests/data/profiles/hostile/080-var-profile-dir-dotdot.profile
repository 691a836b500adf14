# expect: 080-var-profile-dir-dotdot.profile:2
process = { cwd = "${PROFILE_DIR}/../x"; };
