#ifndef GUARD_SANDBOX_H
#define GUARD_SANDBOX_H

#include <stdint.h>
#include <sys/types.h>

/// The kernel-side controls of `mcpguard run --sandbox` that a process applies to itself before it
/// executes a server (Linux only; every function returns -1 with errno ENOSYS elsewhere). They are
/// applied by the hidden `mcpguard sandbox-exec` helper, inside bubblewrap or on their own.

/// The highest Landlock ABI this kernel offers, 0 when Landlock is missing or disabled.
int guard_landlock_abi(void);

/// Access classes of a Landlock path rule.
enum guard_landlock_access {
    GUARD_LANDLOCK_READ = 1,     ///< read files and directories, execute files
    GUARD_LANDLOCK_WRITE = 2,    ///< everything, including create, remove, rename and truncate
};

/// Restricts this process and its future children to the given paths (`access[i]` is a
/// `guard_landlock_access` for `paths[i]`; a path that does not exist is an error naming it in
/// `*failed_index`). When `restrict_tcp` is set (ABI 4+), TCP bind and connect are refused except
/// connect to the `ports` given. ABI 6+ also scopes abstract Unix sockets and signals to the sandbox.
/// Sets no_new_privs. Returns 0, or -1 with errno set.
int guard_landlock_restrict(const char *const paths[], const int access[], int count, int restrict_tcp,
                            const uint16_t ports[], int port_count, int *failed_index);

/// Flags of the seccomp filter.
enum guard_seccomp_flags {
    /// Refuse AF_INET, AF_INET6 and AF_PACKET sockets (network `none`).
    GUARD_SECCOMP_NO_INET = 1,
};

/// Installs a seccomp filter that refuses (EPERM) ptrace, process_vm_*, mount and the new mount API,
/// pivot_root, chroot, unshare, setns and namespace flags of clone, kernel modules, kexec, bpf,
/// perf_event_open, keyrings, userfaultfd, TIOCSTI and reboot-class calls; clone3 gets ENOSYS so libc falls
/// back to clone, whose flags the filter can read. Sets no_new_privs. Returns 0, or -1 with errno set.
int guard_seccomp_install(int flags);

/// Drops every capability (effective, permitted, inheritable, ambient and the bounding set) and locks
/// the securebits so uid 0 gains none back through exec. Returns 0, or -1 with errno set.
int guard_drop_capabilities(void);

/// Moves this process into a new user namespace and, with `network`, a new network namespace (only a
/// loopback interface, brought up). Its uid and gid stay, or with `as_nobody` become 65534 inside (uid 0
/// is then nobody to itself and holds no capability after exec). Returns 0, or -1 with errno set.
int guard_unshare(int network, int as_nobody);

/// Makes this process (and the forks it makes) undumpable: processes of the same user can then read
/// neither its memory nor its /proc/PID/environ, which a server running as the same uid could otherwise.
int guard_set_undumpable(void);

#endif
