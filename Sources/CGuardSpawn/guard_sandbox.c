#define _GNU_SOURCE
#include "guard_sandbox.h"

#include <errno.h>

#if defined(__linux__)
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <net/if.h>
#include <sched.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

/* Landlock's interface, written out here because distribution headers lag the kernel (Debian 12's stop
 * at ABI 2; this machine's kernel offers 7). Values from the kernel's include/uapi/linux/landlock.h. */
struct guard_ruleset_attr {
    uint64_t handled_access_fs;
    uint64_t handled_access_net;
    uint64_t scoped;
};
struct guard_path_beneath_attr {
    uint64_t allowed_access;
    int32_t parent_fd;
} __attribute__((packed));
struct guard_net_port_attr {
    uint64_t allowed_access;
    uint64_t port;
};

#define GUARD_LL_CREATE_RULESET_VERSION (1U << 0)
#define GUARD_LL_RULE_PATH_BENEATH 1
#define GUARD_LL_RULE_NET_PORT 2
#define GUARD_FS_EXECUTE (1ULL << 0)
#define GUARD_FS_WRITE_FILE (1ULL << 1)
#define GUARD_FS_READ_FILE (1ULL << 2)
#define GUARD_FS_READ_DIR (1ULL << 3)
#define GUARD_FS_TRUNCATE (1ULL << 14)
#define GUARD_FS_IOCTL_DEV (1ULL << 15)
#define GUARD_NET_BIND_TCP (1ULL << 0)
#define GUARD_NET_CONNECT_TCP (1ULL << 1)
#define GUARD_SCOPE_ABSTRACT_UNIX (1ULL << 0)
#define GUARD_SCOPE_SIGNAL (1ULL << 1)

#ifndef __NR_landlock_create_ruleset
#define __NR_landlock_create_ruleset 444
#define __NR_landlock_add_rule 445
#define __NR_landlock_restrict_self 446
#endif

int guard_landlock_abi(void) {
    long abi = syscall(__NR_landlock_create_ruleset, NULL, 0, GUARD_LL_CREATE_RULESET_VERSION);
    return abi < 0 ? 0 : (int)abi;
}

/* Every filesystem right the given ABI knows (so none is left unhandled, hence allowed). */
static uint64_t guard_fs_rights(int abi) {
    uint64_t rights = (1ULL << 13) - 1;            /* ABI 1: execute … make_sym */
    if (abi >= 2) rights |= 1ULL << 13;            /* refer */
    if (abi >= 3) rights |= GUARD_FS_TRUNCATE;
    if (abi >= 5) rights |= GUARD_FS_IOCTL_DEV;
    return rights;
}

/* The rights that apply to a file (not a directory); others make landlock_add_rule fail with EINVAL. */
static uint64_t guard_file_rights(int abi) {
    uint64_t rights = GUARD_FS_EXECUTE | GUARD_FS_WRITE_FILE | GUARD_FS_READ_FILE;
    if (abi >= 3) rights |= GUARD_FS_TRUNCATE;
    if (abi >= 5) rights |= GUARD_FS_IOCTL_DEV;
    return rights;
}

int guard_landlock_restrict(const char *const paths[], const int access[], int count, int restrict_tcp,
                            const uint16_t ports[], int port_count, int *failed_index) {
    *failed_index = -1;
    int abi = guard_landlock_abi();
    if (abi <= 0) { errno = ENOSYS; return -1; }
    if (restrict_tcp && abi < 4) { errno = EPROTONOSUPPORT; return -1; }
    struct guard_ruleset_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.handled_access_fs = guard_fs_rights(abi);
    size_t size = sizeof(uint64_t);
    if (abi >= 4) {
        size = 2 * sizeof(uint64_t);
        if (restrict_tcp) attr.handled_access_net = GUARD_NET_BIND_TCP | GUARD_NET_CONNECT_TCP;
    }
    if (abi >= 6) {
        size = sizeof attr;
        attr.scoped = GUARD_SCOPE_ABSTRACT_UNIX | GUARD_SCOPE_SIGNAL;
    }
    int ruleset = (int)syscall(__NR_landlock_create_ruleset, &attr, size, 0);
    if (ruleset < 0) return -1;
    uint64_t read_rights = GUARD_FS_EXECUTE | GUARD_FS_READ_FILE | GUARD_FS_READ_DIR;
    for (int i = 0; i < count; i++) {
        int fd = open(paths[i], O_PATH | O_CLOEXEC);
        if (fd < 0) { *failed_index = i; close(ruleset); return -1; }
        struct stat info;
        if (fstat(fd, &info) != 0) { *failed_index = i; close(fd); close(ruleset); return -1; }
        uint64_t rights = access[i] == GUARD_LANDLOCK_WRITE ? guard_fs_rights(abi) : read_rights;
        if (!S_ISDIR(info.st_mode)) rights &= guard_file_rights(abi);
        struct guard_path_beneath_attr rule = {rights, fd};
        long added = syscall(__NR_landlock_add_rule, ruleset, GUARD_LL_RULE_PATH_BENEATH, &rule, 0);
        int saved = errno;
        close(fd);
        if (added != 0) { *failed_index = i; close(ruleset); errno = saved; return -1; }
    }
    if (restrict_tcp) {
        for (int i = 0; i < port_count; i++) {
            struct guard_net_port_attr rule = {GUARD_NET_CONNECT_TCP, ports[i]};
            if (syscall(__NR_landlock_add_rule, ruleset, GUARD_LL_RULE_NET_PORT, &rule, 0) != 0) {
                int saved = errno;
                close(ruleset);
                errno = saved;
                return -1;
            }
        }
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) { int saved = errno; close(ruleset); errno = saved; return -1; }
    long restricted = syscall(__NR_landlock_restrict_self, ruleset, 0);
    int saved = errno;
    close(ruleset);
    errno = saved;
    return restricted == 0 ? 0 : -1;
}

