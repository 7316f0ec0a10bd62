#ifndef GUARD_SPAWN_H
#define GUARD_SPAWN_H

#include <sys/types.h>

/// Starts `file` (searched on PATH from `envp` when it has no slash) with `argv` and `envp`, its stdin,
/// stdout and stderr connected to the given descriptors, in a new process group, in `cwd` when not NULL.
/// On Linux the child also gets PR_SET_PDEATHSIG with `death_signal` (0 for none), so it dies with the
/// thread that spawned it. Returns the child's pid, or -1 with `*error_out` set to the errno of the
/// failing step (fork, or exec in the child, reported back through a close-on-exec pipe).
pid_t guard_spawn(const char *file, char *const argv[], char *const envp[], int stdin_fd, int stdout_fd,
                  int stderr_fd, const char *cwd, int death_signal, int *error_out);

/// Set-up steps of a sandboxed server's process, done after fork and before exec (single-threaded there).
struct guard_spawn_extras {
    /// `cgroup.procs` files to join (NULL-terminated, or NULL), so the limits hold from the first instruction.
    char *const *cgroup_procs;
    /// Non-zero: a new user and network namespace with only loopback (see guard_unshare).
    int unshare_network;
    /// Non-zero: a new user namespace in which the process is uid/gid 65534 (see guard_unshare).
    int as_nobody;
};

#if defined(__linux__)
/// Like `guard_spawn`, but through a keeper process (the returned pid, leader of the new process group)
/// that is a child subreaper and the server's parent: it forwards SIGTERM/SIGINT/SIGHUP to every
/// descendant, and when `*lifeline_out` (the write end of a pipe it watches; close it, or exit, to
/// trigger) closes, or the server exits, it SIGKILLs every descendant left, double forks and setsid
/// included, and exits with the server's status (128 + signal for a signalled server). `extras` (may be
/// NULL) holds what the server's process does to itself before it executes.
pid_t guard_spawn_kept(const char *file, char *const argv[], char *const envp[], int stdin_fd, int stdout_fd,
                       int stderr_fd, const char *cwd, int death_signal, const struct guard_spawn_extras *extras,
                       int *lifeline_out, int *error_out);
#endif

/// Creates a pipe whose both ends are close-on-exec. Returns 0 or -1 with errno set.
int guard_pipe(int fds[2]);

#endif
