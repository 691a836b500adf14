/* What cgroup.c shares with its two backends (cgroup-v2.c, cgroup-v1.c):
 * the controllers, the layout of the host's hierarchies, one directory of
 * a sandbox's cgroup, and the backend interface. Internal to the cgroup
 * files and their unit test. */
#ifndef SB_CGROUP_INTERNAL_H
#define SB_CGROUP_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "cgroup.h"
#include "config-cgroup.h"
#include "error.h"

/* The controllers the sandbox uses; bit (1u << CG_x) in a mask. On v2,
 * cpu usage and the freezer are core files and devices an eBPF program,
 * so only memory, pids, cpu and io are enabled in cgroup.subtree_control. */
enum cg_ctrl {
        CG_MEMORY,
        CG_PIDS,
        CG_CPU,
        CG_CPUACCT,
        CG_IO,
        CG_DEVICES,
        CG_FREEZER,
        CG_CTRL_MAX,
        CG_CTRL_INVALID = -1,
};
#define CG_BIT(c) (1u << (c))
#define CG_ALL (CG_BIT(CG_CTRL_MAX) - 1)
/* The controllers a v2 parent must enable for its child. */
#define CG_V2_ENABLED (CG_BIT(CG_MEMORY) | CG_BIT(CG_PIDS) | CG_BIT(CG_CPU) |  \
                       CG_BIT(CG_IO))

/* "memory", "blkio" (v1) / "io" (v2), ...; NULL where v2 has no such
 * controller file. */
const char *cg_ctrl_v1_name(enum cg_ctrl c);
const char *cg_ctrl_v2_name(enum cg_ctrl c);

/* Where the host's hierarchies are mounted and where the launcher sits in
 * each, from /proc/self/mountinfo and /proc/self/cgroup. Paths within a
 * hierarchy start with '/'. */
struct cg_layout {
        char *v2_mount;                 /* NULL: no usable cgroup2 mount */
        char *v2_path;
        char *v2_self;                  /* as /proc/self/cgroup shows it */
        char *v1_mount[CG_CTRL_MAX];    /* NULL: no v1 hierarchy for it */
        char *v1_path[CG_CTRL_MAX];     /* relative to the mount's root */
        char *v1_self[CG_CTRL_MAX];
};

enum cg_mode {
        CG_MODE_NONE,                   /* no cgroup filesystem at all */
        CG_MODE_V1,
        CG_MODE_HYBRID,                 /* v1 controllers and a cgroup2 tree */
        CG_MODE_V2,
};

/* Pure: fill ret from the text of the two files. A hierarchy whose mount
 * does not contain the launcher's cgroup (another cgroup namespace's
 * mount) is left out. Lines it does not understand are skipped. */
int cg_layout_parse(const char *mountinfo, const char *self_cgroup,
                    struct cg_layout *ret);
/* The same from this process's own /proc files. */
int cg_layout_read(struct cg_layout *ret, struct sb_error *err);
enum cg_mode cg_layout_mode(const struct cg_layout *l);
const char *cg_mode_name(enum cg_mode m);
void cg_layout_free(struct cg_layout *l);

struct cgroup_backend;

/* One directory of a sandbox's cgroup: the v2 one, or one per v1
 * hierarchy it joins. */
struct cg_dir {
        const struct cgroup_backend *ops;
        char *path;                     /* absolute, for messages */
        /* Which line of /proc/PID/cgroup is this hierarchy's (a v1
         * controller's name; NULL: the cgroup2 line "0::") and the path
         * the kernel shows there for this directory, to tell whether a
         * process is in it. */
        const char *hier;
        char *proc_path;
        int fd;                         /* the directory, O_RDONLY */
        unsigned ctrls;                 /* CG_BIT()s this directory serves */
        bool made;                      /* we created it: we remove it */
};

#define CG_DIRS_MAX (CG_CTRL_MAX + 1)

struct cgroup {
        char *name;                     /* [parent/]sandbox-PID-START-PIDNS */
        struct cg_dir dirs[CG_DIRS_MAX];
        size_t n_dirs;
};

/* A backend: what it means to limit, freeze, kill and measure in one
 * cgroup version. Every function looks only at the directories whose ops
 * are its own. */
struct cgroup_backend {
        const char *name;
        /* Before the child exists: make the controllers in ctrls usable
         * below parent (v2: cgroup.subtree_control). */
        int (*prepare_parent)(struct cg_dir *parent, unsigned ctrls,
                              struct sb_error *err);
        /* Write the config's limits into a new directory. */
        int (*write_limits)(const struct cg_dir *d,
                            const struct sb_cgroup_config *cfg,
                            struct sb_error *err);
        /* -EOPNOTSUPP when none of its directories can do it. */
        int (*freeze)(const struct cgroup *cg, bool frozen,
                      struct sb_error *err);
        int (*kill)(const struct cgroup *cg, struct sb_error *err);
        /* 1 while any process is in d or below it, 0 once it is empty. */
        int (*populated)(const struct cg_dir *d);
        /* Fill the fields of s it knows and that are not known yet. */
        void (*stats)(const struct cgroup *cg, struct cgroup_stats *s);
};