#if defined(__x86_64__)
#define GUARD_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define GUARD_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#define GUARD_NAMESPACE_FLAGS \
    (CLONE_NEWNS | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS | CLONE_NEWCGROUP)

int guard_seccomp_install(int flags) {
#if !defined(GUARD_AUDIT_ARCH)
    (void)flags;
    errno = ENOSYS;
    return -1;
#else
    /* Calls a confined server has no business making: each escapes the sandbox, inspects or steers another
     * process, or changes the machine. */
    static const int refused[] = {
        __NR_ptrace, __NR_process_vm_readv, __NR_process_vm_writev,
        __NR_mount, __NR_umount2, __NR_pivot_root, __NR_chroot, __NR_unshare, __NR_setns,
#ifdef __NR_open_tree
        __NR_open_tree, __NR_move_mount, __NR_fsopen, __NR_fsconfig, __NR_fsmount, __NR_fspick,
#endif
#ifdef __NR_mount_setattr
        __NR_mount_setattr,
#endif
        __NR_init_module, __NR_finit_module, __NR_delete_module, __NR_kexec_load,
#ifdef __NR_kexec_file_load
        __NR_kexec_file_load,
#endif
        __NR_bpf, __NR_perf_event_open, __NR_keyctl, __NR_add_key, __NR_request_key, __NR_userfaultfd,
        __NR_open_by_handle_at, __NR_name_to_handle_at, __NR_swapon, __NR_swapoff, __NR_reboot,
        __NR_settimeofday, __NR_clock_settime, __NR_acct, __NR_quotactl,
#if defined(__x86_64__)
        __NR_iopl, __NR_ioperm,
#endif
    };
    enum { refused_count = sizeof refused / sizeof refused[0] };
    struct sock_filter program[32 + 2 * refused_count];
    int n = 0;
#define GUARD_STMT(code, k) (program[n++] = (struct sock_filter)BPF_STMT(code, k))
#define GUARD_JUMP(code, k, jt, jf) (program[n++] = (struct sock_filter)BPF_JUMP(code, k, jt, jf))
    GUARD_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
    GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, GUARD_AUDIT_ARCH, 1, 0);
    GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
    GUARD_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
#if defined(__x86_64__)
    /* x32 system calls are another table the checks below would not see. */
    GUARD_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000, 0, 1);
    GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
#endif
    for (int i = 0; i < refused_count; i++) {
        GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)refused[i], 0, 1);
        GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
    }
#ifdef __NR_clone3
    /* clone3 passes its flags in memory, out of a filter's reach: ENOSYS makes libc fall back to clone. */
    GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1);
    GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS);
#endif
    /* clone with a namespace flag (arguments are 64-bit; the flags live in the low word). */
    GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 3);
    GUARD_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]));
    GUARD_JUMP(BPF_JMP | BPF_JSET | BPF_K, GUARD_NAMESPACE_FLAGS, 0, 1);
    GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
    GUARD_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    /* ioctl(TIOCSTI) types into the controlling terminal, outside the sandbox. */
    GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_ioctl, 0, 3);
    GUARD_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[1]));
    GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, TIOCSTI, 0, 1);
    GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
    GUARD_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
    if (flags & GUARD_SECCOMP_NO_INET) {
        GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 0, 5);
        GUARD_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]));
        GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET, 2, 0);
        GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_INET6, 1, 0);
        GUARD_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_PACKET, 0, 1);
        GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM);
    }
    GUARD_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
