/* Handshake messages between the launcher and the sandbox's init. */
#include "sync.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

static const char *const step_names[STEP_MAX] = {
        [STEP_NONE] = "none",
        [STEP_WAIT_PARENT] = "wait for the launcher",
        [STEP_NAMESPACES] = "namespaces",
        [STEP_IDENTITY] = "identity",
        [STEP_MOUNTS] = "mounts",
        [STEP_NETWORK] = "network",
        [STEP_HOSTNAME] = "hostname",
        [STEP_KEYRING] = "session keyring",
        [STEP_FORK] = "start the target",
        [STEP_TARGET_SESSION] = "new session",
        [STEP_TARGET_CAPS] = "capabilities",
        [STEP_TARGET_RLIMITS] = "rlimits",
        [STEP_TARGET_CWD] = "working directory",
        [STEP_TARGET_NNP] = "no_new_privs",
        [STEP_TARGET_SECCOMP] = "seccomp",
        [STEP_EXEC] = "exec",
};

const char *sync_step_name(int step)
{
        if (step < 0 || step >= STEP_MAX || !step_names[step])
                return "unknown";
        return step_names[step];
}

static int send_msg(int fd, const struct sync_msg *m)
{
        ssize_t n;
        do
                n = send(fd, m, sizeof(*m), MSG_NOSIGNAL);
        while (n < 0 && errno == EINTR);
        if (n < 0)
                return -errno;
        return n == (ssize_t)sizeof(*m) ? 0 : -EIO;
}

int sync_send(int fd, int kind, int step, const struct sb_error *err)
{
        struct sync_msg m;
        memset(&m, 0, sizeof(m));
        m.kind = kind;
        m.step = step;
        if (err) {
                m.err = err->code;
                memcpy(m.msg, err->msg, sizeof(m.msg));
                m.msg[sizeof(m.msg) - 1] = '\0';
        }
        return send_msg(fd, &m);
}

int sync_send_data(int fd, int kind, const void *data, size_t len)
{
        struct sync_msg m;
        memset(&m, 0, sizeof(m));
        m.kind = kind;
        if (len > sizeof(m.msg))
                return -EINVAL;
        memcpy(m.msg, data, len);
        return send_msg(fd, &m);
}

int sync_recv(int fd, struct sync_msg *msg)
{
        ssize_t n;
        do
                n = recv(fd, msg, sizeof(*msg), 0);
        while (n < 0 && errno == EINTR);
        if (n < 0)
                return -errno;
        if (n == 0)
                return 0;
        if (n != (ssize_t)sizeof(*msg) || msg->kind <= 0 ||
            msg->kind >= SYNC_KIND_MAX)
                return -EPROTO;
        msg->msg[sizeof(msg->msg) - 1] = '\0';
        return 1;
}
