#define _GNU_SOURCE
#include "guard_spawn.h"
#include "guard_internal.h"
#include "guard_sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

#if defined(__linux__)
#include <poll.h>
#include <time.h>

/* The keeper: a small process between mcpguard and a server, so that no descendant of the server outlives
 * mcpguard, whatever the server does (double forks, setsid, daemonising) and however mcpguard ends
 * (kill -9 included). It is a child subreaper, so every orphaned descendant becomes its child and stays
 * findable; it holds the read end of a "lifeline" pipe whose only write end is mcpguard's, so the kernel
 * tells it when mcpguard is gone. It runs in a forked copy of a multithreaded process, so it uses only
 * async-signal-safe calls (raw syscalls, no malloc) until it exits. */

struct guard_dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

#define KEEPER_MAX_PROCESSES 32768
static pid_t keeper_pids[KEEPER_MAX_PROCESSES];
static pid_t keeper_parents[KEEPER_MAX_PROCESSES];
static unsigned char keeper_marked[KEEPER_MAX_PROCESSES];
static volatile sig_atomic_t keeper_terminate = 0;

static void keeper_on_signal(int number) { (void)number; keeper_terminate = 1; }

/* The parent pid in /proc/<pid>/stat (the field after the state, after the last ')' of the name). */
static pid_t keeper_parent_of(int proc_fd, const char *name) {
    char path[64];
    size_t length = 0;
    while (name[length] && length < 40) { path[length] = name[length]; length++; }
    const char *suffix = "/stat";
    for (int i = 0; suffix[i]; i++) path[length++] = suffix[i];
    path[length] = 0;
    int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buffer[512];
    ssize_t count = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (count <= 0) return -1;
    buffer[count] = 0;
    char *close_paren = NULL;
    for (char *p = buffer; *p; p++) if (*p == ')') close_paren = p;
    if (!close_paren || close_paren[1] != ' ' || !close_paren[2] || close_paren[3] != ' ') return -1;
    pid_t parent = 0;
    for (char *p = close_paren + 4; *p >= '0' && *p <= '9'; p++) parent = parent * 10 + (*p - '0');
    return parent;
}

/* Sends `signal` to every descendant of this process; returns how many were signalled. */
static int keeper_signal_descendants(int signal_number) {
    int proc_fd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (proc_fd < 0) return 0;
    int total = 0;
    char buffer[16384];
    for (;;) {
        long count = syscall(SYS_getdents64, proc_fd, buffer, sizeof buffer);
        if (count <= 0) break;
        for (long offset = 0; offset < count;) {
            struct guard_dirent64 *entry = (struct guard_dirent64 *)(buffer + offset);
            offset += entry->d_reclen;
            const char *name = entry->d_name;
            if (name[0] < '1' || name[0] > '9') continue;
            pid_t pid = 0;
            int numeric = 1;
            for (const char *p = name; *p; p++) {
                if (*p < '0' || *p > '9') { numeric = 0; break; }
                pid = pid * 10 + (*p - '0');
            }
            if (!numeric || total >= KEEPER_MAX_PROCESSES) continue;
            pid_t parent = keeper_parent_of(proc_fd, name);
            if (parent < 0) continue;
            keeper_pids[total] = pid;
            keeper_parents[total] = parent;
            keeper_marked[total] = 0;
            total++;
        }
    }
    close(proc_fd);
    pid_t self = getpid();
    int changed = 1;
    while (changed) {
        changed = 0;
        for (int i = 0; i < total; i++) {
            if (keeper_marked[i]) continue;
            int descends = keeper_parents[i] == self;
            for (int j = 0; !descends && j < total; j++) {
                if (keeper_marked[j] && keeper_pids[j] == keeper_parents[i]) descends = 1;
            }
            if (descends) { keeper_marked[i] = 1; changed = 1; }
        }
    }
    int signalled = 0;
    for (int i = 0; i < total; i++) {
        if (keeper_marked[i] && keeper_pids[i] != self && kill(keeper_pids[i], signal_number) == 0) signalled++;
    }
    return signalled;
}

static void keeper_sleep_ms(long milliseconds) {
    struct timespec delay = {milliseconds / 1000, (milliseconds % 1000) * 1000000L};
    while (nanosleep(&delay, &delay) != 0 && errno == EINTR) {}
}

/* Reaps every exited child; records the server's status. Returns 1 while any child is left. */
static int keeper_reap(pid_t server, int *server_status, int *server_done) {
    for (;;) {
        int status = 0;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            if (pid == server) { *server_status = status; *server_done = 1; }
            continue;
        }
        if (pid == 0) return 1;
        if (errno == EINTR) continue;
        return 0;  /* ECHILD: nobody left */
    }
}

/* Kills every descendant until none is left, then exits with the server's status. */
static void keeper_finish(pid_t server, int server_status, int server_done) {
    for (int round = 0; round < 1000; round++) {
        keeper_signal_descendants(SIGKILL);
        if (!keeper_reap(server, &server_status, &server_done)) break;
        keeper_sleep_ms(5);
    }
    if (!server_done) _exit(137);
    if (WIFEXITED(server_status)) _exit(WEXITSTATUS(server_status));
    _exit(128 + (WIFSIGNALED(server_status) ? WTERMSIG(server_status) : 0));
}