#undef GUARD_STMT
#undef GUARD_JUMP
    struct sock_fprog filter = {(unsigned short)n, program};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -1;
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &filter, 0, 0) == 0 ? 0 : -1;
#endif
}

struct guard_cap_header { uint32_t version; int pid; };
struct guard_cap_data { uint32_t effective, permitted, inheritable; };

int guard_drop_capabilities(void) {
    for (int cap = 0; cap <= 63; cap++) {
        /* EPERM: no CAP_SETPCAP (a non-root uid in a user namespace), so nothing can be regained either. */
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL && errno != EPERM) return -1;
    }
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
    /* SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_SETUID_FIXUP(_LOCKED) | SECBIT_KEEP_CAPS_LOCKED
     * | SECBIT_NO_CAP_AMBIENT_RAISE(_LOCKED): uid 0 gets no capabilities back when it executes a file. */
    unsigned long securebits = 0x01 | 0x02 | 0x04 | 0x08 | 0x20 | 0x40 | 0x80;
    if (prctl(PR_SET_SECUREBITS, securebits, 0, 0, 0) != 0 && errno != EPERM) return -1;
    struct guard_cap_header header = {0x20080522, 0};  /* _LINUX_CAPABILITY_VERSION_3 */
    struct guard_cap_data data[2];
    memset(data, 0, sizeof data);
    return syscall(SYS_capset, &header, data) == 0 ? 0 : -1;
}

static int guard_write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t length = (ssize_t)strlen(text);
    ssize_t written = write(fd, text, (size_t)length);
    int saved = errno;
    close(fd);
    errno = saved;
    return written == length ? 0 : -1;
}

/* "INSIDE OUTSIDE 1\n" without stdio: this runs between fork and exec, where only async-signal-safe calls belong. */
static void guard_id_map(char *out, unsigned inside, unsigned outside) {
    int n = 0;
    unsigned ids[2] = {inside, outside};
    for (int copy = 0; copy < 2; copy++) {
        char digits[16];
        int count = 0;
        unsigned id = ids[copy];
        do { digits[count++] = (char)('0' + id % 10); id /= 10; } while (id > 0);
        for (int i = count - 1; i >= 0; i--) out[n++] = digits[i];
        out[n++] = ' ';
    }
    out[n++] = '1';
    out[n++] = '\n';
    out[n] = 0;
}

int guard_unshare(int network, int as_nobody) {
    uid_t uid = geteuid();
    gid_t gid = getegid();
    if (unshare(CLONE_NEWUSER | (network ? CLONE_NEWNET : 0)) != 0) return -1;
    char map[64];
    guard_id_map(map, as_nobody ? 65534u : (unsigned)uid, (unsigned)uid);
    if (guard_write_file("/proc/self/uid_map", map) != 0) return -1;
    if (guard_write_file("/proc/self/setgroups", "deny\n") != 0 && errno != ENOENT) return -1;
    guard_id_map(map, as_nobody ? 65534u : (unsigned)gid, (unsigned)gid);
    if (guard_write_file("/proc/self/gid_map", map) != 0) return -1;
    /* Every capability is held in a new namespace until exec: empty the bounding set while that is possible. */
    if (as_nobody) for (int cap = 0; cap <= 63; cap++) prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
    if (!network) return 0;
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) return -1;
    struct ifreq request;
    memset(&request, 0, sizeof request);
    strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    int result = ioctl(sock, SIOCGIFFLAGS, &request);
    if (result == 0) {
        request.ifr_flags |= IFF_UP | IFF_RUNNING;
        result = ioctl(sock, SIOCSIFFLAGS, &request);
    }
    int saved = errno;
    close(sock);
    errno = saved;
    return result;
}

int guard_set_undumpable(void) { return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0); }

#else
int guard_set_undumpable(void) { return 0; }
int guard_landlock_abi(void) { return 0; }
int guard_landlock_restrict(const char *const paths[], const int access[], int count, int restrict_tcp,
                            const uint16_t ports[], int port_count, int *failed_index) {
    (void)paths; (void)access; (void)count; (void)restrict_tcp; (void)ports; (void)port_count;
    *failed_index = -1;
    errno = ENOSYS;
    return -1;
}
int guard_seccomp_install(int flags) { (void)flags; errno = ENOSYS; return -1; }
int guard_drop_capabilities(void) { errno = ENOSYS; return -1; }
int guard_unshare(int network, int as_nobody) { (void)network; (void)as_nobody; errno = ENOSYS; return -1; }
#endif
