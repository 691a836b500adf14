/* The parent <-> sandbox handshake: one SOCK_SEQPACKET socketpair, fixed
 * size messages, never a sleep. A setup failure inside travels to the
 * launcher as {step, errno, message} and is printed there. */
#ifndef SB_SYNC_H
#define SB_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

enum sync_kind {
        SYNC_GO = 1,     /* parent -> child: host side done, carry on */
        SYNC_ERROR,      /* child -> parent: setup failed */
        SYNC_NS_IDS,     /* init -> parent: its namespaces' identities */
        SYNC_KIND_MAX,
};

/* The setup steps, in order; named in messages and used by tests. */
enum sync_step {
        STEP_NONE,
        STEP_WAIT_PARENT,
        STEP_NAMESPACES,
        STEP_IDENTITY,
        STEP_MOUNTS,
        STEP_NETWORK,
        STEP_HOSTNAME,
        STEP_KEYRING,
        STEP_FORK,
        STEP_TARGET_SESSION,
        STEP_TARGET_CAPS,
        STEP_TARGET_RLIMITS,
        STEP_TARGET_CWD,
        STEP_TARGET_NNP,
        STEP_TARGET_SECCOMP,
        STEP_EXEC,
        STEP_MAX,
};

struct sync_msg {
        int32_t kind;
        int32_t step;
        int32_t err;     /* negative errno */
        char msg[SB_ERROR_MSG_MAX];
};

const char *sync_step_name(int step);

/* Returns 0, or a negative errno. */
int sync_send(int fd, int kind, int step, const struct sb_error *err);
/* A message of kind carrying len bytes of data (at most the size of
 * msg) in msg. Returns 0, or a negative errno. */
int sync_send_data(int fd, int kind, const void *data, size_t len);
/* Returns 1 with a message, 0 at end of stream, or a negative errno. */
int sync_recv(int fd, struct sync_msg *msg);

#endif