extern const struct cgroup_backend cgroup_v2_backend;
extern const struct cgroup_backend cgroup_v1_backend;

/* v2 pieces, exported for the fixture tests. */
int cgroup_v2_write_limits(const struct cg_dir *d,
                           const struct sb_cgroup_config *cfg,
                           struct sb_error *err);
int cgroup_v2_prepare_parent(struct cg_dir *parent, unsigned ctrls,
                             struct sb_error *err);

/* The v2 device allow-list: build (pure) and attach an eBPF program of
 * type BPF_PROG_TYPE_CGROUP_DEVICE to the cgroup directory fd. */
struct bpf_insn;
size_t cgroup_devices_program(const struct sb_cgroup_device *rules, size_t n,
                              struct bpf_insn *out, size_t max);
size_t cgroup_devices_program_size(size_t n_rules);
int cgroup_devices_attach(int cgroup_fd, const char *path,
                          const struct sb_cgroup_device *rules, size_t n,
                          struct sb_error *err);

/* ---- file helpers (cgroup.c) ---- */

/* Write value to d/file; on failure a message naming the file and value. */
int cg_write(const struct cg_dir *d, const char *file, const char *value,
             struct sb_error *err);
/* Read d/file into buf (NUL-terminated, at most size-1 bytes); returns the
 * length or a negative errno. For files of a known small size only. */
ssize_t cg_read(const struct cg_dir *d, const char *file, char *buf,
                size_t size);
/* The whole of d/file (or of the file at `path` when d is NULL), however
 * long, NUL-terminated in *ret; the length or a negative errno. */
ssize_t cg_read_all(const struct cg_dir *d, const char *file, char **ret);
/* A single number, or "max" as SB_CG_UNLIMITED. */
int cg_read_u64(const struct cg_dir *d, const char *file, uint64_t *ret);
/* The value of "key N" in a flat-keyed file such as cpu.stat. */
int cg_read_key(const struct cg_dir *d, const char *file, const char *key,
                uint64_t *ret);
/* 1 if cgroup.procs lists any process, 0 if none, or a negative errno. */
int cg_has_procs(const struct cg_dir *d);
/* Poll until done(d) returns nonzero or about timeout_ms passed: first at
 * once, then with short growing sleeps (never on the launch path). */
int cg_wait(const struct cg_dir *d, int (*done)(const struct cg_dir *d),
            int timeout_ms);

/* ---- membership (cgroup-v1.c, whose kill-all signals by pid) ---- */

/* 1 if pid is in d itself (not below it) by /proc/PID/cgroup, 0 if it is
 * elsewhere or gone, or a negative errno. */
int cg_proc_in(pid_t pid, const struct cg_dir *d);
/* Pure: does the text of a /proc/PID/cgroup file put the process at path
 * in the hierarchy hier (see struct cg_dir)? */
bool cg_proc_text_in(const char *text, const char *hier, const char *path);
/* Pure: the path the text of a /proc/PID/cgroup file gives in hierarchy
 * hier, newly allocated, or NULL. */
char *cg_proc_text_path(const char *text, const char *hier);

/* ---- names (cgroup-name.c) ---- */

/* A sandbox cgroup is named after its launcher: "sandbox-PID-START-PIDNS"
 * (its pid, its start time in clock ticks after boot from /proc/PID/stat,
 * the inode of its pid namespace), with "-launcher" appended for the leaf
 * a v2 launcher moves itself to. Pid and start time tell a live launcher
 * from a dead one whose pid was reused; the namespace says whether this
 * process can see it at all. */
struct cg_name {
        pid_t pid;
        uint64_t start;
        uint64_t pidns;
        bool launcher;
};

#define CG_NAME_MAX 96

/* This process's name. */
int cg_name_self(bool launcher, struct cg_name *ret, struct sb_error *err);
void cg_name_format(const struct cg_name *n, char *buf, size_t size);
/* Pure and strict: the exact format, decimal numbers without leading
 * zeros; -EINVAL for anything else. */
int cg_name_parse(const char *s, struct cg_name *ret);
/* 1 if n's launcher is gone (no process with its pid, or one that started
 * at another time), 0 if it may live (or cannot be judged from here: it
 * ran in another pid namespace). */
int cg_name_dead(const struct cg_name *n);
/* Remove the empty sandbox cgroups of dead launchers below the parent
 * directory (a cgroup of the backend ops). Best effort. */
void cg_reap(int parent_fd, const char *parent_path,
             const struct cgroup_backend *ops);

#endif