static void keeper_close_others(int keep_a, int keep_b) {
    int low = keep_a < keep_b ? keep_a : keep_b;
    int high = keep_a < keep_b ? keep_b : keep_a;
#if defined(SYS_close_range)
    if (low > 3) syscall(SYS_close_range, 3, low - 1, 0);
    if (high > low + 1) syscall(SYS_close_range, low + 1, high - 1, 0);
    if (syscall(SYS_close_range, high + 1, ~0U, 0) == 0) return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    for (int fd = 3; fd < (max > 0 && max < 65536 ? max : 65536); fd++) {
        if (fd != keep_a && fd != keep_b) close(fd);
    }
}

static void keeper_main(const char *path, char *const argv[], char *const envp[], int stdin_fd, int stdout_fd, int stderr_fd,
                        const char *cwd, int death_signal, const struct guard_spawn_extras *extras, int status_fd, int lifeline_fd) {
    setpgid(0, 0);
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = keeper_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    int err = 0;
    if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) err = errno;
    if (err == 0 && cwd != NULL && chdir(cwd) != 0) err = errno;
    if (err != 0) {
        ssize_t ignored = write(status_fd, &err, sizeof err);
        (void)ignored;
        _exit(127);
    }
    keeper_close_others(status_fd, lifeline_fd);
    pid_t keeper = getpid();
    pid_t server = fork();
    if (server < 0) {
        err = errno;
        ssize_t ignored = write(status_fd, &err, sizeof err);
        (void)ignored;
        _exit(127);
    }
    if (server == 0) {
        close(lifeline_fd);
        if (death_signal > 0) {
            prctl(PR_SET_PDEATHSIG, death_signal);
            if (getppid() != keeper) _exit(127);
        }
        /* Joining the server's own cgroup before exec, so nothing it forks can start outside the limits. */
        for (int i = 0; extras != NULL && extras->cgroup_procs != NULL && extras->cgroup_procs[i] != NULL; i++) {
            int group = open(extras->cgroup_procs[i], O_WRONLY | O_CLOEXEC);
            if (group < 0 || write(group, "0\n", 2) != 2) {
                err = errno;
                ssize_t ignored = write(status_fd, &err, sizeof err);
                (void)ignored;
                _exit(127);
            }
            close(group);
        }
        /* A user namespace can only be made by a single-threaded process: this one, before exec. */
        if (extras != NULL && (extras->unshare_network || extras->as_nobody) && guard_unshare(extras->unshare_network, extras->as_nobody) != 0) {
            err = errno;
            ssize_t ignored = write(status_fd, &err, sizeof err);
            (void)ignored;
            _exit(127);
        }
        signal(SIGPIPE, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        execve(path, argv, envp);
        err = errno;
        ssize_t ignored = write(status_fd, &err, sizeof err);
        (void)ignored;
        _exit(127);
    }
    close(status_fd);
    /* The server has its own copies; holding them would keep its stdout open after it exits. */
    close(0);
    close(1);
    close(2);
    int server_status = 0, server_done = 0, forwarded = 0;
    long since_exit_ms = -1;
    for (;;) {
        struct pollfd lifeline = {lifeline_fd, POLLIN, 0};
        int ready = poll(&lifeline, 1, 20);
        if (ready > 0 && (lifeline.revents & (POLLIN | POLLHUP | POLLERR))) {
            keeper_finish(server, server_status, server_done);  /* mcpguard is gone, or wants everything dead now */
        }
        if (keeper_terminate && !forwarded) {
            forwarded = 1;
            keeper_signal_descendants(SIGTERM);
        }
        int left = keeper_reap(server, &server_status, &server_done);
        if (server_done) {
            if (!left) keeper_finish(server, server_status, server_done);
            /* The server is gone but something it started is not: TERM it, and KILL it after a second. */
            if (since_exit_ms < 0) { since_exit_ms = 0; keeper_signal_descendants(SIGTERM); }
            since_exit_ms += 20;
            if (since_exit_ms >= 1000) keeper_finish(server, server_status, server_done);
        }
    }
}

pid_t guard_spawn_kept(const char *file, char *const argv[], char *const envp[], int stdin_fd, int stdout_fd,
                       int stderr_fd, const char *cwd, int death_signal, const struct guard_spawn_extras *extras,
                       int *lifeline_out, int *error_out) {
    char resolved[4096];
    const char *path = guard_search_path(file, envp, resolved, sizeof resolved);
    if (path == NULL) { *error_out = ENOENT; return -1; }
    int status_pipe[2];
    if (guard_pipe(status_pipe) != 0) { *error_out = errno; return -1; }
    int lifeline[2];
    if (guard_pipe(lifeline) != 0) {
        *error_out = errno;
        close(status_pipe[0]);
        close(status_pipe[1]);
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        *error_out = errno;
        close(status_pipe[0]);
        close(status_pipe[1]);
        close(lifeline[0]);
        close(lifeline[1]);
        return -1;
    }
    if (pid == 0) {
        close(status_pipe[0]);
        close(lifeline[1]);
        keeper_main(path, argv, envp, stdin_fd, stdout_fd, stderr_fd, cwd, death_signal, extras, status_pipe[1], lifeline[0]);
        _exit(127);
    }
    setpgid(pid, pid);
    close(status_pipe[1]);
    close(lifeline[0]);
    int child_error = guard_await_exec(pid, status_pipe[0]);
    if (child_error != 0) {
        *error_out = child_error;
        close(lifeline[1]);
        return -1;
    }
    *lifeline_out = lifeline[1];
    return pid;
}
#endif
